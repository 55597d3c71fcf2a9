package org.unbinddesk.unbind;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The SIM data fee paid back for the months left in the plan's paid period, started once the terminal is unbound. */
@Entity
@Table(name = "sim_fee_refund")
public class SimFeeRefund {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "case_number")
	private String caseNumber;

	@Column(name = "terminal_sn")
	private String terminalSn;

	@Column(name = "merchant_no")
	private String merchantNo;

	private BigDecimal amount;

	private String status;

	@Column(name = "created_at")
	private LocalDateTime createdAt;

	protected SimFeeRefund() {
	}

	SimFeeRefund(String caseNumber, String terminalSn, String merchantNo, BigDecimal amount, LocalDateTime createdAt) {
		this.caseNumber = caseNumber;
		this.terminalSn = terminalSn;
		this.merchantNo = merchantNo;
		this.amount = amount;
		this.status = "STARTED";
		this.createdAt = createdAt;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public String getStatus() {
		return status;
	}

}
