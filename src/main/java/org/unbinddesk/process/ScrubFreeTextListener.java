package org.unbinddesk.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing a task whose form takes free text and has no listener of its own ("Resolve account issue"): masks any
 * long number typed into it before the value stays in the process.
 */
@Component("scrubFreeText")
class ScrubFreeTextListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		for (String name : ProcessVariables.FREE_TEXT) {
			if (task.hasVariable(name)) {
				FreeText.scrub(task, name);
			}
		}
	}

}
