package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unbinddesk.cases.CaseStatus;
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.notice.Notice;
import org.unbinddesk.notice.NoticeType;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;
import org.unbinddesk.unbind.ClearingReportRecordRepository;
import org.unbinddesk.unbind.DepositRefundRepository;

class HappyPathTests extends ProcessTestSupport {

	@Autowired
	ClearingReportRecordRepository clearingRecords;

	@Autowired
	DepositRefundRepository refunds;

	@Test
	void unbindsTerminalWithoutFeeFromContactToConfirmation() {
		Merchant m = registry.merchant();
		ProcessInstance pi = start(applicationFor(m, "DEVICE_FAULT"));

		assertThat(pi).hasPassed("Task_RegisterRequest", "Task_CheckDocuments").isWaitingAt("Task_VerifyIdentity");
		assertThat(pi.getBusinessKey()).matches("UB-\\d{8}-\\d{6,}");
		runAsyncSteps(pi);
		assertThat(pi).hasPassed("Task_AssessFee", "Task_SendFeeNotice", "Task_AssessRisk")
			.isWaitingAt("Task_ReviewApplication");
		assertThat(tasks.createTaskQuery().taskCandidateGroup("reviewers").processInstanceId(pi.getId()).count())
			.isEqualTo(1);

		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		assertThat(pi).isWaitingAt("Event_CutOffReached");
		runAsyncSteps(pi);
		assertThat(pi).isWaitingAt("Task_ReceiveReturnedDevice");
		returnDevice(pi);

		assertThat(pi).hasPassed("Task_VerifyAccountAfterUnbind", "Task_SendConfirmationNotice")
			.isEnded()
			.hasPassed("Event_TerminalUnbound");
		assertThat(registry.isBound(m)).isFalse();
		assertThat(registry.terminalStatus(m)).isEqualTo("DISABLED");
		assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.CLOSED);
		assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.UNBOUND);
		assertThat(caseOf(pi).getDeviceDisposition()).isEqualTo("RETURNED");
		assertThat(auditActionsOf(pi)).contains("CASE_OPENED", "IDENTITY_CHECKED", "REVIEW_DECIDED", "TERMINAL_UNBOUND",
				"CASE_CLOSED");
		assertThat(auditEntries.findByCaseNumberOrderByIdAsc(caseNumber(pi)))
			.anySatisfy(e -> assertThat(e.getAction().equals("REVIEW_DECIDED") && e.getActor().equals("reviewer1"))
				.isTrue());
		assertThat(clearingRecords.findByCaseNumber(caseNumber(pi))).singleElement().satisfies(r -> {
			assertThat(r.getTerminalSn()).isEqualTo(m.sn());
			assertThat(r.getMerchantNo()).isEqualTo(m.merchantNo());
			assertThat(r.getSettlementAccountMasked()).endsWith(m.merchantNo().substring(11)).startsWith("*");
			assertThat(r.getChangeType()).isEqualTo("UNBIND");
		});
		assertThat(refunds.findByCaseNumber(caseNumber(pi))).get()
			.satisfies(r -> assertThat(r.getAmount()).isEqualByComparingTo("299.00"));
		assertThat(noticesOf(pi)).extracting(Notice::getType)
			.containsExactly(NoticeType.FEE_NOTICE, NoticeType.APPROVAL, NoticeType.CONFIRMATION,
					NoticeType.DEPOSIT_NOTICE);
		// told what happens next: when the terminal stops, and that the deposit comes back with the device
		assertThat(noticesOf(pi).get(1).getTextZh()).contains("已审核通过", "日切后停止交易", "年", "退还押金￥299.00")
			.doesNotContain("APPROVAL", "￥0.00");
		assertThat(noticesOf(pi).get(0).getTextZh()).contains("不收取任何费用", "退还押金￥299.00");
		assertThat(noticesOf(pi).get(2).getTextZh()).contains(m.terminalId(), "已与您的商户账户解绑", "设备验收后退还押金￥299.00",
				"受理编号", "【示例收单】", "工作人员不会向您索要验证码")
			.doesNotContain("案件号", "元");
		assertThat(noticesOf(pi).get(2).getTextEn()).contains("is now unbound", "CNY 299.00");
		assertThat(noticesOf(pi).get(3).getTextZh()).contains("押金￥299.00的退还已启动");
	}

	@Test
	void historyKeepsEachVariablesLatestValueButNotTheTrailOfUpdates() {
		Merchant m = registry.merchant();
		ProcessInstance pi = start(applicationFor(m, "DEVICE_FAULT"));
		runAsyncSteps(pi);
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		runAsyncSteps(pi);
		returnDevice(pi);

		assertThat(pi).isEnded();
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(pi.getId())
			.variableName("reviewDecision")
			.singleResult()
			.getValue()).isEqualTo("APPROVE");
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).count())
			.isGreaterThan(20);
		assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).count()).isZero();
	}

	@Test
	void unbindsAfterMerchantAcceptsEarlyTerminationFee() {
		Merchant m = registry.merchant(new Spec().company().english().activatedDaysAgo(125).minimumTermMonths(12));
		ProcessInstance pi = start(applicationFor(m, "SWITCHING_PROVIDER"));
		runAsyncSteps(pi);

		assertThat(pi).isWaitingAt("Gateway_AwaitFeeDecision").isWaitingFor("FeeAccepted", "FeeDeclined");
		assertThat(historicVariable(pi, "fee")).isEqualTo(120.0);
		assertThat(historicVariable(pi, "feeRule")).isEqualTo("EARLY_TERMINATION");
		Notice feeNotice = noticesOf(pi).get(0);
		assertThat(feeNotice.getType()).isEqualTo(NoticeType.FEE_NOTICE);
		assertThat(feeNotice.getLanguage()).isEqualTo("en");
		assertThat(feeNotice.getText()).contains("costs CNY 120.00", "never deducted from pending settlement funds");

		correlate(pi, "FeeAccepted", Map.of());
		assertThat(pi).isWaitingAt("Task_ReviewApplication");
		completeAs("reviewer2", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		runAsyncSteps(pi);
		returnDevice(pi);

		assertThat(pi).isEnded().hasPassed("Event_FeeAccepted", "Event_TerminalUnbound");
		assertThat(registry.isBound(m)).isFalse();
	}

	@Test
	void everyLogLineOfACasesBackgroundWorkNamesTheCase() throws Exception {
		Merchant m = registry.merchant();
		ProcessInstance pi = start(applicationFor(m, "BUSINESS_CLOSED"));
		runAsyncSteps(pi);
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		runAsyncSteps(pi);

		String caseNumber = caseNumber(pi);
		assertThat(java.nio.file.Files.readAllLines(java.nio.file.Path.of("target/test-logs/unbind-desk-tests.log")))
			.anySatisfy(line -> assertThat(line).contains("[" + caseNumber + "]", "Case " + caseNumber + ": terminal",
					"unbound from merchant " + m.merchantNo()));
	}

	@Test
	void aDeviceWithoutDepositIsNeverPromisedARefundOfNothing() {
		Merchant m = registry.merchant(new Spec().purchased());
		ProcessInstance pi = start(applicationFor(m, "BUSINESS_CLOSED"));
		runAsyncSteps(pi);
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		runAsyncSteps(pi);

		assertThat(pi).isEnded().hasPassed("Event_TerminalUnbound");
		assertThat(noticesOf(pi)).extracting(Notice::getType)
			.containsExactly(NoticeType.FEE_NOTICE, NoticeType.APPROVAL, NoticeType.CONFIRMATION);
		assertThat(noticesOf(pi).get(0).getTextZh()).contains("不收取任何费用").doesNotContain("押金");
		assertThat(noticesOf(pi).get(1).getTextZh()).contains("已审核通过").doesNotContain("押金");
		assertThat(noticesOf(pi).get(2).getTextZh()).doesNotContain("￥0.00");
	}

	@Test
	void keepsApplicantIdAndPhoneOutOfProcessVariablesAndHistory() {
		Merchant m = registry.merchant();
		ProcessInstance pi = start(applicationFor(m, "DEVICE_FAULT"));

		assertThat(runtime.getVariable(pi.getId(), "applicantIdNumber")).isNull();
		assertThat(runtime.getVariable(pi.getId(), "applicantPhone")).isNull();
		assertThat(runtime.getVariable(pi.getId(), "applicantIdMasked")).isEqualTo("**************" + m.idNumber().substring(14));
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
			.allSatisfy(v -> assertThat(String.valueOf(v.getValue())).doesNotContain(m.idNumber(), m.phone()));
		assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).list())
			.allSatisfy(d -> assertThat(d.toString()).doesNotContain(m.idNumber(), m.phone()));
		assertThat(caseOf(pi).getApplicantIdNumber()).isEqualTo(m.idNumber());
	}

}
