package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.notice.NoticeService;

/**
 * On every end event of the process: closes the case in the registry with the outcome that end event stands for,
 * which frees the terminal for a new case.
 */
@Component("closeCase")
class CloseCaseListener implements ExecutionListener {

	private final CaseRegistry cases;

	private final NoticeService notices;

	CloseCaseListener(CaseRegistry cases, NoticeService notices) {
		this.cases = cases;
		this.notices = notices;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Outcome outcome = Outcome.ofEndEvent(execution.getCurrentActivityId())
			.orElseThrow(() -> new IllegalStateException(execution.getCurrentActivityId() + " is not an outcome"));
		String reason = text(execution, OUTCOME_REASON);
		String code = text(execution, OUTCOME_REASON_CODE);
		if (reason == null && code != null) {
			String args = text(execution, OUTCOME_REASON_ARGS);
			reason = notices.describe(code, args == null ? new Object[0] : args.split("\\|"));
		}
		if (outcome == Outcome.UNBOUND) {
			reason = null;
		}
		cases.close(cases.ofProcess(execution.getProcessInstanceId()).getCaseNumber(), outcome, reason);
		execution.setVariable(OUTCOME, outcome.name());
		if (reason != null) {
			execution.setVariable(OUTCOME_REASON, reason);
		}
	}

}
