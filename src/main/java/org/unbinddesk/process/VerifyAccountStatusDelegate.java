package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.setList;
import static org.unbinddesk.process.ProcessVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.account.AccountStatus;
import org.unbinddesk.account.AccountStatusChecker;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.audit.AuditAction;

/**
 * "Verify account status": blocks (frozen funds, disputes, unpaid fees, an account not in the merchant's name) are
 * recorded on the case and shown to the reviewer; takings not yet settled are only a warning.
 */
@Component("verifyAccountStatus")
class VerifyAccountStatusDelegate implements JavaDelegate {

	private final AccountStatusChecker checker;

	private final CaseRegistry cases;

	private final AuditLog audit;

	VerifyAccountStatusDelegate(AccountStatusChecker checker, CaseRegistry cases, AuditLog audit) {
		this.checker = checker;
		this.cases = cases;
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		UnbindingCase c = cases.ofProcess(execution.getProcessInstanceId());
		AccountStatus status = checker.check(c.getMerchantNo(), c.getTerminalSn());
		// takings not yet settled do not hold the case up: the terminal stops at the cut-off after approval and the
		// unbind waits for the run that pays its last day; the reviewer sees them as a warning
		List<String> warnings = status.unsettled() ? List.of(AccountStatus.UNSETTLED_TRANSACTIONS) : List.of();
		cases.recordBlocks(c.getCaseNumber(), String.join(",", status.blockReasons()));
		execution.setVariable(ACCOUNT_BLOCKED, status.blocked());
		setList(execution, BLOCK_REASONS, status.blockReasons());
		setList(execution, ACCOUNT_WARNINGS, warnings);
		audit.record(c, AuditAction.ACCOUNT_CHECKED, (status.unsettled() ? "Unsettled takings" : "Settled")
				+ (status.blocked() ? ", blocked " + status.blockReasons() : ""));
	}

}
