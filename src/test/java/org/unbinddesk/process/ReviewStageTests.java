package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.unbinddesk.cases.CaseStatus;
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.cases.RejectionCategory;
import org.unbinddesk.notice.Notice;
import org.unbinddesk.notice.NoticeType;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;

/**
 * The Review stage: risk, the reviewer's decision, escalation and the second approval. Cases start at "Assess risk",
 * registered as the Contact stage leaves them; a test that needs what the Application stage records (a fee, blocks)
 * starts at the start event.
 */
class ReviewStageTests extends ProcessTestSupport {

	/** A case of this merchant at its review, started at the stage's first activity ("Assess risk"). */
	private ProcessInstance atReview(Merchant m, String reason) {
		ProcessInstance pi = startBefore("Task_AssessRisk", applicationFor(m, reason));
		runAsyncSteps(pi);
		assertThat(pi).isWaitingAt("Task_ReviewApplication");
		return pi;
	}

	@Test
	void showsTheCaseInTheReviewTaskNameWithADueDate() {
		Merchant m = registry.merchant();
		ProcessInstance pi = atReview(m, "DEVICE_FAULT");

		Task review = taskAt(pi, "Task_ReviewApplication");

		assertThat(review.getName()).isEqualTo("审核解绑申请 · " + caseNumber(pi) + " · " + m.name());
		assertThat(review.getDescription()).contains(m.merchantNo(), m.terminalId(), "解绑事由：设备故障", "风险等级：低");
		assertThat(review.getDueDate()).isInTheFuture();
		assertThat(review.getPriority()).isEqualTo(50);
	}

	@Test
	void aDuplicateStartDoesNotMakeTheCaseARepeatedRequest() {
		Merchant m = registry.merchant();
		ProcessInstance pi = start(applicationFor(m, "DEVICE_FAULT"));
		ProcessInstance doubleClick = start(applicationFor(m, "DEVICE_FAULT"));
		assertThat(doubleClick).isEnded().hasPassed("Event_RequestInvalid");

		runAsyncSteps(pi);

		assertThat(pi).isWaitingAt("Task_ReviewApplication");
		assertThat(caseOf(pi).getRiskLevel()).isEqualTo("LOW");
		// no signal at all: an empty list is no variable
		assertThat(historicVariable(pi, "riskSignals")).isNull();
	}

