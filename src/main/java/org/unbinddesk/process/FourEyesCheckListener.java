package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.unbinddesk.cases.CaseReview;
import org.unbinddesk.cases.CaseReview.Decision;

/**
 * Four eyes on "Give second approval": the engine refuses to assign the task to, or let it be completed by, the person
 * who gave the first approval ({@link CaseReview}). It listens to both events so that neither a claim nor a direct
 * completion slips by.
 */
@Component("fourEyesCheck")
class FourEyesCheckListener implements TaskListener {

	private final CaseReview review;

	FourEyesCheckListener(CaseReview review) {
		this.review = review;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
			review.mayGiveSecondApproval(task.getProcessInstanceId(), task.getAssignee());
			return;
		}
		String approver = ExecutionValues.actor(task);
		review.mayGiveSecondApproval(task.getProcessInstanceId(), task.getAssignee());
		Decision decision = review.decideSecond(task.getProcessInstanceId(), text(task, SECOND_APPROVAL_DECISION),
				approver, FreeText.scrub(task, REJECTION_REASON), text(task, REJECTION_CATEGORY));
		if (decision == Decision.REJECT) {
			task.setVariable(OUTCOME_REASON, text(task, REJECTION_REASON));
			task.removeVariable(OUTCOME_REASON_CODE);
		}
		FreeText.scrub(task, REVIEW_COMMENT);
		task.setVariable(SECOND_APPROVER, approver);
	}

}
