package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.unbind.DeviceDisposition;
import org.unbinddesk.unbind.UnbindService;

/**
 * "Record device disposition and deposit refund": the refund is the one assessed on the case, never a variable; a
 * leased device to come back sends the case on to wait for it.
 */
@Component("settleDeviceAndDeposit")
class SettleDeviceAndDepositDelegate implements JavaDelegate {

	private final UnbindService unbind;

	SettleDeviceAndDepositDelegate(UnbindService unbind) {
		this.unbind = unbind;
	}

	@Override
	public void execute(DelegateExecution execution) {
		DeviceDisposition disposition = unbind.settleDeviceAndDeposit(execution.getProcessInstanceId(),
				text(execution, DEVICE_DISPOSITION));
		execution.setVariable(DEVICE_DISPOSITION, disposition.name());
		execution.setVariable(DEVICE_TO_RETURN, disposition == DeviceDisposition.AWAITING_RETURN);
	}

}
