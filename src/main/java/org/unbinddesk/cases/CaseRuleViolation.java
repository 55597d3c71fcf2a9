package org.unbinddesk.cases;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A change the business forbids on a case: approving a blocked case, a second approval by the first approver,
 * changing a closed case, unbinding without the approvals. The message is Chinese, for the person who tried (Tasklist
 * shows it); the engine answers it as a refused request, and in a background step it becomes an incident.
 */
public class CaseRuleViolation extends BadUserRequestException {

	private final String caseNumber;

	public CaseRuleViolation(String caseNumber, String message) {
		super(message);
		this.caseNumber = caseNumber;
	}

	/** A step of a process instance that registered no case: it did not begin at the start event. */
	public static CaseRuleViolation notRegistered(String processInstanceId) {
		return new CaseRuleViolation(null,
				"流程实例 " + processInstanceId + " 没有登记的受理：案件只能从流程的开始事件（受理登记）发起");
	}

	public String getCaseNumber() {
		return caseNumber;
	}

}
