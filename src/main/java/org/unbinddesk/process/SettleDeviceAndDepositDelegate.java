package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.unbind.DeviceDisposition;
import org.unbinddesk.unbind.UnbindService;

/**
 * "Record device disposition and deposit refund".
 */
@Component("settleDeviceAndDeposit")
class SettleDeviceAndDepositDelegate implements JavaDelegate {

	private final UnbindService unbind;

	SettleDeviceAndDepositDelegate(UnbindService unbind) {
		this.unbind = unbind;
	}

	@Override
	public void execute(DelegateExecution execution) {
		BigDecimal refund = ExecutionValues.amount(execution, DEPOSIT_REFUND);
		DeviceDisposition disposition = unbind.settleDeviceAndDeposit(text(execution, CASE_NUMBER),
				text(execution, DEVICE_DISPOSITION), refund);
		execution.setVariable(DEVICE_DISPOSITION, disposition.name());
		execution.setVariable(REFUND_STARTED,
				disposition == DeviceDisposition.RETURNED ? refund.doubleValue() : 0.0);
	}

}
