package org.unbinddesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.unbind.DeviceReturns;

/** "Forfeit deposit": no device arrived by the return deadline. */
@Component("forfeitDeposit")
class ForfeitDepositDelegate implements JavaDelegate {

	private final DeviceReturns returns;

	ForfeitDepositDelegate(DeviceReturns returns) {
		this.returns = returns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		returns.forfeit(execution.getProcessInstanceId());
	}

}
