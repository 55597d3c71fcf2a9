package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.fee.FeeAssessment;
import org.unbinddesk.fee.FeeService;
import org.unbinddesk.merchant.TerminalRepository;
import org.unbinddesk.audit.AuditAction;

/**
 * "Assess fee": the {@code UnbindingFee}, {@code DepositRefund} and {@code SimDataFee} tables decide fee, deposit
 * refund (and how it comes back) and SIM data fee.
 */
@Component("assessFee")
class AssessFeeDelegate implements JavaDelegate {

	private final FeeService fees;

	private final CaseRegistry cases;

	private final TerminalRepository terminals;

	private final AuditLog audit;

	AssessFeeDelegate(FeeService fees, CaseRegistry cases, TerminalRepository terminals, AuditLog audit) {
		this.fees = fees;
		this.cases = cases;
		this.terminals = terminals;
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		UnbindingCase c = cases.ofProcess(execution.getProcessInstanceId());
		FeeAssessment fee = fees.assess(c.getReason(), terminals.findById(c.getTerminalSn()).orElseThrow());
		execution.setVariable(FEE, fee.fee().doubleValue());
		execution.setVariable(DEPOSIT_REFUND, fee.depositRefund().doubleValue());
		execution.setVariable(FEE_RULE, fee.rule());
		execution.setVariable(FEE_PAYABLE, fee.payable());
		execution.setVariable(FEE_SETTLED, !fee.payable());
		cases.recordFee(c.getCaseNumber(), fee.fee(), fee.depositRefund(), fee.depositReturn(), fee.simFee(),
				fee.simRefund());
		audit.record(c, AuditAction.FEE_ASSESSED, "Fee CNY " + fee.fee() + " (SIM data CNY " + fee.simFee()
				+ "), deposit refund CNY " + fee.depositRefund() + " (" + fee.depositReturn() + "), SIM data refund CNY " + fee.simRefund() + " ("
				+ fee.rule() + ")");
	}

}
