package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import java.util.Objects;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.system.Masks;

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
		String firstReviewer = text(task, FIRST_REVIEWER);
		String caseNumber = text(task, CASE_NUMBER);
		if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
			refuseFirstReviewer(task.getAssignee(), firstReviewer, caseNumber);
			return;
		}
		String approver = ExecutionValues.actor(task);
		if (approver == null) {
			throw new BadUserRequestException("Claim the task before giving the second approval");
		}
		refuseFirstReviewer(approver, firstReviewer, caseNumber);
		refuseFirstReviewer(task.getAssignee(), firstReviewer, caseNumber);
		String decision = text(task, SECOND_APPROVAL_DECISION);
		String detail;
		if (RecordReviewDecisionListener.APPROVE.equals(decision)) {
			detail = "Second approval given";
		}
		else if (RecordReviewDecisionListener.REJECT.equals(decision)) {
			String reason = Masks.scrub(text(task, REJECTION_REASON), 500);
			if (reason == null) {
				throw new BadUserRequestException("Refusing the second approval needs a reason (rejectionReason)");
			}
			task.setVariable(OUTCOME_REASON, reason);
			task.removeVariable(OUTCOME_REASON_CODE);
			detail = "Second approval refused: " + reason;
		}
		else {
			throw new BadUserRequestException(
					"Choose a decision (secondApprovalDecision): APPROVE or REJECT; got " + decision);
		}
		task.setVariable(SECOND_APPROVER, approver);
		audit.record(cases.get(caseNumber), "SECOND_APPROVAL_DECIDED", detail, approver);
	}

	private static void refuseFirstReviewer(String user, String firstReviewer, String caseNumber) {
		if (user != null && Objects.equals(user, firstReviewer)) {
			throw new BadUserRequestException("Four eyes: " + user + " gave the first approval of case " + caseNumber
					+ " and cannot give the second; another supervisor must");
		}
	}

}
