package org.unbinddesk.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

import org.unbinddesk.audit.AuditedCase;
import org.unbinddesk.privacy.Masks;

/**
 * The registry's record of one unbinding case. It holds what the process must not: the applicant's full ID and phone
 * number. {@code openTerminalSn} is set while the case is open; its unique index keeps one open case per terminal.
 */
@Entity
@Table(name = "unbinding_case")
public class UnbindingCase implements AuditedCase, Persistable<String> {

	/**
	 * A case made by its constructor is new, a loaded one is not: saving a new case inserts it at once, where
	 * {@code save} of an entity with its own id would first read the row to see whether it exists.
	 */
	@Transient
	private boolean fresh;

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

	@Column(name = "rejection_category")
	@Enumerated(EnumType.STRING)
	private RejectionCategory rejectionCategory;

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

	@Enumerated(EnumType.STRING)
	@Column(name = "deposit_return")
	private DepositReturn depositReturn;

	/** When the merchant confirmed the request with a one-time code; null until then, and for the merchant's app. */
	@Column(name = "merchant_consent_at")
	private LocalDateTime merchantConsentAt;

	/** The client that passed the merchant's code on (the app, the IVR, the chat bot). */
	@Column(name = "merchant_consent_by")
	private String merchantConsentBy;

	/** The SIM data fee charged for unpaid months, part of {@link #getFee()}. */
	@Column(name = "sim_fee")
	private BigDecimal simFee;

	/** The SIM data fee refunded for the months left in the paid period. */
	@Column(name = "sim_refund")
	private BigDecimal simRefund;

	@Column(name = "risk_level")
	private String riskLevel;

	@Column(name = "block_reasons")
	private String blockReasons;

	@Column(name = "approved_by")
	private String approvedBy;

	@Column(name = "approved_at")
	private LocalDateTime approvedAt;

	@Column(name = "second_approved_by")
	private String secondApprovedBy;

	@Column(name = "second_approved_at")
	private LocalDateTime secondApprovedAt;

	@Column(name = "suspended_terminal")
	private boolean suspendedTerminal;

	@Column(name = "fee_accepted_at")
	private LocalDateTime feeAcceptedAt;

	@Column(name = "unbound_at")
	private LocalDateTime unboundAt;

	@Column(name = "suspicious_call_at")
	private LocalDateTime suspiciousCallAt;

	@Column(name = "opened_by")
	private String openedBy;

	protected UnbindingCase() {
	}

	@Override
	public String getId() {
		return caseNumber;
	}

	@Override
	public boolean isNew() {
		return fresh;
	}

	@PostPersist
	@PostLoad
	void stored() {
		fresh = false;
	}

