package org.unbinddesk.cases;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.audit.AuditAction;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.Registration.InvalidReason;
import org.unbinddesk.merchant.Terminal;
import org.unbinddesk.merchant.TerminalRepository;

/**
 * Opens cases: the one place a request is checked against the registry and recorded, under a case number the service
 * gives. Two ways in, one check each:
 * <ul>
 * <li>an intake system over {@code /api} ({@link #open}): an ineligible request is refused and nothing is recorded;
 * the case is recorded, then the process started with its number joins it ({@link #join});</li>
 * <li>a start from Tasklist or the engine's REST API ({@link #register}): the request is recorded whatever it holds,
 * and an invalid one ends at "Request invalid" with its reason.</li>
 * </ul>
 */
@Service
public class CaseOpening {

	private static final Logger log = LoggerFactory.getLogger(CaseOpening.class);

	private final CaseEligibility eligibility;

	private final CaseNumbers caseNumbers;

	private final UnbindingCaseRepository cases;

	private final TerminalRepository terminals;

	private final AuditLog audit;

	private final CaseMetrics metrics;

	private final Clock clock;

	CaseOpening(CaseEligibility eligibility, CaseNumbers caseNumbers, UnbindingCaseRepository cases,
			TerminalRepository terminals, AuditLog audit, CaseMetrics metrics, Clock clock) {
		this.eligibility = eligibility;
		this.caseNumbers = caseNumbers;
		this.cases = cases;
		this.terminals = terminals;
		this.audit = audit;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Opens a case for an intake system. Runs in the transaction that then starts the process with the case's number as
	 * its business key, so that a case is never recorded without its process instance.
	 * @throws CaseRefused when the request may not open a case; nothing is recorded
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UnbindingCase open(CaseRequest given) {
		CaseRequest request = given.normalized();
		Eligibility check = eligibility.check(request);
		if (!check.eligible()) {
			throw new CaseRefused(check);
		}
		return record(caseNumbers.next(), null, request, check).unbindingCase();
	}

	/**
	 * The first step of a process instance started for a case {@link #open opened} in the same transaction: the case
	 * joins the instance. Empty for any other start: a case that already has its instance cannot be taken over by naming
	 * its number as a business key.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<UnbindingCase> join(String caseNumber, String processInstanceId) {
		if (caseNumber == null) {
			return Optional.empty();
		}
		return cases.findById(caseNumber).filter(c -> c.getProcessInstanceId() == null).map(c -> {
			c.joinProcess(processInstanceId);
			return c;
		});
	}

	/**
	 * Opens a case for a start from Tasklist or the engine's REST API, recorded whatever it holds (an invalid request is
	 * closed later as "Request invalid", with the reason).
	 * @param unexpected what else the start carried that the process cannot take; any makes the request malformed
	 */
	@Transactional
	public Registration register(String processInstanceId, CaseRequest given, List<String> unexpected) {
		CaseRequest request = given.normalized();
		Eligibility check = unexpected.isEmpty() ? eligibility.check(request)
				: Eligibility.refused(null, InvalidReason.MALFORMED_REQUEST, String.join(", ", unexpected));
		return record(caseNumbers.next(), processInstanceId, request, check);
	}

	private Registration record(String caseNumber, String processInstanceId, CaseRequest request, Eligibility check) {
		UnbindingCase unbindingCase = new UnbindingCase(caseNumber, processInstanceId, request.fitted(),
				LocalDateTime.now(clock));
		unbindingCase.openedBy(audit.currentActor());
		Terminal terminal = check.terminal();
		if (terminal != null) {
			unbindingCase.identifyTerminal(terminal.getSn(), terminal.getTerminalId());
		}
		if (check.eligible()) {
			unbindingCase.holdTerminal();
		}
		// a lost device stops taking transactions on the first call, before documents and review
		boolean suspend = check.eligible() && Reason.LOST_DEVICE.name().equals(request.reason())
				&& !terminal.isSuspended();
		if (suspend) {
			terminal.suspend(LocalDateTime.now(clock));
			terminals.save(terminal);
			unbindingCase.markTerminalSuspended();
		}
		cases.saveAndFlush(unbindingCase);
		metrics.caseStarted(unbindingCase.getChannel());
		audit.record(unbindingCase, AuditAction.CASE_OPENED, "Channel " + unbindingCase.getChannel() + ", reason "
				+ unbindingCase.getReason() + (check.eligible() ? "" : "; request invalid: " + check.reasonText()));
		if (suspend) {
			audit.record(unbindingCase, AuditAction.TERMINAL_SUSPENDED, "Reported lost: terminal "
					+ terminal.getTerminalId() + " takes no transactions while the case runs");
		}
		log.info("Case {} opened for merchant {} terminal {}: {}", caseNumber, unbindingCase.getMerchantNo(),
				unbindingCase.getTerminalId(), check.eligible() ? "valid" : check.reason());
		return new Registration(unbindingCase, check.reason(), check.args());
	}

}
