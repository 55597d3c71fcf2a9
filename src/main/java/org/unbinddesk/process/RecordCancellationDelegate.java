package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.system.Masks;

/**
 * "Record cancellation": the merchant withdrew the request before the unbind started.
 */
@Component("recordCancellation")
class RecordCancellationDelegate implements JavaDelegate {

	private final CaseRegistry cases;

	private final AuditLog audit;

	RecordCancellationDelegate(CaseRegistry cases, AuditLog audit) {
		this.cases = cases;
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reason = Masks.scrub(text(execution, CANCELLATION_REASON), 500);
		execution.setVariable(OUTCOME_REASON, reason == null ? "Cancelled at the merchant's request" : reason);
		audit.record(cases.get(text(execution, CASE_NUMBER)), "CANCELLATION_REQUESTED", reason);
	}

}
