package org.unbinddesk.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.unbinddesk.system.Masks;

/**
 * The registry's record of one unbinding case. It holds what the process must not: the applicant's full ID and phone
 * number. {@code openTerminalSn} is set while the case is open; its unique index keeps one open case per terminal.
 */
@Entity
@Table(name = "unbinding_case")
public class UnbindingCase {

	@Id
	@Column(name = "case_number")
	private String caseNumber;

	@Column(name = "process_instance_id")
	private String processInstanceId;

	private String channel;

	@Column(name = "merchant_no")
	private String merchantNo;

	@Column(name = "terminal_sn")
	private String terminalSn;

	@Column(name = "terminal_id")
	private String terminalId;

	private String reason;

	@Column(name = "applicant_name")
	private String applicantName;

	@Column(name = "applicant_id_number")
	private String applicantIdNumber;

	@Column(name = "applicant_phone")
	private String applicantPhone;

	@Column(name = "applicant_role")
	private String applicantRole;

	@Column(name = "open_terminal_sn")
	private String openTerminalSn;

	@Enumerated(EnumType.STRING)
	private CaseStatus status;

	@Enumerated(EnumType.STRING)
	private Stage stage;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	@Column(name = "outcome_reason")
	private String outcomeReason;

	@Column(name = "device_disposition")
	private String deviceDisposition;

	@Column(name = "opened_at")
	private LocalDateTime openedAt;

	@Column(name = "closed_at")
	private LocalDateTime closedAt;

	@Column(name = "application_at")
	private LocalDateTime applicationAt;

	@Column(name = "review_at")
	private LocalDateTime reviewAt;

	@Column(name = "unbind_at")
	private LocalDateTime unbindAt;

	@Column(name = "confirmation_at")
	private LocalDateTime confirmationAt;

	@Column(name = "total_seconds")
	private Long totalSeconds;

	@Column(name = "application_seconds")
	private Long applicationSeconds;

	@Column(name = "review_seconds")
	private Long reviewSeconds;

	@Column(name = "unbind_seconds")
	private Long unbindSeconds;

	@Column(name = "confirmation_seconds")
	private Long confirmationSeconds;

	@Column(name = "review_due_at")
	private LocalDateTime reviewDueAt;

	@Column(name = "reviewed_at")
	private LocalDateTime reviewedAt;

	private BigDecimal fee;

	@Column(name = "deposit_refund")
	private BigDecimal depositRefund;

	protected UnbindingCase() {
	}

	public UnbindingCase(String caseNumber, String processInstanceId, CaseRequest request, LocalDateTime openedAt) {
		this.caseNumber = caseNumber;
		this.processInstanceId = processInstanceId;
		this.channel = request.channel();
		this.merchantNo = request.merchantNo();
		this.terminalId = request.terminalId();
		this.terminalSn = request.terminalSn();
		this.reason = request.reason();
		this.applicantName = request.applicantName();
		this.applicantIdNumber = request.applicantIdNumber();
		this.applicantPhone = request.applicantPhone();
		this.applicantRole = request.applicantRole();
		this.status = CaseStatus.OPEN;
		this.stage = Stage.CONTACT;
		this.openedAt = openedAt;
	}

	public void identifyTerminal(String sn, String terminalId) {
		this.terminalSn = sn;
		this.terminalId = terminalId;
	}

	/** The request is valid: from now on the case holds the terminal's one open slot. */
	public void holdTerminal() {
		this.openTerminalSn = terminalSn;
	}

	/** Moves the case on; the first time it enters a stage is kept, for the time each stage took. */
	public void moveTo(Stage stage, LocalDateTime at) {
		this.stage = stage;
		switch (stage) {
			case APPLICATION -> applicationAt = applicationAt == null ? at : applicationAt;
			case REVIEW -> reviewAt = reviewAt == null ? at : reviewAt;
			case UNBIND -> unbindAt = unbindAt == null ? at : unbindAt;
			case CONFIRMATION -> confirmationAt = confirmationAt == null ? at : confirmationAt;
			default -> {
			}
		}
	}

	public void recordFee(BigDecimal fee, BigDecimal depositRefund) {
		this.fee = fee;
		this.depositRefund = depositRefund;
	}

	public void recordReview(LocalDateTime dueAt, LocalDateTime decidedAt) {
		this.reviewDueAt = dueAt;
		this.reviewedAt = decidedAt;
	}

	public void close(Outcome outcome, String reason, LocalDateTime at) {
		this.totalSeconds = seconds(openedAt, at);
		this.applicationSeconds = seconds(applicationAt, reviewAt);
		this.reviewSeconds = seconds(reviewAt, unbindAt);
		this.unbindSeconds = seconds(unbindAt, confirmationAt);
		this.confirmationSeconds = seconds(confirmationAt, confirmationAt == null ? null : at);
		this.status = CaseStatus.CLOSED;
		this.outcome = outcome;
		this.outcomeReason = reason == null ? null : reason.substring(0, Math.min(reason.length(), 500));
		this.closedAt = at;
		this.openTerminalSn = null;
	}

	private static Long seconds(LocalDateTime from, LocalDateTime to) {
		return from == null || to == null ? null : Duration.between(from, to).toSeconds();
	}

	public void recordDeviceDisposition(String disposition) {
		this.deviceDisposition = disposition;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public String getChannel() {
		return channel;
	}

	public String getMerchantNo() {
		return merchantNo;
	}

	public String getTerminalSn() {
		return terminalSn;
	}

	public String getTerminalId() {
		return terminalId;
	}

	public String getReason() {
		return reason;
	}

	public String getApplicantName() {
		return applicantName;
	}

	public String getApplicantIdNumber() {
		return applicantIdNumber;
	}

	public String getApplicantPhone() {
		return applicantPhone;
	}

	public String getApplicantIdMasked() {
		return Masks.last4(applicantIdNumber);
	}

	public String getApplicantPhoneMasked() {
		return Masks.last4(applicantPhone);
	}

	public String getApplicantRole() {
		return applicantRole;
	}

	public CaseStatus getStatus() {
		return status;
	}

	public Stage getStage() {
		return stage;
	}

	public Outcome getOutcome() {
		return outcome;
	}

	public String getOutcomeReason() {
		return outcomeReason;
	}

	public String getDeviceDisposition() {
		return deviceDisposition;
	}

	public LocalDateTime getOpenedAt() {
		return openedAt;
	}

	public LocalDateTime getClosedAt() {
		return closedAt;
	}

	public BigDecimal getFee() {
		return fee;
	}

	public Long getTotalSeconds() {
		return totalSeconds;
	}

}
