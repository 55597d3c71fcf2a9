package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.notice.Notice;
import org.unbinddesk.notice.NoticeType;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;

/**
 * The Application stage: documents, identity, account and fee. Each case starts at the stage's subprocess, registered
 * as the Contact stage leaves it ({@link #startApplication}); the journeys from the start event are in
 * {@link HappyPathTests} and {@link ContactStageTests}.
 */
class ApplicationStageTests extends ProcessTestSupport {

	private ProcessInstance startApplication(Map<String, Object> application) {
		ProcessInstance pi = startBefore("SubProcess_Application", application);
		assertThat(pi).hasNotPassed("Event_UnbindingRequested", "Task_RegisterRequest");
		return pi;
	}

	@Test
	void asksForMissingDocumentsAndContinuesWhenTheyArrive() {
		Merchant m = registry.merchant(new Spec().company());
		Map<String, Object> application = applicationFor(m, "DEVICE_FAULT");
		application.put("documents", "ID_CARD");

		ProcessInstance pi = startApplication(application);

		assertThat(pi).isWaitingAt("Task_SupplyDocuments").isWaitingFor("DocumentsSupplied");
		assertThat(runtime.getVariable(pi.getId(), "missingDocuments"))
			.isEqualTo("SETTLEMENT_CARD_COPY,BUSINESS_LICENCE,FAULT_CERTIFICATE");
		assertThat(noticesOf(pi)).singleElement().satisfies(n -> {
			assertThat(n.getType()).isEqualTo(NoticeType.DOCUMENTS_REQUEST);
			assertThat(n.getTextZh()).contains("结算卡复印件、营业执照、故障证明");
		});

		correlate(pi, "DocumentsSupplied", Map.of("additionalDocuments", "SETTLEMENT_CARD_COPY,BUSINESS_LICENCE"));
		assertThat(pi).isWaitingAt("Task_SupplyDocuments");
		assertThat(runtime.getVariable(pi.getId(), "missingDocuments")).isEqualTo("FAULT_CERTIFICATE");

		correlate(pi, "DocumentsSupplied", Map.of("additionalDocuments", "FAULT_CERTIFICATE"));
		assertThat(pi).isWaitingAt("Task_VerifyIdentity");
	}

	@Test
	void letsAnAgentSupplyDocumentsOnTheMerchantsBehalf() {
		Merchant m = registry.merchant();
		Map<String, Object> application = applicationFor(m, "DEVICE_FAULT");
		application.put("documents", "ID_CARD,SETTLEMENT_CARD_COPY");
		ProcessInstance pi = startApplication(application);
		Task supply = taskAt(pi, "Task_SupplyDocuments");
		assertThat(tasks.createTaskQuery().taskId(supply.getId()).taskCandidateGroup("agents").count()).isEqualTo(1);
		assertThat(supply.getDueDate()).isInTheFuture();

		completeAs("agent2", supply, Map.of("additionalDocuments", "FAULT_CERTIFICATE"));

		assertThat(pi).hasPassed("Task_SupplyDocuments").isWaitingAt("Task_VerifyIdentity");
		assertThat(runtime.getVariable(pi.getId(), "documents")).isEqualTo("ID_CARD,SETTLEMENT_CARD_COPY,FAULT_CERTIFICATE");
	}

