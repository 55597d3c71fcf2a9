package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.CALL_CHECK_NOTE;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditAction;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;

/** Completing "Check reported call": what the supervisor found goes into the audit trail, masked. */
@Component("recordCallCheck")
class RecordCallCheckListener implements TaskListener {

	private final CaseRegistry cases;

	private final AuditLog audit;

	RecordCallCheckListener(CaseRegistry cases, AuditLog audit) {
		this.cases = cases;
		this.audit = audit;
	}

	@Override
	public void notify(DelegateTask task) {
		String note = FreeText.scrub(task, CALL_CHECK_NOTE);
		if (note == null) {
			throw new BadUserRequestException("请填写核查结果");
		}
		audit.record(cases.ofProcess(task.getProcessInstanceId()), AuditAction.SUSPICIOUS_CALL_CHECKED, note,
				ExecutionValues.actor(task));
	}

}
