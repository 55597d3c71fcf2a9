package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.unbinddesk.cases.CaseStatus;
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.notice.Notice;
import org.unbinddesk.notice.NoticeType;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;

class ContactStageTests extends ProcessTestSupport {

	@Test
	void suspendsALostDeviceOnTheFirstCallAndLiftsItWhenTheCaseEndsWithoutAnUnbind() {
		Merchant m = registry.merchant();

		ProcessInstance pi = start(applicationFor(m, "LOST_DEVICE"));

		assertThat(registry.terminalStatus(m)).isEqualTo("SUSPENDED");
		assertThat(registry.isBound(m)).isTrue();
		assertThat(auditActionsOf(pi)).contains("TERMINAL_SUSPENDED");

		correlate(pi, "CancellationRequested", Map.of());

		assertThat(registry.terminalStatus(m)).isEqualTo("ACTIVE");
		assertThat(auditActionsOf(pi)).endsWith("CASE_CLOSED", "TERMINAL_REACTIVATED");
	}

	@Test
	void aLostDeviceThatIsUnboundEndsDisabledNotReactivated() {
		Merchant m = registry.merchant();
		ProcessInstance pi = start(applicationFor(m, "LOST_DEVICE"));
		runAsyncSteps(pi);
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		completeAs("supervisor1", taskAt(pi, "Task_GiveSecondApproval"), Map.of("secondApprovalDecision", "APPROVE"));
		runAsyncSteps(pi);

		assertThat(pi).isEnded().hasPassed("Event_TerminalUnbound");
		assertThat(registry.terminalStatus(m)).isEqualTo("DISABLED");
		assertThat(auditActionsOf(pi)).doesNotContain("TERMINAL_REACTIVATED");
	}

	@Test
	void anOrdinaryRequestLeavesTheTerminalTrading() {
		Merchant m = registry.merchant();

		start(applicationFor(m, "DEVICE_FAULT"));

		assertThat(registry.terminalStatus(m)).isEqualTo("ACTIVE");
	}

	@Test
	void endsAsRequestInvalidForUnknownMerchant() {
		Merchant m = registry.merchant();
		Map<String, Object> application = applicationFor(m, "DEVICE_FAULT");
		application.put("merchantNo", "999999999999999");

		ProcessInstance pi = start(application);

		assertRequestInvalid(pi, "Merchant number 999999999999999 is not known");
		assertThat(noticesOf(pi)).singleElement()
			.satisfies(n -> assertThat(n.getTextZh()).contains("商户号999999999999999不存在"));
	}

	@Test
	void endsAsRequestInvalidForADocumentCodeNotOnTheList() {
		Merchant m = registry.merchant();
		Map<String, Object> application = applicationFor(m, "DEVICE_FAULT");
		// a typo in a start made through the engine REST API: never asked of the merchant as a paper that does not exist
		application.put("documents", "ID_CARD,FAULT_CERTIFICAT");

		ProcessInstance pi = start(application);

		assertThat(pi).isEnded().hasPassed("Event_RequestInvalid").hasNotPassed("Task_CheckDocuments");
		assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.REQUEST_INVALID);
		assertThat(caseOf(pi).getOutcomeReason()).contains("documents");
		assertThat(noticesOf(pi)).singleElement()
			.satisfies(n -> assertThat(n.getTextZh()).contains("申请信息不完整或格式有误").doesNotContain("FAULT_CERTIFICAT"));
	}

	@Test
	void endsAsRequestInvalidForUnknownTerminal() {
		Merchant m = registry.merchant();
		Map<String, Object> application = applicationFor(m, "DEVICE_FAULT");
		application.put("terminalId", "ZZ999999");

		assertRequestInvalid(start(application), "Terminal ZZ999999 is not known");
	}

	@Test
	void endsAsRequestInvalidWhenTerminalIsBoundToAnotherMerchant() {
		Merchant owner = registry.merchant();
		Merchant other = registry.merchant();
		Map<String, Object> application = applicationFor(other, "DEVICE_FAULT");
		application.put("terminalId", owner.terminalId());

		assertRequestInvalid(start(application),
				"Terminal " + owner.terminalId() + " is not bound to merchant " + other.merchantNo());
		assertThat(registry.isBound(owner)).isTrue();
	}

	@Test
	void allowsOnlyOneOpenCasePerTerminal() {
		Merchant m = registry.merchant();
		ProcessInstance first = start(applicationFor(m, "DEVICE_FAULT"));

		ProcessInstance second = start(applicationFor(m, "DEVICE_FAULT"));

		assertRequestInvalid(second, "Terminal " + m.terminalId() + " already has an open unbinding case, "
				+ caseNumber(first));
		assertThat(caseOf(first).getStatus()).isEqualTo(CaseStatus.OPEN);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(first.getId()).count()).isEqualTo(1);
	}

	@Test
	void freesTheTerminalForANewCaseOnceTheCaseCloses() {
		Merchant m = registry.merchant();
		ProcessInstance first = start(applicationFor(m, "DEVICE_FAULT"));
		correlate(first, "CancellationRequested", Map.of());

		ProcessInstance second = start(applicationFor(m, "DEVICE_FAULT"));

		assertThat(second).isWaitingAt("Task_VerifyIdentity");
	}

	@Test
	void endsAsRequestInvalidWhenStartVariablesAreMissingOrOfTheWrongType() {
		Map<String, Object> variables = Map.of("merchantNo", 12L, "terminalId", new java.util.Date(),
				"reason", "", "channel", "PIGEON");

		ProcessInstance pi = start(variables);

		assertRequestInvalid(pi, "The request is incomplete or malformed (channel, merchantNo, terminalId, reason, "
				+ "applicantName, applicantIdNumber, applicantPhone, applicantRole)");
	}

	@Test
	void endsAsRequestInvalidWithNoVariablesAtAll() {
		ProcessInstance pi = runtime.startProcessInstanceByKey("TerminalUnbinding");

		assertThat(pi).isEnded().hasPassed("Event_RequestInvalid");
		assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.REQUEST_INVALID);
	}

	@Test
	void replacesABusinessKeyThatIsNotACaseNumber() {
		Merchant m = registry.merchant();
		ProcessInstance pi = runtime.startProcessInstanceByKey("TerminalUnbinding", "'; drop table merchant; --",
				applicationFor(m, "DEVICE_FAULT"));

		assertThat(caseNumber(pi)).matches("UB-\\d{8}-\\d{6,}");
		assertThat(caseOf(pi).getMerchantNo()).isEqualTo(m.merchantNo());
	}

	private void assertRequestInvalid(ProcessInstance pi, String reason) {
		assertThat(pi).isEnded().hasPassed("Task_SendInvalidRequestNotice", "Event_RequestInvalid");
		assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.CLOSED);
		assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.REQUEST_INVALID);
		assertThat(caseOf(pi).getOutcomeReason()).isEqualTo(reason);
		assertThat(historicVariable(pi, "outcome")).isEqualTo("REQUEST_INVALID");
		assertThat(noticesOf(pi)).extracting(Notice::getType).containsExactly(NoticeType.REQUEST_INVALID);
	}

}
