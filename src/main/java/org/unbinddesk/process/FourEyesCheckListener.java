package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;

/**
 * Four eyes on "Give second approval": the engine refuses to assign the task to, or let it be completed by, the person
 * who gave the first approval. It listens to both events so that neither a claim nor a direct completion slips by.
 */
@Component("fourEyesCheck")
class FourEyesCheckListener implements TaskListener {

	private final CaseRegistry cases;

	private final AuditLog audit;

	FourEyesCheckListener(CaseRegistry cases, AuditLog audit) {
		this.cases = cases;
		this.audit = audit;
	}

	@Override
	public void notify(DelegateTask task) {
		String caseNumber = cases.ofProcess(task.getProcessInstanceId()).getCaseNumber();
		if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
			cases.refuseFirstApprover(caseNumber, task.getAssignee());
			return;
		}
		String approver = ExecutionValues.actor(task);
		if (approver == null) {
			throw new BadUserRequestException("请先认领任务，再给出第二次批准");
		}
		cases.refuseFirstApprover(caseNumber, approver);
		cases.refuseFirstApprover(caseNumber, task.getAssignee());
		String decision = text(task, SECOND_APPROVAL_DECISION);
		String detail;
		if (RecordReviewDecisionListener.APPROVE.equals(decision)) {
			cases.approveSecond(caseNumber, approver);
			detail = "Second approval given";
		}
		else if (RecordReviewDecisionListener.REJECT.equals(decision)) {
			String reason = FreeText.scrub(task, REJECTION_REASON);
			if (reason == null) {
				throw new BadUserRequestException("拒绝第二次批准须填写原因");
			}
			task.setVariable(OUTCOME_REASON, reason);
			task.removeVariable(OUTCOME_REASON_CODE);
			detail = "Second approval refused: " + reason;
		}
		else {
			throw new BadUserRequestException("请选择复核结论：批准或拒绝");
		}
		FreeText.scrub(task, REVIEW_COMMENT);
		task.setVariable(SECOND_APPROVER, approver);
		audit.record(cases.get(caseNumber), "SECOND_APPROVAL_DECIDED", detail, approver);
	}

}
