package org.unbinddesk.unbind;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.unbinddesk.fee.DeviceCondition;

/**
 * The return of a leased device for one case: the courier it was sent with, what the warehouse found when it arrived
 * (the serial number scanned, its condition, what that costs under the fee table), or the forfeit of the deposit.
 */
@Entity
@Table(name = "device_return")
public class DeviceReturn {

	@Id
	@Column(name = "case_number")
	private String caseNumber;

	@Column(name = "terminal_sn")
	private String terminalSn;

	@Column(name = "courier_company")
	private String courierCompany;

	@Column(name = "courier_number")
	private String courierNumber;

	@Column(name = "shipped_recorded_by")
	private String shippedRecordedBy;

	@Column(name = "shipped_recorded_at")
	private LocalDateTime shippedRecordedAt;

	@Column(name = "scanned_sn")
	private String scannedSn;

	@Enumerated(EnumType.STRING)
	@Column(name = "device_condition")
	private DeviceCondition condition;

	private BigDecimal deduction;

	@Column(name = "received_by")
	private String receivedBy;

	@Column(name = "received_at")
	private LocalDateTime receivedAt;

	@Column(name = "forfeited_at")
	private LocalDateTime forfeitedAt;

	protected DeviceReturn() {
	}

	DeviceReturn(String caseNumber, String terminalSn) {
		this.caseNumber = caseNumber;
		this.terminalSn = terminalSn;
	}

	void shipped(String courierCompany, String courierNumber, String by, LocalDateTime at) {
		this.courierCompany = courierCompany;
		this.courierNumber = courierNumber;
		this.shippedRecordedBy = by;
		this.shippedRecordedAt = at;
	}

	void received(String scannedSn, DeviceCondition condition, BigDecimal deduction, String by, LocalDateTime at) {
		this.scannedSn = scannedSn;
		this.condition = condition;
		this.deduction = deduction;
		this.receivedBy = by;
		this.receivedAt = at;
	}

	void forfeited(LocalDateTime at) {
		this.forfeitedAt = at;
	}

	/** Whether the return is settled: the device arrived, or the deposit was forfeited. */
	public boolean isSettled() {
		return receivedAt != null || forfeitedAt != null;
	}

	public boolean isReceived() {
		return receivedAt != null;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public String getCourierCompany() {
		return courierCompany;
	}

	public String getCourierNumber() {
		return courierNumber;
	}

	public LocalDateTime getShippedRecordedAt() {
		return shippedRecordedAt;
	}

	public DeviceCondition getCondition() {
		return condition;
	}

	public BigDecimal getDeduction() {
		return deduction;
	}

	public String getReceivedBy() {
		return receivedBy;
	}

	public LocalDateTime getReceivedAt() {
		return receivedAt;
	}

	public LocalDateTime getForfeitedAt() {
		return forfeitedAt;
	}

}