	public UnbindingCase(String caseNumber, String processInstanceId, CaseRequest request, LocalDateTime openedAt) {
		this.fresh = true;
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

	/** The intake client or agent whose request opened the case. */
	void openedBy(String actor) {
		this.openedBy = actor;
	}

	public String getOpenedBy() {
		return openedBy;
	}

	/** A case opened before its process instance started joins it; once. */
	void joinProcess(String processInstanceId) {
		if (this.processInstanceId != null) {
			throw new IllegalStateException("Case " + caseNumber + " already has its process instance");
		}
		this.processInstanceId = processInstanceId;
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
		requireOpen("move to " + stage);
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

	/**
	 * The merchant reports a suspicious call about this case (someone posing as customer service). Until the
	 * application is approved it makes the case high risk, so that another supervisor must approve it too; after the
	 * approval it is refused: the merchant is told to call the official hotline.
	 * @return whether the risk level was raised by this report (it had been assessed lower)
	 */
	public boolean reportSuspiciousCall(LocalDateTime at) {
		requireOpen("report a suspicious call");
		if (approvedAt != null) {
			throw new CaseRuleViolation(caseNumber,
					"案件 " + caseNumber + " 已审核通过，不能再登记可疑来电：请商户拨打官方客服热线核实，或由主管处理");
		}
		if (suspiciousCallAt == null) {
			suspiciousCallAt = at;
		}
		boolean raised = riskLevel != null && !"HIGH".equals(riskLevel);
		if (riskLevel != null) {
			riskLevel = "HIGH";
		}
		return raised;
	}

	public boolean isSuspiciousCallReported() {
		return suspiciousCallAt != null;
	}

	public LocalDateTime getSuspiciousCallAt() {
		return suspiciousCallAt;
	}

	/** The terminal was unbound: the binding is gone. */
	public void markUnbound(LocalDateTime at) {
		requireOpen("record the unbind");
		this.unboundAt = at;
	}

	public boolean isUnbound() {
		return unboundAt != null;
	}

	public LocalDateTime getUnboundAt() {
		return unboundAt;
	}

	public void recordFee(BigDecimal fee, BigDecimal depositRefund) {
		recordFee(fee, depositRefund, null, null);
	}

	/** How the deposit assessed with the fee comes back: after the device is returned, with the unbind, or not. */
	public void recordDepositReturn(DepositReturn depositReturn) {
		requireOpen("record how the deposit comes back");
		this.depositReturn = depositReturn;
	}

	/** How the deposit comes back; {@link DepositReturn#NONE} before the fee is assessed. */
	public DepositReturn getDepositReturn() {
		return depositReturn == null ? DepositReturn.NONE : depositReturn;
	}

	/**
	 * @param fee what the merchant pays, the SIM data fee owed included
	 * @param simFee the SIM data fee owed for unpaid months (part of the fee)
	 * @param simRefund the SIM data fee refunded for the months left in the paid period
	 */
	public void recordFee(BigDecimal fee, BigDecimal depositRefund, BigDecimal simFee, BigDecimal simRefund) {
		requireOpen("record a fee");
		this.fee = fee;
		this.depositRefund = depositRefund;
		this.simFee = simFee;
		this.simRefund = simRefund;
	}

	/** The kind of reason a reviewer or supervisor rejected the case for; the case ends as rejected. */
	public void recordRejection(RejectionCategory category) {
		requireOpen("record a rejection");
		this.rejectionCategory = category;
	}

	public RejectionCategory getRejectionCategory() {
		return rejectionCategory;
	}

	public void recordReview(LocalDateTime dueAt, LocalDateTime decidedAt) {
		requireOpen("record a review");
		this.reviewDueAt = dueAt;
		this.reviewedAt = decidedAt;
	}

	public void close(Outcome outcome, String reason, LocalDateTime at) {
		requireOpen("close it as " + outcome);
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

	/** The risk level the {@code UnbindingRisk} table gave; a high one needs a second approval. */
	public void recordRisk(String level) {
		requireOpen("record the risk level");
		this.riskLevel = level;
	}

	/** What blocks the unbind (frozen funds, disputes, unpaid fees), comma-separated; none clears the blocks. */
	public void recordBlocks(String reasons) {
		requireOpen("record account blocks");
		this.blockReasons = reasons == null || reasons.isBlank() ? null : reasons;
	}

	/**
	 * A reviewer approved. Refused while a block is open: approving a blocked case would let the unbind through.
	 */
	public void approve(String reviewer, LocalDateTime at) {
		requireOpen("approve it");
		if (blockReasons != null) {
			throw new CaseRuleViolation(caseNumber, "案件存在未解除的限制（" + blocksInChinese() + "），不能批准：请驳回，或选择“等待限制解除”");
		}
		if (reviewer == null) {
			throw new CaseRuleViolation(caseNumber, "批准须由已登录的审核人给出");
		}
		if (!hasMerchantConsent()) {
			throw new CaseRuleViolation(caseNumber, "商户尚未确认本次解绑申请，不能批准：非商户客户端受理的申请，须由法定代表人或经营者本人用发到预留手机号的验证码确认。请等待商户确认，或驳回");
		}
		this.approvedBy = reviewer;
		this.approvedAt = at;
	}

	/**
	 * Whether the merchant must confirm the request with a one-time code before it can be approved: every request not
	 * made in the merchant's own authenticated app (an agent on the phone, a chat, an e-mail could be anyone).
	 */
	public boolean needsMerchantConsent() {
		return !Channel.APP.name().equals(channel);
	}

	public boolean hasMerchantConsent() {
		return !needsMerchantConsent() || merchantConsentAt != null;
	}

	/** The merchant confirmed the request with the code sent to the phone on file; refused once approved or closed. */
	public void recordMerchantConsent(String by, LocalDateTime at) {
		requireOpen("record the merchant's consent");
		if (approvedBy != null) {
			throw new CaseRuleViolation(caseNumber, "申请已审核通过，无需再确认");
		}
		this.merchantConsentBy = by;
		this.merchantConsentAt = at;
	}

	public LocalDateTime getMerchantConsentAt() {
		return merchantConsentAt;
	}

	public String getMerchantConsentBy() {
		return merchantConsentBy;
	}

	/** Four eyes: the second approval of a high-risk case comes from someone other than the first approver. */
	public void approveSecond(String approver, LocalDateTime at) {
		requireOpen("give the second approval");
		refuseFirstApprover(approver);
		if (approvedBy == null) {
			throw new CaseRuleViolation(caseNumber, "案件尚无第一次批准，不能给出第二次批准");
		}
		this.secondApprovedBy = approver;
		this.secondApprovedAt = at;
	}

	/** Refuses the first approver as the second one (also when they merely claim the task). */
	public void refuseFirstApprover(String user) {
		if (user != null && user.equals(approvedBy)) {
			throw new CaseRuleViolation(caseNumber, "高风险案件需由另一位主管复核：您已给出第一次批准（" + user + "），请由其他主管处理");
		}
	}

	/** Whether anything blocks the unbind (frozen funds, disputes, unpaid fees). */
	public boolean isBlocked() {
		return blockReasons != null;
	}

	/** What reviewers read for each block code. */
	private static final Map<String, String> BLOCK_NAMES = Map.of("FUNDS_FROZEN", "资金冻结", "OPEN_DISPUTE",
			"存在未结调单或拒付", "OUTSTANDING_FEES", "有未缴费用", "ACCOUNT_NOT_IN_OWN_NAME", "结算账户非商户本人名下");

	private String blocksInChinese() {
		return Arrays.stream(blockReasons.split(","))
			.map(code -> BLOCK_NAMES.getOrDefault(code.strip(), "其他限制"))
			.collect(Collectors.joining("、"));
	}

	public void acceptFee(LocalDateTime at) {
		requireOpen("accept the fee");
		this.feeAcceptedAt = at;
	}

	/** This case suspended its terminal (a lost device), and lifts the suspension if it ends without an unbind. */
	public void markTerminalSuspended() {
		this.suspendedTerminal = true;
	}

	public boolean hasSuspendedTerminal() {
		return suspendedTerminal;
	}

	public boolean isHighRisk() {
		return "HIGH".equals(riskLevel);
	}

	/**
	 * Why the terminal may not be unbound now, or empty when it may: the case is open, approved (and, for high risk,
	 * approved again by another person) and free of blocks. Whatever drove the engine, the unbind asks this first.
	 */
	public Optional<String> unbindRefusal() {
		if (status != CaseStatus.OPEN) {
			return Optional.of("the case is closed (" + outcome + ")");
		}
		if (blockReasons != null) {
			return Optional.of("a block is open: " + blockReasons);
		}
		if (approvedBy == null) {
			return Optional.of("no reviewer has approved it");
		}
		if (!hasMerchantConsent()) {
			return Optional.of("the merchant has not confirmed the request with a one-time code");
		}
		if (fee != null && fee.signum() > 0 && feeAcceptedAt == null) {
			return Optional.of("the merchant has not accepted the fee of CNY " + fee);
		}
		if (isHighRisk() && (secondApprovedBy == null || secondApprovedBy.equals(approvedBy))) {
			return Optional.of("it is high risk and has no second approval by another person");
		}
		return Optional.empty();
	}

	private void requireOpen(String change) {
		if (status != CaseStatus.OPEN) {
			throw new CaseRuleViolation(caseNumber, "案件已结束（" + outcome + "），不能再更改：" + change);
		}
	}

	private static Long seconds(LocalDateTime from, LocalDateTime to) {
		return from == null || to == null ? null : Duration.between(from, to).toSeconds();
	}

	public void recordDeviceDisposition(String disposition) {
		requireOpen("record the device disposition");
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

	/** When the application was finally approved: the second approval of a high-risk case, else the first. */
	public Optional<LocalDateTime> getFinallyApprovedAt() {
		return Optional.ofNullable(secondApprovedAt != null ? secondApprovedAt : approvedAt);
	}

	public BigDecimal getDepositRefund() {
		return depositRefund;
	}

	public BigDecimal getSimFee() {
		return simFee;
	}

	public BigDecimal getSimRefund() {
		return simRefund;
	}

	public String getRiskLevel() {
		return riskLevel;
	}

	public String getBlockReasons() {
		return blockReasons;
	}

	public String getApprovedBy() {
		return approvedBy;
	}

	public String getSecondApprovedBy() {
		return secondApprovedBy;
	}

	public Long getTotalSeconds() {
		return totalSeconds;
	}

}
