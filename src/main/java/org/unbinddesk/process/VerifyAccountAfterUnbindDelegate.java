package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.setList;
import static org.unbinddesk.process.ProcessVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.account.AccountStatusChecker;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.Stage;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.unbind.UnbindService;
import org.unbinddesk.audit.AuditAction;

/**
 * "Verify account after unbind": final settlement paid, account normal, no transaction since the unbind. An issue is
 * a business outcome for operations to resolve ({@code ACCOUNT_ISSUE_FOUND}), not a technical failure.
 */
@Component("verifyAccountAfterUnbind")
class VerifyAccountAfterUnbindDelegate implements JavaDelegate {

	static final String ACCOUNT_ISSUE_FOUND = "ACCOUNT_ISSUE_FOUND";

	private final AccountStatusChecker checker;

	private final CaseRegistry cases;

	private final UnbindService unbind;

	private final AuditLog audit;

	VerifyAccountAfterUnbindDelegate(AccountStatusChecker checker, CaseRegistry cases, UnbindService unbind,
			AuditLog audit) {
		this.checker = checker;
		this.cases = cases;
		this.unbind = unbind;
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		UnbindingCase c = cases.enterStage(execution.getProcessInstanceId(), Stage.CONFIRMATION);
		List<String> issues = checker.checkAfterUnbind(c.getMerchantNo(), c.getTerminalSn(), c.getUnboundAt());
		setList(execution, ACCOUNT_ISSUES, issues);
		audit.record(c, AuditAction.ACCOUNT_VERIFIED_AFTER_UNBIND, issues.isEmpty() ? "In order" : "Issues: " + issues);
		if (!issues.isEmpty()) {
			throw new BpmnError(ACCOUNT_ISSUE_FOUND, "Account issues after unbind: " + issues);
		}
	}

}