	@Test
	void lapsesWhenDocumentsDoNotArriveByTheDeadline() {
		Merchant m = registry.merchant();
		Map<String, Object> application = applicationFor(m, "LOST_DEVICE");
		application.put("documents", "ID_CARD,SETTLEMENT_CARD_COPY");
		ProcessInstance pi = startApplication(application);

		fireTimer(pi, "Event_DocumentsDeadlinePassed");

		assertThat(pi).isEnded().hasPassed("Event_DocumentsLapsed", "Task_SendLapseNotice", "Event_ApplicationLapsed");
		assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.LAPSED);
		assertThat(noticesOf(pi)).extracting(Notice::getType)
			.containsExactly(NoticeType.DOCUMENTS_REQUEST, NoticeType.LAPSE);
		assertThat(registry.isBound(m)).isTrue();
	}

	@Test
	void rejectsApplicationWhenIdentityDoesNotMatch() {
		Merchant m = registry.merchant();
		Map<String, Object> application = applicationFor(m, "DEVICE_FAULT");
		application.put("applicantName", "冒名者");
		ProcessInstance pi = startApplication(application);

		runAsyncSteps(pi);

		assertThat(pi).isEnded().hasPassed("Event_IdentityMismatched", "Event_ApplicationRejected");
		assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.REJECTED);
		assertThat(caseOf(pi).getOutcomeReason()).isEqualTo("the applicant's identity could not be verified");
		assertThat(noticesOf(pi)).extracting(Notice::getType).containsExactly(NoticeType.REJECTION);
		assertThat(noticesOf(pi).get(0).getTextZh()).contains("申请人身份核验未通过");
		assertThat(registry.isBound(m)).isTrue();
	}

	@Test
	void rejectsApplicationWhenIdCheckDigitIsWrong() {
		Merchant m = registry.merchant();
		Map<String, Object> application = applicationFor(m, "DEVICE_FAULT");
		String id = m.idNumber();
		char wrong = id.charAt(17) == '1' ? '2' : '1';
		application.put("applicantIdNumber", id.substring(0, 17) + wrong);
		ProcessInstance pi = startApplication(application);

		runAsyncSteps(pi);

		assertThat(pi).isEnded().hasPassed("Event_IdentityMismatched");
		// the check's note is the case's record, not a process variable
		assertThat(auditDetailsOf(pi, "IDENTITY_CHECKED")).containsExactly("MISMATCH: ID number fails the GB 11643 check");
		assertThat(historicVariable(pi, "identityNote")).isNull();
	}

	@Test
	void callsMerchantBackOnTheNumberOnFileWhenThePhoneDiffers() {
		Merchant m = registry.merchant();
		Map<String, Object> application = applicationFor(m, "DEVICE_FAULT");
		application.put("applicantPhone", "13700000000");
		ProcessInstance pi = startApplication(application);
		runAsyncSteps(pi);

		assertThat(pi).isWaitingAt("Task_CallMerchantBack");
		Task callback = taskAt(pi, "Task_CallMerchantBack");
		assertThat(tasks.createTaskQuery().taskId(callback.getId()).taskCandidateGroup("agents").count()).isEqualTo(1);
		assertThat(tasks.getVariable(callback.getId(), "phoneOnFile")).isEqualTo(m.phone());
		// the script on the form invites the merchant to call the official hotline back
		assertThat(tasks.getVariable(callback.getId(), "officialHotline")).isEqualTo("400-000-0000");

		completeAs("agent1", callback, Map.of("callbackConfirmed", true));

		assertThat(pi).hasPassed("Gateway_IdentityConfirmedJoin").isWaitingAt("Task_VerifyAccountStatus");
		assertThat(history.createHistoricVariableInstanceQuery().variableName("phoneOnFile").count()).isZero();
	}

	@Test
	void rejectsApplicationWhenTheCallbackDoesNotConfirmIt() {
		Merchant m = registry.merchant();
		Map<String, Object> application = applicationFor(m, "DEVICE_FAULT");
		application.put("applicantRole", "AUTHORISED_AGENT");
		application.put("applicantName", "代理人");
		application.put("documents", application.get("documents") + ",POWER_OF_ATTORNEY");
		ProcessInstance pi = startApplication(application);
		runAsyncSteps(pi);
		Task callback = taskAt(pi, "Task_CallMerchantBack");

		assertThatThrownBy(() -> completeAs("agent1", callback, Map.of()))
			.hasMessageContaining("请选择法定代表人/经营者是否确认了该申请");
		completeAs("agent1", taskAt(pi, "Task_CallMerchantBack"),
				Map.of("callbackConfirmed", false, "callbackNote", "法人称未申请解绑"));

		assertThat(pi).isEnded().hasPassed("Event_IdentityNotConfirmed", "Event_ApplicationRejected");
		assertThat(caseOf(pi).getOutcomeReason())
			.isEqualTo("the request could not be confirmed with the legal person on file");
	}

	@Test
	void unsettledTakingsDoNotHoldTheCaseUpBeforeReview() {
		Merchant m = registry.merchant();
		registry.pendingSettlement(m, LocalDateTime.now().plusDays(1));
		ProcessInstance pi = startApplication(applicationFor(m, "BUSINESS_CLOSED"));
		runAsyncSteps(pi);

		assertThat(pi).isWaitingAt("Task_ReviewApplication");
		assertThat(runtime.getVariable(pi.getId(), "accountWarnings")).isEqualTo("UNSETTLED_TRANSACTIONS");
		assertThat(registry.terminalStatus(m)).isEqualTo("ACTIVE");
	}

