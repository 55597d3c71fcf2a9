package org.unbinddesk.merchant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A POS terminal: its serial number (SN) is the tamper-proof identity, the 8-character terminal id (终端号) the one
 * merchants read off their receipts.
 */
@Entity
@Table(name = "terminal")
public class Terminal {

	public static final String ACTIVE = "ACTIVE";

	public static final String DISABLED = "DISABLED";

	public static final String SUSPENDED = "SUSPENDED";

	@Id
	private String sn;

	@Column(name = "terminal_id")
	private String terminalId;

	private String model;

	private String status;

	@Column(name = "activated_on")
	private LocalDate activatedOn;

	private BigDecimal deposit;

	private String ownership;

	@Column(name = "minimum_term_months")
	private int minimumTermMonths;

	@Column(name = "registered_address")
	private String registeredAddress;

	@Column(name = "seen_away_from_address")
	private boolean seenAwayFromAddress;

	@Column(name = "status_changed_at")
	private LocalDateTime statusChangedAt;

	/** The SIM data plan's yearly fee (CNY); null when the acquirer bills no plan (the merchant's own SIM). */
	@Column(name = "sim_annual_fee")
	private BigDecimal simAnnualFee;

	/** The last day the SIM data plan is paid for; null when the acquirer bills no plan. */
	@Column(name = "sim_paid_until")
	private LocalDate simPaidUntil;

	/**
	 * How the deposit comes back: {@code REFUND_ON_RETURN} (a leased POS, once it is back) or {@code ACTIVATION_TARGET}
	 * (an electronic-signature POS, 电签: when the trading target was met; the device stays with the merchant).
	 */
	@Column(name = "deposit_model")
	private String depositModel;

	/** The day the merchant met the activation trading target; null while not met. */
	@Column(name = "activation_target_met_on")
	private LocalDate activationTargetMetOn;

	protected Terminal() {
	}

	public void disable(LocalDateTime at) {
		this.status = DISABLED;
		this.statusChangedAt = at;
	}

	/** Stops the terminal taking transactions while its case runs (挂失/紧急停机); it stays bound. */
	public void suspend(LocalDateTime at) {
		this.status = SUSPENDED;
		this.statusChangedAt = at;
	}

	/** Lifts a suspension: the terminal takes transactions again. */
	public void reactivate(LocalDateTime at) {
		this.status = ACTIVE;
		this.statusChangedAt = at;
	}

	public boolean isSuspended() {
		return SUSPENDED.equals(status);
	}

	public BigDecimal getSimAnnualFee() {
		return simAnnualFee;
	}

	public LocalDate getSimPaidUntil() {
		return simPaidUntil;
	}

	public String getDepositModel() {
		return depositModel;
	}

	public boolean isActivationTargetMet() {
		return activationTargetMetOn != null;
	}

	/** Whether the acquirer bills this terminal a SIM data plan. */
	public boolean hasSimPlan() {
		return simPaidUntil != null && simAnnualFee != null && simAnnualFee.signum() > 0;
	}

	public LocalDateTime getStatusChangedAt() {
		return statusChangedAt;
	}

	public String getSn() {
		return sn;
	}

	public String getTerminalId() {
		return terminalId;
	}

	public String getModel() {
		return model;
	}

	public String getStatus() {
		return status;
	}

	public LocalDate getActivatedOn() {
		return activatedOn;
	}

	public BigDecimal getDeposit() {
		return deposit;
	}

	public String getOwnership() {
		return ownership;
	}

	public int getMinimumTermMonths() {
		return minimumTermMonths;
	}

	public String getRegisteredAddress() {
		return registeredAddress;
	}

	public boolean isSeenAwayFromAddress() {
		return seenAwayFromAddress;
	}

}
