package org.unbinddesk.api;

import static org.unbinddesk.process.ProcessVariables.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.documents.DocumentService;

/**
 * Passes a merchant's answer to the case waiting for it, by correlating the message the process waits for. A case
 * that is not waiting for that message gets a 409 naming what it does wait for.
 */
@Service
class CaseMessages {

	private final RuntimeService runtime;

	private final CaseQueries queries;

	CaseMessages(RuntimeService runtime, CaseQueries queries) {
		this.runtime = runtime;
		this.queries = queries;
	}

	void supplyDocuments(String caseNumber, List<String> documents) {
		correlate(caseNumber, MESSAGE_DOCUMENTS_SUPPLIED,
				Map.of(ADDITIONAL_DOCUMENTS, DocumentService.join(DocumentService.parse(String.join(",", documents)))));
	}

	void decideFee(String caseNumber, MessageRequests.FeeDecision decision) {
		if (decision.decision() == MessageRequests.Decision.ACCEPT) {
			correlate(caseNumber, MESSAGE_FEE_ACCEPTED, Map.of());
		}
		else {
			correlate(caseNumber, MESSAGE_FEE_DECLINED,
					decision.reason() == null ? Map.of() : Map.of(FEE_DECLINE_REASON, decision.reason()));
		}
	}

	void cancel(String caseNumber, String reason) {
		correlate(caseNumber, MESSAGE_CANCELLATION_REQUESTED,
				reason == null ? Map.of() : Map.of(CANCELLATION_REASON, reason));
	}

	private void correlate(String caseNumber, String message, Map<String, Object> variables) {
		UnbindingCase c = queries.find(caseNumber);
		List<String> waitingFor = queries.waitingFor(c.getProcessInstanceId());
		if (!waitingFor.contains(message)) {
			throw notWaiting(c, message, waitingFor);
		}
		try {
			runtime.createMessageCorrelation(message)
				.processInstanceBusinessKey(caseNumber)
				.setVariables(variables)
				.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw notWaiting(c, message, queries.waitingFor(c.getProcessInstanceId()));
		}
	}

	private static ApiException notWaiting(UnbindingCase c, String message, List<String> waitingFor) {
		String now = waitingFor.isEmpty() ? "no message" : String.join(", ", waitingFor);
		return new ApiException(ProblemTypes.NOT_WAITING, "Case " + c.getCaseNumber() + " (" + c.getStatus() + ", "
				+ c.getStage() + ") is not waiting for " + message + "; it waits for " + now,
				Map.of("waitingFor", waitingFor));
	}

}
