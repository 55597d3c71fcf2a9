package org.unbinddesk.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.audit.RefusalLog;
import org.unbinddesk.documents.DocumentService;
import org.unbinddesk.cases.Registration.InvalidReason;
import org.unbinddesk.merchant.Binding;
import org.unbinddesk.merchant.BindingRepository;
import org.unbinddesk.merchant.MerchantRepository;
import org.unbinddesk.merchant.Terminal;
import org.unbinddesk.merchant.TerminalRepository;

/**
 * Opens, moves and closes cases in the registry. Opening checks the contact against the registry (DOMAIN step 1):
 * the merchant and terminal exist, the terminal is bound to that merchant, and no other case is open for it.
 */
@Service
@EnableConfigurationProperties(CaseLimits.class)
public class CaseRegistry {

	public static final Pattern MERCHANT_NO = Pattern.compile("\\d{15}");

	public static final Pattern TERMINAL_ID = Pattern.compile("[A-Za-z0-9]{8}");

	public static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Logger log = LoggerFactory.getLogger(CaseRegistry.class);

	private final UnbindingCaseRepository cases;

	private final MerchantRepository merchants;

	private final TerminalRepository terminals;

	private final BindingRepository bindings;

	private final AuditLog audit;

	private final Clock clock;

	private final CaseLimits limits;

	private final CaseMetrics metrics;

	private final RefusalLog refusals;

