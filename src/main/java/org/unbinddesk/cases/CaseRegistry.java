package org.unbinddesk.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.merchant.Terminal;
import org.unbinddesk.merchant.TerminalRepository;
import org.unbinddesk.audit.AuditAction;

/**
 * The cases in the registry once opened (see {@link CaseOpening}): finds them, moves them through their stages, records
 * what the process decided and closes them. A change the case refuses is recorded in the audit trail and passed on.
 */
@Service
public class CaseRegistry {

	private static final Logger log = LoggerFactory.getLogger(CaseRegistry.class);

	private final UnbindingCaseRepository cases;

	private final TerminalRepository terminals;

	private final AuditLog audit;

	private final CaseMetrics metrics;

	private final Clock clock;

	CaseRegistry(UnbindingCaseRepository cases, TerminalRepository terminals, AuditLog audit,
			CaseMetrics metrics, Clock clock) {
		this.cases = cases;
		this.terminals = terminals;
		this.audit = audit;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * The case of that process instance enters a stage. The process's steps are the one place stages change: the
	 * first step of each stage calls this.
	 */
	@Transactional
	public UnbindingCase enterStage(String processInstanceId, Stage stage) {
		UnbindingCase unbindingCase = ofProcess(processInstanceId);
		unbindingCase.moveTo(stage, LocalDateTime.now(clock));
		return unbindingCase;
	}

	@Transactional
	public void recordFee(String caseNumber, BigDecimal fee, BigDecimal depositRefund, DepositReturn depositReturn,
			BigDecimal simFee, BigDecimal simRefund) {
		UnbindingCase unbindingCase = get(caseNumber);
		unbindingCase.recordFee(fee, depositRefund, simFee, simRefund);
		unbindingCase.recordDepositReturn(depositReturn);
	}

	@Transactional
	public UnbindingCase close(String caseNumber, Outcome outcome, String reason) {
		UnbindingCase unbindingCase = get(caseNumber);
		unbindingCase.close(outcome, reason, LocalDateTime.now(clock));
		audit.record(unbindingCase, AuditAction.CASE_CLOSED, outcome + (reason == null ? "" : ": " + reason));
		if (outcome != Outcome.UNBOUND && unbindingCase.hasSuspendedTerminal()) {
			terminals.findById(unbindingCase.getTerminalSn()).filter(Terminal::isSuspended).ifPresent(t -> {
				t.reactivate(LocalDateTime.now(clock));
				audit.record(unbindingCase, AuditAction.TERMINAL_REACTIVATED,
						"Case ended without an unbind (" + outcome + "): suspension of " + t.getTerminalId() + " lifted");
			});
		}
		metrics.caseEnded(outcome);
		log.info("Case {} closed: {}", caseNumber, outcome);
		return unbindingCase;
	}

	/** The merchant accepted the assessed fee. */
	@Transactional
	public void acceptFee(String caseNumber) {
		UnbindingCase unbindingCase = get(caseNumber);
		unbindingCase.acceptFee(LocalDateTime.now(clock));
		audit.record(unbindingCase, AuditAction.FEE_ACCEPTED, "Fee CNY " + unbindingCase.getFee() + " accepted");
	}

	/**
	 * The merchant reported a suspicious call about the case (through an intake system, or to an agent on the
	 * callback). Refused once the application is approved.
	 * @param note what the merchant said, masked free text, or null
	 * @return the case, its risk level raised to high if it had been assessed lower
	 */
	@Transactional
	public UnbindingCase reportSuspiciousCall(String caseNumber, String note, String reporter) {
		UnbindingCase unbindingCase = get(caseNumber);
		boolean raised = unbindingCase.reportSuspiciousCall(LocalDateTime.now(clock));
		audit.record(unbindingCase, AuditAction.SUSPICIOUS_CALL_REPORTED,
				(raised ? "Risk raised to HIGH" : "Risk to be assessed as HIGH") + (note == null ? "" : ": " + note),
				reporter);
		return unbindingCase;
	}

	/**
	 * The merchant confirmed the request with a one-time code (checked by the caller); refused once approved.
	 * @param client the intake client that passed the code on
	 */
	@Transactional
	public UnbindingCase recordMerchantConsent(String caseNumber, String client) {
		UnbindingCase unbindingCase = get(caseNumber);
		unbindingCase.recordMerchantConsent(client, LocalDateTime.now(clock));
		audit.record(unbindingCase, AuditAction.MERCHANT_CONSENT_GIVEN,
				"Confirmed by the merchant with a one-time code to the phone on file, via " + client, client);
		return unbindingCase;
	}

	@Transactional
	public void recordRisk(String caseNumber, String level) {
		get(caseNumber).recordRisk(level);
	}

	@Transactional
	public void recordBlocks(String caseNumber, String reasons) {
		get(caseNumber).recordBlocks(reasons);
	}

	/**
	 * The case a process instance works on. Steps find their case this way, never by a variable a caller could set, so
	 * an instance that did not begin at "Unbinding requested" (and so registered nothing) cannot act on any case.
	 */
	public UnbindingCase ofProcess(String processInstanceId) {
		return cases.findOfProcess(processInstanceId)
			.orElseThrow(() -> CaseRuleViolation.notRegistered(processInstanceId));
	}

	public UnbindingCase get(String caseNumber) {
		return cases.findById(caseNumber)
			.orElseThrow(() -> new IllegalStateException("Case " + caseNumber + " is not in the registry"));
	}

	public Optional<UnbindingCase> find(String caseNumber) {
		return cases.findById(caseNumber);
	}

}
