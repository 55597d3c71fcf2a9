package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names each task after its case, so a Tasklist list says which merchant and terminal a task is about.
 */
@Component("describeTask")
class DescribeTaskListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		String caseNumber = text(task, CASE_NUMBER);
		String merchant = text(task, MERCHANT_NAME);
		task.setName(task.getName() + " · " + caseNumber + " · " + merchant);
		task.setDescription("Case " + caseNumber + ": " + merchant + " (" + text(task, MERCHANT_NO) + "), terminal "
				+ text(task, TERMINAL_ID) + ", reason " + text(task, REASON)
				+ (text(task, RISK_LEVEL) == null ? "" : ", risk " + text(task, RISK_LEVEL)));
	}

}