	@Test
	void rejectsWithTheReviewersReasonAndMasksNumbersInIt() {
		Merchant m = registry.merchant();
		ProcessInstance pi = atReview(m, "DEVICE_FAULT");

		assertThatThrownBy(() -> completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"),
				Map.of("reviewDecision", "REJECT")))
			.hasMessageContaining("驳回须填写驳回原因");
		// the kind of reason, from the list, is what the dashboard counts: without one, or with a made-up one, no rejection
		assertThatThrownBy(() -> completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"),
				Map.of("reviewDecision", "REJECT", "rejectionReason", "证件不清晰")))
			.hasMessageContaining("驳回须选择驳回原因类别（材料不全、身份存疑、账户受限、疑似欺诈、其他）");
		assertThatThrownBy(() -> completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"),
				Map.of("reviewDecision", "REJECT", "rejectionReason", "证件不清晰", "rejectionCategory", "BAD_MOOD")))
			.hasMessageContaining("请从列表中选择驳回原因类别");
		assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.OPEN);
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "REJECT",
				"rejectionCategory", "ACCOUNT_RESTRICTED", "rejectionReason", "Card 6222029900001234567 is not the merchant's"));

		assertThat(pi).isEnded().hasPassed("Event_ReviewRejected", "Task_SendRejectionNotice", "Event_ApplicationRejected");
		assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.REJECTED);
		assertThat(caseOf(pi).getOutcomeReason()).isEqualTo("Card **************4567 is not the merchant's");
		assertThat(caseOf(pi).getRejectionCategory()).isEqualTo(RejectionCategory.ACCOUNT_RESTRICTED);
		Notice rejection = noticesOf(pi).get(noticesOf(pi).size() - 1);
		assertThat(rejection.getType()).isEqualTo(NoticeType.REJECTION);
		assertThat(rejection.getTextEn()).contains("**************4567").doesNotContain("6222029900001234567");
		// typed in English: the Chinese notice points to the hotline instead of pasting it
		assertThat(rejection.getTextZh()).contains("未获通过：具体原因请致电官方客服热线咨询")
			.doesNotContain("6222029900001234567", "Card");
	}

	@Test
	void sendsTheCaseBackForMoreInformationAndReviewsItAgain() {
		Merchant m = registry.merchant();
		// from the start: the second round checks identity again, as the Application stage did the first time
		ProcessInstance pi = start(applicationFor(m, "DEVICE_FAULT"));
		runAsyncSteps(pi);

		assertThatThrownBy(() -> completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"),
				Map.of("reviewDecision", "REQUEST_INFO")))
			.hasMessageContaining("要求补充材料时，请选择需要补充的材料");
		assertThatThrownBy(() -> completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"),
				Map.of("reviewDecision", "REQUEST_INFO", "missingDocuments", "FAULT_CERTIFICATE,INVOICE")))
			.hasMessageContaining("INVOICE 不是已知的材料");
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"),
				Map.of("reviewDecision", "REQUEST_INFO", "missingDocuments", "FAULT_CERTIFICATE,ID_CARD"));

		assertThat(pi).isWaitingAt("Task_SupplyDocuments");
		assertThat(noticesOf(pi).get(noticesOf(pi).size() - 1).getTextEn())
			.contains("we still need: fault certificate, ID card");
		correlate(pi, "DocumentsSupplied", Map.of("additionalDocuments", "FAULT_CERTIFICATE,ID_CARD"));
		runAsyncSteps(pi);

		assertThat(pi).isWaitingAt("Task_ReviewApplication");
		assertThat(runtime.getVariable(pi.getId(), "documents")).asString().contains("FAULT_CERTIFICATE", "ID_CARD");
		// a new ID card: the identity is checked again
		assertThat(auditActionsOf(pi).stream().filter("IDENTITY_CHECKED"::equals)).hasSize(2);
	}

	@Test
	void moreInformationAsksOnlyForWhatIsMissingAndAnAcceptedFeeStands() {
		Merchant m = registry.merchant(new Spec().activatedDaysAgo(125).minimumTermMonths(12));
		ProcessInstance pi = start(applicationFor(m, "SWITCHING_PROVIDER"));
		runAsyncSteps(pi);
		correlate(pi, "FeeAccepted", Map.of());
		assertThat(pi).isWaitingAt("Task_ReviewApplication");

		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"),
				Map.of("reviewDecision", "REQUEST_INFO", "missingDocuments", "SETTLEMENT_CARD_COPY"));
		correlate(pi, "DocumentsSupplied", Map.of("additionalDocuments", "SETTLEMENT_CARD_COPY"));
		runAsyncSteps(pi);

		assertThat(pi).isWaitingAt("Task_ReviewApplication");
		assertThat(noticesOf(pi)).extracting(Notice::getType)
			.containsOnlyOnce(NoticeType.FEE_NOTICE)
			.containsOnlyOnce(NoticeType.DOCUMENTS_REQUEST);
		assertThat(auditActionsOf(pi).stream().filter("IDENTITY_CHECKED"::equals)).hasSize(1);
		assertThat(auditActionsOf(pi).stream().filter("FEE_ACCEPTED"::equals)).hasSize(1);

		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		runAsyncSteps(pi);
		returnDevice(pi);
		assertThat(pi).isEnded().hasPassed("Event_TerminalUnbound");
	}

	@Test
	void startsEachReviewRoundWithAnEmptyCommentAndKeepsTheLastOneGiven() {
		Merchant m = registry.merchant();
		ProcessInstance pi = atReview(m, "DEVICE_FAULT");
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "REQUEST_INFO",
				"missingDocuments", "FAULT_CERTIFICATE", "reviewComment", "故障证明看不清"));
		correlate(pi, "DocumentsSupplied", Map.of("additionalDocuments", "FAULT_CERTIFICATE"));
		runAsyncSteps(pi);

		Task secondRound = taskAt(pi, "Task_ReviewApplication");
		assertThat(tasks.getVariable(secondRound.getId(), "reviewComment")).isNull();
		assertThat(runtime.getVariable(pi.getId(), "reviewComment")).isEqualTo("故障证明看不清");

		completeAs("reviewer2", secondRound, Map.of("reviewDecision", "APPROVE", "reviewComment", "已补齐，同意"));
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(pi.getId())
			.variableName("reviewComment")
			.list()).extracting(v -> v.getValue()).contains("已补齐，同意");
	}

	@Test
	void escalatesAnOverdueReviewToSupervisors() {
		Merchant m = registry.merchant();
		ProcessInstance pi = atReview(m, "DEVICE_FAULT");

		fireTimer(pi, "Event_ReviewOverdue");

		assertThat(pi).hasPassed("Task_EscalateReview").isWaitingAt("Task_ReviewApplication");
		Task review = taskAt(pi, "Task_ReviewApplication");
		assertThat(review.getPriority()).isEqualTo(90);
		assertThat(tasks.getIdentityLinksForTask(review.getId()))
			.filteredOn(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
			.extracting(l -> l.getGroupId())
			.containsExactlyInAnyOrder("reviewers", "supervisors");
		assertThat(auditActionsOf(pi)).contains("REVIEW_ESCALATED");
	}

	@Test
	void highRiskCaseNeedsASecondApprovalByAnotherPerson() {
		Merchant m = registry.merchant(new Spec().cardChangedDaysAgo(5));
		ProcessInstance pi = atReview(m, "DEVICE_FAULT");
		assertThat(runtime.getVariable(pi.getId(), "riskLevel")).isEqualTo("HIGH");
		assertThat(runtime.getVariable(pi.getId(), "riskSignals")).isEqualTo("RECENT_SETTLEMENT_CARD_CHANGE");
		assertThat(taskAt(pi, "Task_ReviewApplication").getPriority()).isEqualTo(80);
		fireTimer(pi, "Event_ReviewOverdue");

		// escalated: a supervisor takes the first review
		completeAs("supervisor1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		assertThat(pi).isWaitingAt("Task_GiveSecondApproval");
		Task second = taskAt(pi, "Task_GiveSecondApproval");
		assertThat(tasks.createTaskQuery().taskId(second.getId()).taskCandidateGroup("supervisors").count()).isEqualTo(1);

		assertThatThrownBy(() -> tasks.claim(second.getId(), "supervisor1"))
			.hasMessageContaining("高风险案件需由另一位主管复核：您已给出第一次批准（supervisor1）");
		loginAs("supervisor1");
		assertThatThrownBy(() -> tasks.complete(second.getId(), Map.of("secondApprovalDecision", "APPROVE")))
			.hasMessageContaining("高风险案件需由另一位主管复核：您已给出第一次批准（supervisor1）");
		identity.clearAuthentication();
		assertThat(pi).isWaitingAt("Task_GiveSecondApproval");
		assertThat(auditActionsOf(pi)).contains("SECOND_APPROVAL_REFUSED");

		completeAs("supervisor2", taskAt(pi, "Task_GiveSecondApproval"), Map.of("secondApprovalDecision", "APPROVE"));
		runAsyncSteps(pi);

		assertThat(pi).isEnded().hasPassed("Task_GiveSecondApproval", "Event_TerminalUnbound");
		assertThat(historicVariable(pi, "firstReviewer")).isEqualTo("supervisor1");
		assertThat(historicVariable(pi, "secondApprover")).isEqualTo("supervisor2");
		assertThat(registry.isBound(m)).isFalse();
	}

	@Test
	void refusedSecondApprovalRejectsTheApplication() {
		Merchant m = registry.merchant();
		ProcessInstance pi = atReview(m, "LOST_DEVICE");
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));

		// a supervisor refusing the second approval says what kind of reason it is, as a reviewer does
		assertThatThrownBy(() -> completeAs("supervisor1", taskAt(pi, "Task_GiveSecondApproval"),
				Map.of("secondApprovalDecision", "REJECT", "rejectionReason", "报案回执不可信")))
			.hasMessageContaining("驳回须选择驳回原因类别");
		completeAs("supervisor1", taskAt(pi, "Task_GiveSecondApproval"), Map.of("secondApprovalDecision", "REJECT",
				"rejectionReason", "报案回执不可信", "rejectionCategory", "SUSPECTED_FRAUD"));

		assertThat(pi).isEnded().hasPassed("Event_SecondApprovalRefused", "Event_ApplicationRejected");
		assertThat(caseOf(pi).getOutcomeReason()).isEqualTo("报案回执不可信");
		assertThat(caseOf(pi).getRejectionCategory()).isEqualTo(RejectionCategory.SUSPECTED_FRAUD);
		assertThat(registry.isBound(m)).isTrue();
	}

	@Test
	void cancelsOnTheMerchantsRequestBeforeTheUnbindStarts() {
		Merchant m = registry.merchant();
		ProcessInstance pi = atReview(m, "DEVICE_FAULT");

		correlate(pi, "CancellationRequested", Map.of("cancellationReason", "设备已修好"));

		assertThat(pi).isEnded()
			.hasPassed("Task_RecordCancellation", "Task_SendCancellationNotice", "Event_Cancelled");
		assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.CANCELLED);
		assertThat(caseOf(pi).getOutcomeReason()).isEqualTo("设备已修好");
		assertThat(noticesOf(pi)).extracting(Notice::getType).contains(NoticeType.CANCELLATION);
		assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
	}

	@Test
	void cannotBeCancelledOnceTheUnbindHasStarted() {
		Merchant m = registry.merchant();
		ProcessInstance pi = atReview(m, "DEVICE_FAULT");
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		assertThat(pi).isWaitingAt("Event_CutOffReached");

		assertThatThrownBy(() -> correlate(pi, "CancellationRequested", Map.of()))
			.isInstanceOf(MismatchingMessageCorrelationException.class);

		runAsyncSteps(pi);
		assertThat(pi).isEnded().hasPassed("Event_TerminalUnbound");
	}

}
