package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.unbinddesk.unbind.Courier;
import org.unbinddesk.unbind.DeviceReturns;

/**
 * Completing "Receive returned device": the registry checks the scanned serial number against the case's terminal and
 * prices the condition; a device that is not the case's is refused with a message Tasklist shows, and the task stays.
 */
@Component("recordDeviceReturn")
class RecordDeviceReturnListener implements TaskListener {

	private final DeviceReturns returns;

	RecordDeviceReturnListener(DeviceReturns returns) {
		this.returns = returns;
	}

	@Override
	public void notify(DelegateTask task) {
		returns.receive(task.getProcessInstanceId(), ExecutionValues.text(task, SCANNED_SN),
				ExecutionValues.text(task, DEVICE_CONDITION),
				Courier.parse(ExecutionValues.text(task, COURIER)).orElse(null), ExecutionValues.text(task, WAYBILL_NUMBER),
				ExecutionValues.actor(task));
	}

}
