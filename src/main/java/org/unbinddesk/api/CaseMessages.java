package org.unbinddesk.api;

import static org.unbinddesk.process.ProcessVariables.*;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.CaseRuleViolation;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.documents.CaseDocument;
import org.unbinddesk.documents.CaseDocuments;
import org.unbinddesk.consent.ConsentCodes;
import org.unbinddesk.consent.ConsentPurpose;
import org.unbinddesk.consent.ConsentRefused;
import org.unbinddesk.documents.DocumentService;
import org.unbinddesk.runtime.EngineAccess;
import org.unbinddesk.privacy.Masks;
import org.unbinddesk.problem.ProblemTypes;
import org.unbinddesk.unbind.DeviceReturns;

/**
 * Passes a merchant's answer to the case waiting for it, by correlating the message the process waits for. A case
 * that is not waiting for that message gets a 409 naming what it does wait for. A fee decision and a cancellation
 * need the one-time code sent to the legal person's phone on file (422 when it does not confirm them).
 */
@Service
class CaseMessages {

	private final RuntimeService runtime;

	private final CaseQueries queries;

	private final EngineAccess engine;

	private final CaseDocuments files;

	private final ConsentCodes consent;

	private final CaseRegistry registry;

	private final DeviceReturns deviceReturns;

	CaseMessages(RuntimeService runtime, CaseQueries queries, EngineAccess engine, CaseDocuments files,
			ConsentCodes consent, CaseRegistry registry, DeviceReturns deviceReturns) {
		this.deviceReturns = deviceReturns;
		this.registry = registry;
		this.files = files;
		this.consent = consent;
		this.runtime = runtime;
		this.queries = queries;
		this.engine = engine;
	}

	/** Codes alone, from a channel that verified the papers elsewhere: passed on, and recorded as such. */
	void supplyDocuments(String caseNumber, List<String> documents, String client) {
		String codes = String.join(",", documents);
		List<String> unknown = DocumentService.unknown(codes);
		if (!unknown.isEmpty()) {
			throw new ApiException(ProblemTypes.VALIDATION, "documents: unknown document codes " + unknown
					+ "; known codes are " + new TreeSet<>(DocumentService.CODES),
					Map.of("errors", List.of(Map.of("field", "documents", "message", "holds unknown codes " + unknown))));
		}
		Set<String> parsed = DocumentService.parse(codes);
		correlate(caseNumber, MESSAGE_DOCUMENTS_SUPPLIED, Map.of(ADDITIONAL_DOCUMENTS, DocumentService.join(parsed)));
		files.recordVerifiedElsewhere(caseNumber, parsed, client);
	}

	/**
	 * After a file arrived: when the case waits for documents and every missing code now has a file, the documents
	 * are supplied (message {@code DocumentsSupplied}), as if the codes had been sent.
	 *
	 * @return whether the message was correlated
	 */
	boolean fileArrived(String caseNumber) {
		UnbindingCase c = queries.find(caseNumber);
		if (!queries.waitingFor(c.getProcessInstanceId()).contains(MESSAGE_DOCUMENTS_SUPPLIED)) {
			return false;
		}
		Set<String> withFiles = files.list(caseNumber)
			.stream()
			.filter(d -> d.kind() == CaseDocument.Kind.FILE)
			.map(CaseDocument::code)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Object missing = engine.asService(() -> runtime.getVariable(c.getProcessInstanceId(), MISSING_DOCUMENTS));
		if (!withFiles.containsAll(DocumentService.parse((String) missing))) {
			return false;
		}
		try {
			correlate(caseNumber, MESSAGE_DOCUMENTS_SUPPLIED, Map.of(ADDITIONAL_DOCUMENTS, DocumentService.join(withFiles)));
			return true;
		}
		catch (ApiException ex) {
			// another upload supplied them first
			if (ex.type() == ProblemTypes.NOT_WAITING) {
				return false;
			}
			throw ex;
		}
	}

