package org.unbinddesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.Stage;
import org.unbinddesk.unbind.UnbindService;

/**
 * "Stop terminal" (at the daily cut-off after approval): the terminal takes no more transactions, so the settlement
 * run that follows pays its last day.
 */
@Component("stopTerminal")
class StopTerminalDelegate implements JavaDelegate {

	private final UnbindService unbind;

	private final CaseRegistry cases;

	StopTerminalDelegate(UnbindService unbind, CaseRegistry cases) {
		this.unbind = unbind;
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		cases.enterStage(execution.getProcessInstanceId(), Stage.UNBIND);
		unbind.stop(execution.getProcessInstanceId());
	}

}
