package org.unbinddesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.unbind.UnbindService;

/**
 * "Unbind terminal" (asynchronous): a failure here is technical, so it is left to the engine to retry and then to
 * raise an incident that operations retry from Cockpit. The unbind service refuses a case that is not approved.
 */
@Component("unbindTerminal")
class UnbindTerminalDelegate implements JavaDelegate {

	private final UnbindService unbind;

	UnbindTerminalDelegate(UnbindService unbind) {
		this.unbind = unbind;
	}

	@Override
	public void execute(DelegateExecution execution) {
		unbind.unbind(execution.getProcessInstanceId());
	}

}