	void decideFee(String caseNumber, MessageRequests.FeeDecision decision) {
		if (decision.decision() == MessageRequests.Decision.ACCEPT) {
			correlate(caseNumber, MESSAGE_FEE_ACCEPTED, Map.of(), ConsentPurpose.FEE, decision.otp());
		}
		else {
			correlate(caseNumber, MESSAGE_FEE_DECLINED,
					decision.reason() == null ? Map.of() : Map.of(FEE_DECLINE_REASON, Masks.scrub(decision.reason(), 500)),
					ConsentPurpose.FEE, decision.otp());
		}
	}

	void cancel(String caseNumber, String reason, String otp) {
		correlate(caseNumber, MESSAGE_CANCELLATION_REQUESTED,
				reason == null ? Map.of() : Map.of(CANCELLATION_REASON, Masks.scrub(reason, 500)),
				ConsentPurpose.CANCELLATION, otp);
	}

	/**
	 * The merchant reports a suspicious call: recorded in the registry (which raises the risk), then the process is
	 * told, which gives supervisors a task to check the call. Refused for a closed or an approved case.
	 */
	@Transactional
	void reportSuspiciousCall(String caseNumber, String note, String client) {
		UnbindingCase c = queries.find(caseNumber);
		if (c.getOutcome() != null) {
			throw new ApiException(ProblemTypes.CASE_CLOSED, "Case " + caseNumber + " is closed (" + c.getOutcome() + ")");
		}
		String scrubbed = Masks.scrub(note, 500);
		UnbindingCase reported;
		try {
			reported = registry.reportSuspiciousCall(caseNumber, scrubbed, client);
		}
		catch (CaseRuleViolation refused) {
			throw new ApiException(ProblemTypes.NOT_WAITING, "Case " + caseNumber
					+ " is approved already: a suspicious call is reported to the official hotline, not to the case");
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(SUSPICIOUS_CALL_REPORTED, true);
		variables.put(SUSPICIOUS_CALL_NOTE, scrubbed == null ? "" : scrubbed);
		if (reported.getRiskLevel() != null) {
			variables.put(RISK_LEVEL, reported.getRiskLevel());
		}
		engine.asService(() -> {
			runtime.setVariables(c.getProcessInstanceId(), variables);
			return null;
		});
	}

	/**
	 * The courier a leased device was sent back with. Refused unless the case is open, approved, its deposit comes
	 * back by a return and the device has not arrived yet.
	 */
	void recordShipment(String caseNumber, MessageRequests.DeviceShipment shipment, String client) {
		UnbindingCase c = queries.find(caseNumber);
		if (c.getOutcome() != null) {
			throw new ApiException(ProblemTypes.CASE_CLOSED, "Case " + caseNumber + " is closed (" + c.getOutcome() + ")");
		}
		try {
			deviceReturns.recordShipment(caseNumber, shipment.courier(), shipment.waybillNumber(), client);
		}
		catch (CaseRuleViolation refused) {
			throw new ApiException(ProblemTypes.NOT_WAITING, "Case " + caseNumber + " does not wait for a device: "
					+ "its deposit does not come back by a return, it is not approved yet, or the device has arrived");
		}
	}

	/**
	 * The merchant confirms a request not made in the merchant's app with the code sent to the phone on file: recorded
	 * in the registry, which lets no approval through without it.
	 */
	// not one transaction: a wrong code's count must stay when the refusal is answered (ConsentCodes keeps it)
	void giveMerchantConsent(String caseNumber, String otp, String client) {
		UnbindingCase c = requireConsentOpen(caseNumber);
		try {
			consent.confirm(caseNumber, ConsentPurpose.UNBINDING, otp);
		}
		catch (ConsentRefused ex) {
			throw refused(ex);
		}
		registry.recordMerchantConsent(caseNumber, client);
		engine.asService(() -> {
			runtime.setVariable(c.getProcessInstanceId(), MERCHANT_CONSENTED, true);
			return null;
		});
	}

	/** The case, open, not approved yet, and waiting for the merchant's own confirmation. */
	private UnbindingCase requireConsentOpen(String caseNumber) {
		UnbindingCase c = queries.find(caseNumber);
		if (c.getOutcome() != null) {
			throw new ApiException(ProblemTypes.CASE_CLOSED, "Case " + caseNumber + " is closed (" + c.getOutcome() + ")");
		}
		if (c.hasMerchantConsent() || c.getFinallyApprovedAt().isPresent() || c.getApprovedBy() != null) {
			throw new ApiException(ProblemTypes.NOT_WAITING, "Case " + caseNumber + " does not wait for the merchant's "
					+ "confirmation: it came from the merchant's app, was confirmed already, or is approved");
		}
		return c;
	}

	/** A code goes out only while the case waits for the decision it confirms. */
	ConsentCodes.Issued requestConsentCode(String caseNumber, ConsentPurpose purpose) {
		UnbindingCase c = queries.find(caseNumber);
		if (purpose == ConsentPurpose.UNBINDING) {
			requireConsentOpen(caseNumber);
			try {
				return consent.issue(c, purpose);
			}
			catch (ConsentRefused ex) {
				throw refused(ex);
			}
		}
		String message = purpose == ConsentPurpose.FEE ? MESSAGE_FEE_ACCEPTED : MESSAGE_CANCELLATION_REQUESTED;
		List<String> waitingFor = queries.waitingFor(c.getProcessInstanceId());
		if (!waitingFor.contains(message)) {
			throw notWaiting(c, message, waitingFor);
		}
		try {
			return consent.issue(c, purpose);
		}
		catch (ConsentRefused ex) {
			throw refused(ex);
		}
	}

	private void correlate(String caseNumber, String message, Map<String, Object> variables) {
		correlate(caseNumber, message, variables, null, null);
	}

	/** The case, then its wait, then the merchant's one-time code (when the decision needs one), then the engine. */
	private void correlate(String caseNumber, String message, Map<String, Object> variables, ConsentPurpose purpose,
			String otp) {
		UnbindingCase c = queries.find(caseNumber);
		List<String> waitingFor = queries.waitingFor(c.getProcessInstanceId());
		if (!waitingFor.contains(message)) {
			throw notWaiting(c, message, waitingFor);
		}
		if (purpose != null) {
			try {
				consent.confirm(caseNumber, purpose, otp);
			}
			catch (ConsentRefused ex) {
				throw refused(ex);
			}
		}
		try {
			// as the service: callers hold no engine rights; this API checked their groups and the case's wait
			engine.asService(() -> runtime.createMessageCorrelation(message)
				.processInstanceId(c.getProcessInstanceId())
				.setVariables(variables)
				.correlateWithResult());
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw notWaiting(c, message, queries.waitingFor(c.getProcessInstanceId()));
		}
	}

	private static ApiException refused(ConsentRefused ex) {
		return switch (ex.kind()) {
			case WRONG_CODE -> new ApiException(ProblemTypes.CONSENT_CODE_WRONG, ex.getMessage(),
					Map.of("triesLeft", ex.triesLeft()));
			case NO_VALID_CODE -> new ApiException(ProblemTypes.CONSENT_CODE_INVALID, ex.getMessage());
			case NOT_SENT -> new ApiException(ProblemTypes.CONSENT_CODE_NOT_SENT, ex.getMessage());
			case TOO_SOON -> new ApiException(ProblemTypes.TOO_MANY_REQUESTS, ex.getMessage());
		};
	}

	private static ApiException notWaiting(UnbindingCase c, String message, List<String> waitingFor) {
		String now = waitingFor.isEmpty() ? "no message" : String.join(", ", waitingFor);
		return new ApiException(ProblemTypes.NOT_WAITING, "Case " + c.getCaseNumber() + " (" + c.getStatus() + ", "
				+ c.getStage() + ") is not waiting for " + message + "; it waits for " + now,
				Map.of("waitingFor", waitingFor));
	}

}
