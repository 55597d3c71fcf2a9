package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.*;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.access.Groups;
import org.unbinddesk.audit.AuditAction;

/**
 * "Escalate review to supervisors": the overdue review task becomes visible to supervisors too, and comes first.
 */
@Component("escalateReview")
class EscalateReviewDelegate implements JavaDelegate {

	static final int ESCALATED_PRIORITY = 90;

	private final CaseRegistry cases;

	private final AuditLog audit;

	EscalateReviewDelegate(CaseRegistry cases, AuditLog audit) {
		this.cases = cases;
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		TaskService tasks = execution.getProcessEngineServices().getTaskService();
		for (Task review : tasks.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(UserTasks.REVIEW_APPLICATION)
			.list()) {
			tasks.addCandidateGroup(review.getId(), Groups.SUPERVISORS);
			tasks.setPriority(review.getId(), ESCALATED_PRIORITY);
		}
		execution.setVariable(REVIEW_ESCALATED, true);
		audit.record(cases.ofProcess(execution.getProcessInstanceId()), AuditAction.REVIEW_ESCALATED,
				"Review overdue: escalated to " + Groups.SUPERVISORS);
	}

}
