package org.unbinddesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.unbind.DeviceReturns;

/** "Refund deposit": the deposit less what the returned device's condition costs (the registry keeps the refund). */
@Component("refundDeposit")
class RefundDepositDelegate implements JavaDelegate {

	private final DeviceReturns returns;

	RefundDepositDelegate(DeviceReturns returns) {
		this.returns = returns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		returns.refund(execution.getProcessInstanceId());
	}

}