@Test
	void flagsFrozenFundsAndRefusesToApproveABlockedCase() {
		Merchant m = registry.merchant();
		registry.freezeFunds(m, new BigDecimal("5000"));
		ProcessInstance pi = startApplication(applicationFor(m, "BUSINESS_CLOSED"));
		runAsyncSteps(pi);

		assertThat(pi).isWaitingAt("Task_ReviewApplication");
		assertThat(runtime.getVariable(pi.getId(), "accountBlocked")).isEqualTo(true);
		assertThat(runtime.getVariable(pi.getId(), "blockReasons")).isEqualTo("FUNDS_FROZEN");
		// the merchant is asked for no fee while the account is blocked
		assertThat(noticesOf(pi)).isEmpty();
		assertThat(pi).hasNotPassed("Task_AssessFee", "Task_SendFeeNotice");
		assertThatThrownBy(() -> completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"),
				Map.of("reviewDecision", "APPROVE")))
			.hasMessageContaining("案件存在未解除的限制（资金冻结），不能批准");
		assertThat(auditActionsOf(pi)).contains("APPROVAL_REFUSED");

		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"),
				Map.of("reviewDecision", "REJECT", "rejectionCategory", "ACCOUNT_RESTRICTED",
						"rejectionReason", "账户资金冻结，请解冻后再申请"));

		assertThat(pi).isEnded().hasPassed("Event_ApplicationRejected");
		assertThat(caseOf(pi).getOutcomeReason()).isEqualTo("账户资金冻结，请解冻后再申请");
		assertThat(registry.isBound(m)).isTrue();
	}

	@Test
	void aBlockedCaseWaitsForTheBlockToClearAndOnlyThenAsksForTheFee() {
		Merchant m = registry.merchant(new Spec().activatedDaysAgo(40).minimumTermMonths(24));
		registry.freezeFunds(m, new BigDecimal("5000"));
		ProcessInstance pi = start(applicationFor(m, "SWITCHING_PROVIDER"));
		runAsyncSteps(pi);
		assertThat(noticesOf(pi)).isEmpty();

		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "WAIT_FOR_BLOCK"));

		assertThat(pi).isWaitingAt("Gateway_AwaitBlockCleared");
		assertThat(noticesOf(pi)).singleElement().satisfies(n -> {
			assertThat(n.getType()).isEqualTo(NoticeType.BLOCK_NOTICE);
			assertThat(n.getTextZh()).contains("结算账户资金被冻结", "请联系冻结机关或开户银行办理解冻", "前解除上述限制")
				.doesNotContain("FUNDS_FROZEN", "费用为");
		});

		// still frozen at the next check: the case waits on, and the merchant is not told again
		fireTimer(pi, "Event_BlockRecheckDue");
		runAsyncSteps(pi);
		assertThat(pi).hasPassed("Task_RecheckAccountStatus").isWaitingAt("Gateway_AwaitBlockCleared");
		assertThat(noticesOf(pi)).hasSize(1);

		registry.releaseFunds(m);
		fireTimer(pi, "Event_BlockRecheckDue");
		runAsyncSteps(pi);

		assertThat(pi).hasPassed("Task_AssessFee", "Task_SendFeeNotice").isWaitingFor("FeeAccepted");
		assertThat(noticesOf(pi)).extracting(Notice::getType)
			.containsExactly(NoticeType.BLOCK_NOTICE, NoticeType.FEE_NOTICE);
		assertThat(caseOf(pi).getBlockReasons()).isNull();
		// and gone from the process: the review form and the case view (history without removed variables) read no
		// block, not the old one
		assertThat(runtime.getVariable(pi.getId(), "blockReasons")).isNull();
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(pi.getId())
			.variableName("blockReasons")
			.list()).isEmpty();
	}

	@Test
	void aBlockNotClearedByTheDeadlineLapsesTheApplication() {
		Merchant m = registry.merchant();
		registry.freezeFunds(m, new BigDecimal("5000"));
		ProcessInstance pi = start(applicationFor(m, "BUSINESS_CLOSED"));
		runAsyncSteps(pi);
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "WAIT_FOR_BLOCK"));

		fireTimer(pi, "Event_BlockDeadlinePassed");
		runAsyncSteps(pi);

		assertThat(pi).isEnded().hasPassed("Event_BlockNotClearedLapsed", "Event_ApplicationLapsed");
		assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.LAPSED);
		assertThat(noticesOf(pi)).extracting(Notice::getType)
			.containsExactly(NoticeType.BLOCK_NOTICE, NoticeType.LAPSE);
		assertThat(noticesOf(pi).get(1).getTextZh()).contains("账户限制未在期限内解除").doesNotContain("补充材料");
		assertThat(registry.isBound(m)).isTrue();
	}

	@Test
	void onlyABlockedCaseCanBeLeftToWaitForItsBlockToClear() {
		Merchant m = registry.merchant();
		ProcessInstance pi = start(applicationFor(m, "DEVICE_FAULT"));
		runAsyncSteps(pi);

		assertThatThrownBy(() -> completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"),
				Map.of("reviewDecision", "WAIT_FOR_BLOCK")))
			.hasMessageContaining("该案件没有未解除的账户限制，无需等待");
		assertThat(pi).isWaitingAt("Task_ReviewApplication");
	}

	@Test
	void aSuspiciousCallReportedOnTheCallbackMakesTheCaseHighRiskAndTellsSupervisors() {
		Merchant m = registry.merchant();
		Map<String, Object> application = applicationFor(m, "DEVICE_FAULT");
		application.put("applicantPhone", "13700000000");
		ProcessInstance pi = start(application);
		runAsyncSteps(pi);

		completeAs("agent1", taskAt(pi, "Task_CallMerchantBack"), Map.of("callbackConfirmed", true,
				"suspiciousCallReported", true, "callbackNote", "商户称昨天有人自称客服索要验证码"));
		runAsyncSteps(pi);

		Task check = taskAt(pi, "Task_CheckSuspiciousCall");
		assertThat(tasks.createTaskQuery().taskId(check.getId()).taskCandidateGroup("supervisors").count()).isEqualTo(1);
		assertThat(pi).isWaitingAt("Task_ReviewApplication", "Task_CheckSuspiciousCall");
		assertThat(runtime.getVariable(pi.getId(), "riskLevel")).isEqualTo("HIGH");
		assertThat((String) runtime.getVariable(pi.getId(), "riskSignals")).contains("SUSPICIOUS_CALL_REPORTED");
		assertThat(auditActionsOf(pi)).contains("SUSPICIOUS_CALL_REPORTED");

		assertThatThrownBy(() -> completeAs("supervisor1", check, Map.of())).hasMessageContaining("请填写核查结果");
		completeAs("supervisor1", check, Map.of("callCheckNote", "已致电商户预留号码，确认为冒充客服的诈骗电话"));
		assertThat(auditActionsOf(pi)).contains("SUSPICIOUS_CALL_CHECKED");

		// high risk: an approval needs a second one from another supervisor
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		assertThat(pi).isWaitingAt("Task_GiveSecondApproval");
	}

	@Test
	void withdrawsTheCaseWhenTheMerchantDeclinesTheFee() {
		Merchant m = registry.merchant(new Spec().activatedDaysAgo(40).minimumTermMonths(24));
		ProcessInstance pi = startApplication(applicationFor(m, "SWITCHING_PROVIDER"));
		runAsyncSteps(pi);

		correlate(pi, "FeeDeclined", Map.of());

		assertThat(pi).isEnded().hasPassed("Event_FeeDeclinedWithdrawn", "Task_SendWithdrawalNotice", "Event_Withdrawn");
		assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.WITHDRAWN);
		assertThat(caseOf(pi).getOutcomeReason()).isEqualTo("the fee was declined");
		assertThat(noticesOf(pi)).extracting(Notice::getType)
			.containsExactly(NoticeType.FEE_NOTICE, NoticeType.WITHDRAWAL);
	}

	@Test
	void withdrawsTheCaseWhenTheFeeIsNotAcceptedInTime() {
		Merchant m = registry.merchant(new Spec().activatedDaysAgo(40).minimumTermMonths(24));
		ProcessInstance pi = startApplication(applicationFor(m, "SWITCHING_PROVIDER"));
		runAsyncSteps(pi);

		fireTimer(pi, "Event_FeeDeadlinePassed");

		assertThat(pi).isEnded().hasPassed("Event_FeeLapsedWithdrawn", "Event_Withdrawn");
		assertThat(caseOf(pi).getOutcomeReason()).isEqualTo("the fee was not accepted in time");
		// the merchant did not withdraw anything: the fee was not confirmed in time; a sole trader is its 经营者
		assertThat(noticesOf(pi).get(0).getTextZh()).contains("经营者预留手机号").doesNotContain("法人");
		assertThat(noticesOf(pi).get(noticesOf(pi).size() - 1).getTextZh()).contains("费用逾期未确认")
			.doesNotContain("已撤回");
	}

}
