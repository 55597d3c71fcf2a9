package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.audit.AuditAction;

/**
 * Completing "Call merchant back": the agent must say whether the legal person confirmed the request.
 */
@Component("recordCallback")
class RecordCallbackListener implements TaskListener {

	private final CaseRegistry cases;

	private final AuditLog audit;

	RecordCallbackListener(CaseRegistry cases, AuditLog audit) {
		this.cases = cases;
		this.audit = audit;
	}

	@Override
	public void notify(DelegateTask task) {
		Object confirmed = task.getVariable(CALLBACK_CONFIRMED);
		if (!(confirmed instanceof Boolean)) {
			throw new BadUserRequestException("请选择法定代表人/经营者是否确认了该申请");
		}
		String note = FreeText.scrub(task, CALLBACK_NOTE);
		task.setVariable(IDENTITY_CONFIRMED, confirmed);
		if (Boolean.TRUE.equals(task.getVariable(SUSPICIOUS_CALL_REPORTED))) {
			// on the call the merchant says someone posing as us called them: the case is treated as possible fraud
			cases.reportSuspiciousCall(cases.ofProcess(task.getProcessInstanceId()).getCaseNumber(),
					note == null ? "reported on the callback" : note, ExecutionValues.actor(task));
		}
		audit.record(cases.ofProcess(task.getProcessInstanceId()), AuditAction.CALLBACK_DONE,
				(Boolean) confirmed ? "Confirmed by the legal person" : "Not confirmed" + (note == null ? "" : ": " + note),
				ExecutionValues.actor(task));
	}

}