	CaseRegistry(UnbindingCaseRepository cases, MerchantRepository merchants, TerminalRepository terminals,
			BindingRepository bindings, AuditLog audit, RefusalLog refusals, Clock clock, CaseLimits limits,
			CaseMetrics metrics) {
		this.refusals = refusals;
		this.limits = limits;
		this.metrics = metrics;
		this.cases = cases;
		this.merchants = merchants;
		this.terminals = terminals;
		this.bindings = bindings;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a case and checks it; an invalid request is recorded too (closed later as "Request invalid").
	 * @param unexpected what else the start carried that the process cannot take; any makes the request malformed
	 */
	@Transactional
	public Registration register(String caseNumber, String processInstanceId, CaseRequest given,
			List<String> unexpected) {
		CaseRequest request = fitted(given);
		UnbindingCase unbindingCase = new UnbindingCase(caseNumber, processInstanceId, request,
				LocalDateTime.now(clock));
		RegistryCheck check = unexpected.isEmpty() ? check(request)
				: RegistryCheck.invalid(null, InvalidReason.MALFORMED_REQUEST, String.join(", ", unexpected));
		if (check.terminal() != null) {
			unbindingCase.identifyTerminal(check.terminal().getSn(), check.terminal().getTerminalId());
		}
		if (check.valid()) {
			unbindingCase.holdTerminal();
		}
		boolean suspend = check.valid() && Reason.LOST_DEVICE.name().equals(request.reason())
				&& !check.terminal().isSuspended();
		Registration registration = new Registration(unbindingCase, check.reason(), check.args());
		if (suspend) {
			// a lost device stops taking transactions on the first call, before documents and review
			check.terminal().suspend(LocalDateTime.now(clock));
			terminals.save(check.terminal());
			unbindingCase.markTerminalSuspended();
		}
		cases.saveAndFlush(unbindingCase);
		metrics.caseStarted(request.channel());
		audit.record(unbindingCase, "CASE_OPENED", "Channel " + request.channel() + ", reason " + request.reason()
				+ (registration.valid() ? "" : "; request invalid: " + registration.reasonText()));
		if (suspend) {
			audit.record(unbindingCase, "TERMINAL_SUSPENDED", "Reported lost: terminal " + check.terminal().getTerminalId()
					+ " takes no transactions while the case runs");
		}
		log.info("Case {} opened for merchant {} terminal {}: {}", caseNumber, request.merchantNo(),
				request.terminalId(), registration.valid() ? "valid" : registration.invalidReason());
		return registration;
	}

	/**
	 * Checks a request against the registry without recording anything.
	 * @return the check; {@link RegistryCheck#valid()} when a case may be opened
	 */
	@Transactional(readOnly = true)
	public RegistryCheck check(CaseRequest request) {
		List<String> malformed = malformedFields(request);
		if (!malformed.isEmpty()) {
			return RegistryCheck.invalid(null, InvalidReason.MALFORMED_REQUEST, String.join(", ", malformed));
		}
		if (merchants.findById(request.merchantNo()).isEmpty()) {
			return RegistryCheck.invalid(null, InvalidReason.UNKNOWN_MERCHANT, request.merchantNo());
		}
		String terminalRef = request.terminalId() != null ? request.terminalId() : request.terminalSn();
		Optional<Terminal> terminal = findTerminal(request);
		if (terminal.isEmpty()) {
			return RegistryCheck.invalid(null, InvalidReason.UNKNOWN_TERMINAL, terminalRef);
		}
		Optional<Binding> binding = bindings.findByTerminalSn(terminal.get().getSn());
		if (binding.isEmpty() || !binding.get().getMerchantNo().equals(request.merchantNo())) {
			return RegistryCheck.invalid(null, InvalidReason.TERMINAL_NOT_BOUND, terminalRef, request.merchantNo());
		}
		Optional<UnbindingCase> open = cases.findByOpenTerminalSn(terminal.get().getSn());
		if (open.isPresent()) {
			return RegistryCheck.invalid(terminal.get(), InvalidReason.CASE_ALREADY_OPEN,
					terminal.get().getTerminalId(), open.get().getCaseNumber());
		}
		LocalDateTime midnight = LocalDate.now(clock).atStartOfDay();
		if (cases.countByTerminalSnAndOpenedAtAfter(terminal.get().getSn(), midnight) >= limits
			.casesPerTerminalPerDay()) {
			return RegistryCheck.invalid(terminal.get(), InvalidReason.DAILY_LIMIT_REACHED,
					"terminal " + terminal.get().getTerminalId(), String.valueOf(limits.casesPerTerminalPerDay()));
		}
		if (cases.countByMerchantNoAndOpenedAtAfter(request.merchantNo(), midnight) >= limits
			.casesPerMerchantPerDay()) {
			return RegistryCheck.invalid(terminal.get(), InvalidReason.DAILY_LIMIT_REACHED,
					"merchant " + request.merchantNo(), String.valueOf(limits.casesPerMerchantPerDay()));
		}
		return new RegistryCheck(terminal.get(), null, List.of());
	}

	private Optional<Terminal> findTerminal(CaseRequest request) {
		Optional<Terminal> byId = Optional.ofNullable(request.terminalId()).flatMap(terminals::findByTerminalId);
		Optional<Terminal> bySn = Optional.ofNullable(request.terminalSn()).flatMap(terminals::findById);
		if (request.terminalId() != null && request.terminalSn() != null) {
			// both given: they must name the same device
			return byId.filter(t -> bySn.isPresent() && bySn.get().getSn().equals(t.getSn()));
		}
		return byId.isPresent() ? byId : bySn;
	}

	/** The open case of a terminal, if any. */
	public Optional<UnbindingCase> openCaseOf(String terminalSn) {
		return cases.findByOpenTerminalSn(terminalSn);
	}

	/**
	 * @param terminal the terminal the request names, when it was found
	 * @param reason why the request cannot be accepted; null when it can
	 */
	public record RegistryCheck(Terminal terminal, InvalidReason reason, List<String> args) {

		static RegistryCheck invalid(Terminal terminal, InvalidReason reason, String... args) {
			return new RegistryCheck(terminal, reason, Arrays.asList(args));
		}

		public boolean valid() {
			return reason == null;
		}

		public String reasonText() {
			return valid() ? null : reason.describe(args);
		}

	}

	/** The fields that are missing or malformed, by their variable names. */
	public static List<String> malformedFields(CaseRequest r) {
		List<String> fields = new ArrayList<>();
		if (!isOneOf(r.channel(), Channel.values())) {
			fields.add("channel");
		}
		if (r.merchantNo() == null || !MERCHANT_NO.matcher(r.merchantNo()).matches()) {
			fields.add("merchantNo");
		}
		if (r.terminalId() == null && r.terminalSn() == null) {
			fields.add("terminalId");
		}
		if (r.terminalId() != null && !TERMINAL_ID.matcher(r.terminalId()).matches()) {
			fields.add("terminalId");
		}
		if (!isOneOf(r.reason(), Reason.values())) {
			fields.add("reason");
		}
		if (r.applicantName() == null) {
			fields.add("applicantName");
		}
		if (r.applicantIdNumber() == null) {
			fields.add("applicantIdNumber");
		}
		if (r.applicantPhone() == null || !MOBILE.matcher(r.applicantPhone()).matches()) {
			fields.add("applicantPhone");
		}
		if (!isOneOf(r.applicantRole(), ApplicantRole.values())) {
			fields.add("applicantRole");
		}
		if (!DocumentService.unknown(r.documents()).isEmpty()) {
			fields.add("documents");
		}
		return fields;
	}

	private static boolean isOneOf(String value, Enum<?>[] values) {
		return value != null && Arrays.stream(values).anyMatch(v -> v.name().equals(value));
	}

	/** Cuts what was given to the registry's column sizes: an invalid request is recorded, not refused by the DB. */
	static CaseRequest fitted(CaseRequest r) {
		return new CaseRequest(fit(r.channel(), 20), fit(r.merchantNo(), 15), fit(r.terminalId(), 8),
				fit(r.terminalSn(), 32), fit(r.reason(), 30), fit(r.applicantName(), 100),
				fit(r.applicantIdNumber(), 18), fit(r.applicantPhone(), 11), fit(r.applicantRole(), 20),
				r.documents());
	}

	private static String fit(String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		return stripped.length() <= max ? stripped : stripped.substring(0, max);
	}

	@Transactional
	public UnbindingCase moveTo(String caseNumber, Stage stage) {
		UnbindingCase unbindingCase = get(caseNumber);
		unbindingCase.moveTo(stage, LocalDateTime.now(clock));
		return unbindingCase;
	}

	@Transactional
	public void recordFee(String caseNumber, BigDecimal fee, BigDecimal depositRefund) {
		get(caseNumber).recordFee(fee, depositRefund);
	}

	/** A reviewer decided: when the review was due and when it was decided, for the SLA figures. */
	@Transactional
	public void recordReview(String caseNumber, LocalDateTime dueAt) {
		get(caseNumber).recordReview(dueAt, LocalDateTime.now(clock));
	}

	@Transactional
	public UnbindingCase close(String caseNumber, Outcome outcome, String reason) {
		UnbindingCase unbindingCase = get(caseNumber);
		unbindingCase.close(outcome, reason, LocalDateTime.now(clock));
		audit.record(unbindingCase, "CASE_CLOSED", outcome + (reason == null ? "" : ": " + reason));
		if (outcome != Outcome.UNBOUND && unbindingCase.hasSuspendedTerminal()) {
			terminals.findById(unbindingCase.getTerminalSn()).filter(Terminal::isSuspended).ifPresent(t -> {
				t.reactivate(LocalDateTime.now(clock));
				audit.record(unbindingCase, "TERMINAL_REACTIVATED",
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
		audit.record(unbindingCase, "FEE_ACCEPTED", "Fee CNY " + unbindingCase.getFee() + " accepted");
	}

	@Transactional
	public void recordRisk(String caseNumber, String level) {
		get(caseNumber).recordRisk(level);
	}

	@Transactional
	public void recordBlocks(String caseNumber, String reasons) {
		get(caseNumber).recordBlocks(reasons);
	}

	/** A reviewer approved; refused (with the reason, audited) for a blocked or closed case. */
	@Transactional
	public UnbindingCase approve(String caseNumber, String reviewer) {
		UnbindingCase unbindingCase = get(caseNumber);
		audited(unbindingCase, "APPROVAL_REFUSED", () -> unbindingCase.approve(reviewer, LocalDateTime.now(clock)));
		return unbindingCase;
	}

	/** The second approval of a high-risk case; refused (audited) for the first approver. */
	@Transactional
	public UnbindingCase approveSecond(String caseNumber, String approver) {
		UnbindingCase unbindingCase = get(caseNumber);
		audited(unbindingCase, "SECOND_APPROVAL_REFUSED",
				() -> unbindingCase.approveSecond(approver, LocalDateTime.now(clock)));
		return unbindingCase;
	}

	/** Four eyes on claiming or completing the second approval: the first approver is refused, and that is audited. */
	public void refuseFirstApprover(String caseNumber, String user) {
		UnbindingCase unbindingCase = get(caseNumber);
		audited(unbindingCase, "SECOND_APPROVAL_REFUSED", () -> unbindingCase.refuseFirstApprover(user));
	}

	/** Runs a change the case may refuse; a refusal is recorded (in its own transaction) and passed on. */
	private void audited(UnbindingCase unbindingCase, String action, Runnable change) {
		try {
			change.run();
		}
		catch (CaseRuleViolation refused) {
			refusals.refused(unbindingCase, action, refused.getMessage());
			throw refused;
		}
	}

	/**
	 * The case a process instance works on. Steps find their case this way, never by a variable a caller could set, so
	 * an instance that did not begin at "Unbinding requested" (and so registered nothing) cannot act on any case.
	 */
	public UnbindingCase ofProcess(String processInstanceId) {
		return cases.findByProcessInstanceId(processInstanceId)
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
