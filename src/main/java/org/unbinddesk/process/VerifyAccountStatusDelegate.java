package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.account.AccountStatus;
import org.unbinddesk.account.AccountStatusChecker;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.UnbindingCase;

/**
 * "Verify account status": unsettled transactions make the case wait for the next settlement run, a bounded number
 * of times; blocks (frozen funds, disputes, unpaid fees) are flagged for the reviewer.
 */
@Component("verifyAccountStatus")
class VerifyAccountStatusDelegate implements JavaDelegate {

	private final AccountStatusChecker checker;

	private final CaseRegistry cases;

	private final UnbindingSettings settings;

	private final AuditLog audit;

	VerifyAccountStatusDelegate(AccountStatusChecker checker, CaseRegistry cases, UnbindingSettings settings,
			AuditLog audit) {
		this.checker = checker;
		this.cases = cases;
		this.settings = settings;
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		UnbindingCase c = cases.ofProcess(execution.getProcessInstanceId());
		int checks = ExecutionValues.count(execution, SETTLEMENT_CHECKS) + 1;
		AccountStatus status = checker.check(c.getMerchantNo(), c.getTerminalSn());
		boolean await = status.unsettled() && checks < settings.getSettlementMaxChecks();
		List<String> warnings = new ArrayList<>();
		if (status.unsettled() && !await) {
			warnings.add(AccountStatus.UNSETTLED_TRANSACTIONS);
		}
		cases.recordBlocks(c.getCaseNumber(), String.join(",", status.blockReasons()));
		execution.setVariable(SETTLEMENT_CHECKS, checks);
		execution.setVariable(AWAIT_SETTLEMENT, await);
		execution.setVariable(ACCOUNT_BLOCKED, status.blocked());
		execution.setVariable(BLOCK_REASONS, String.join(",", status.blockReasons()));
		execution.setVariable(ACCOUNT_WARNINGS, String.join(",", warnings));
		audit.record(c, "ACCOUNT_CHECKED", "Check " + checks + ": " + (status.unsettled() ? "unsettled" : "settled")
				+ (status.blocked() ? ", blocked " + status.blockReasons() : ""));
	}

}
