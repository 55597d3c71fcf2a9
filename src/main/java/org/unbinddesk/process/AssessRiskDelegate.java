package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.setList;
import static org.unbinddesk.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.Stage;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.merchant.TerminalRepository;
import org.unbinddesk.risk.RiskAssessment;
import org.unbinddesk.risk.RiskService;
import org.unbinddesk.audit.AuditAction;

/**
 * "Assess risk": the {@code UnbindingRisk} table names the risk signals; a high-risk case will need four eyes, and
 * its tasks come first in Tasklist.
 */
@Component("assessRisk")
class AssessRiskDelegate implements JavaDelegate {

	private final RiskService risks;

	private final CaseRegistry cases;

	private final TerminalRepository terminals;

	private final AuditLog audit;

	AssessRiskDelegate(RiskService risks, CaseRegistry cases, TerminalRepository terminals, AuditLog audit) {
		this.risks = risks;
		this.cases = cases;
		this.terminals = terminals;
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		UnbindingCase c = cases.enterStage(execution.getProcessInstanceId(), Stage.REVIEW);
		RiskAssessment risk = risks.assess(c, terminals.findById(c.getTerminalSn()).orElseThrow());
		cases.recordRisk(c.getCaseNumber(), risk.level());
		execution.setVariable(RISK_LEVEL, risk.level());
		setList(execution, RISK_SIGNALS, risk.signals());
		execution.setVariable(TASK_PRIORITY, switch (risk.level()) {
			case RiskAssessment.HIGH -> 80;
			case RiskAssessment.MEDIUM -> 60;
			default -> 50;
		});
		audit.record(c, AuditAction.RISK_ASSESSED, risk.level() + " " + risk.signals());
	}

}
