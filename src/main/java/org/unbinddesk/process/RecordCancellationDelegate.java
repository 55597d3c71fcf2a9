package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.audit.AuditAction;

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
		String reason = FreeText.scrub(execution, CANCELLATION_REASON);
		execution.setVariable(OUTCOME_REASON, reason == null ? "Cancelled at the merchant's request" : reason);
		audit.record(cases.ofProcess(execution.getProcessInstanceId()), AuditAction.CANCELLATION_REQUESTED, reason);
	}

}
