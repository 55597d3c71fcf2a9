package org.unbinddesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.unbind.UnbindService;

/**
 * "Stop terminal" (at the daily cut-off after approval): the terminal takes no more transactions, so the settlement
 * run that follows pays its last day.
 */
@Component("stopTerminal")
class StopTerminalDelegate implements JavaDelegate {

	private final UnbindService unbind;

	StopTerminalDelegate(UnbindService unbind) {
		this.unbind = unbind;
	}

	@Override
	public void execute(DelegateExecution execution) {
		unbind.stop(execution.getProcessInstanceId());
	}

}
