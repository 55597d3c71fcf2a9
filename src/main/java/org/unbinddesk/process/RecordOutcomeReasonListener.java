package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.OUTCOME_REASON_CODE;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the end events inside "Handle application" that end it for a reason the system knows: records that reason's
 * code ({@code reason.*} in the notice texts), which the rejection or withdrawal notice and the close of the case
 * read. It is set here, on the inner end event, because the outer end event ("Application rejected", "Application
 * withdrawn") is shared with ends that give their reason otherwise (a reviewer's words).
 */
@Component("recordOutcomeReason")
class RecordOutcomeReasonListener implements ExecutionListener {

	private static final Map<String, String> REASON_CODE_BY_END_EVENT = Map.of(
			"Event_IdentityMismatched", "IDENTITY_MISMATCH",
			"Event_IdentityNotConfirmed", "IDENTITY_NOT_CONFIRMED",
			"Event_FeeDeclinedWithdrawn", "FEE_DECLINED",
			"Event_FeeLapsedWithdrawn", "FEE_LAPSED",
			"Event_BlockNotClearedLapsed", "BLOCK_NOT_CLEARED");

	@Override
	public void notify(DelegateExecution execution) {
		String code = REASON_CODE_BY_END_EVENT.get(execution.getCurrentActivityId());
		if (code == null) {
			throw new IllegalStateException(execution.getCurrentActivityId() + " has no outcome reason");
		}
		execution.setVariable(OUTCOME_REASON_CODE, code);
	}

}
