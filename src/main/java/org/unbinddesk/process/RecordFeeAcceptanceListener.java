package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.FEE_SETTLED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.unbinddesk.cases.CaseRegistry;

/**
 * "Fee accepted": the merchant's acceptance is recorded on the case, where the unbind looks for it, and stands for
 * any later round of the application.
 */
@Component("recordFeeAcceptance")
class RecordFeeAcceptanceListener implements ExecutionListener {

	private final CaseRegistry cases;

	RecordFeeAcceptanceListener(CaseRegistry cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateExecution execution) {
		cases.acceptFee(cases.ofProcess(execution.getProcessInstanceId()).getCaseNumber());
		execution.setVariable(FEE_SETTLED, true);
	}

}
