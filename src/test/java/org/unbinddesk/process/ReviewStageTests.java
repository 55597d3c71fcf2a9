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
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.notice.Notice;
import org.unbinddesk.notice.NoticeType;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;

class ReviewStageTests extends ProcessTestSupport {

	private ProcessInstance atReview(Merchant m, String reason) {
		ProcessInstance pi = start(applicationFor(m, reason));
		runAsyncSteps(pi);
		assertThat(pi).isWaitingAt("Task_ReviewApplication");
		return pi;
	}

	@Test
	void showsTheCaseInTheReviewTaskNameWithADueDate() {
		Merchant m = registry.merchant();
		ProcessInstance pi = atReview(m, "DEVICE_FAULT");

		Task review = taskAt(pi, "Task_ReviewApplication");

		assertThat(review.getName()).isEqualTo("Review unbinding application · " + caseNumber(pi) + " · " + m.name());
		assertThat(review.getDescription()).contains(m.merchantNo(), m.terminalId(), "DEVICE_FAULT", "risk LOW");
		assertThat(review.getDueDate()).isInTheFuture();
		assertThat(review.getPriority()).isEqualTo(50);
	}

	@Test
	void rejectsWithTheReviewersReasonAndMasksNumbersInIt() {
		Merchant m = registry.merchant();
		ProcessInstance pi = atReview(m, "DEVICE_FAULT");

		assertThatThrownBy(() -> completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"),
				Map.of("reviewDecision", "REJECT")))
			.hasMessageContaining("驳回须填写驳回原因");
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "REJECT",
				"rejectionReason", "Card 6222029900001234567 is not the merchant's"));

		assertThat(pi).isEnded().hasPassed("Event_ReviewRejected", "Task_SendRejectionNotice", "Event_ApplicationRejected");
		assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.REJECTED);
		assertThat(caseOf(pi).getOutcomeReason()).isEqualTo("Card **************4567 is not the merchant's");
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
		ProcessInstance pi = atReview(m, "DEVICE_FAULT");

		assertThatThrownBy(() -> completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"),
				Map.of("reviewDecision", "REQUEST_INFO")))
			.hasMessageContaining("要求补充材料时，请选择需要补充的材料");
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"),
				Map.of("reviewDecision", "REQUEST_INFO", "missingDocuments", "FAULT_CERTIFICATE,INVOICE"));

		assertThat(pi).isWaitingAt("Task_SupplyDocuments");
		assertThat(noticesOf(pi).get(noticesOf(pi).size() - 1).getTextEn())
			.contains("we still need: fault certificate, other documents")
			.doesNotContain("INVOICE");
		correlate(pi, "DocumentsSupplied", Map.of("additionalDocuments", "FAULT_CERTIFICATE,INVOICE"));
		runAsyncSteps(pi);

		assertThat(pi).isWaitingAt("Task_ReviewApplication");
		assertThat(runtime.getVariable(pi.getId(), "documents")).asString().contains("FAULT_CERTIFICATE", "INVOICE");
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

		completeAs("supervisor1", taskAt(pi, "Task_GiveSecondApproval"),
				Map.of("secondApprovalDecision", "REJECT", "rejectionReason", "报案回执不可信"));

		assertThat(pi).isEnded().hasPassed("Event_SecondApprovalRefused", "Event_ApplicationRejected");
		assertThat(caseOf(pi).getOutcomeReason()).isEqualTo("报案回执不可信");
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
		assertThat(pi).isWaitingAt("Task_UnbindTerminal");

		assertThatThrownBy(() -> correlate(pi, "CancellationRequested", Map.of()))
			.isInstanceOf(MismatchingMessageCorrelationException.class);

		runAsyncSteps(pi);
		assertThat(pi).isEnded().hasPassed("Event_TerminalUnbound");
	}

	@Test
	void operationsResolveAnAccountIssueFoundAfterTheUnbind() {
		Merchant m = registry.merchant();
		ProcessInstance pi = atReview(m, "DEVICE_FAULT");
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		registry.transactionAfterUnbind(m);

		runAsyncSteps(pi);

		assertThat(pi).isWaitingAt("Task_ResolveAccountIssue");
		assertThat(runtime.getVariable(pi.getId(), "accountIssues")).isEqualTo("TRANSACTION_AFTER_UNBIND");
		Task resolve = taskAt(pi, "Task_ResolveAccountIssue");
		assertThat(tasks.createTaskQuery().taskId(resolve.getId()).taskCandidateGroup("operations").count()).isEqualTo(1);
		completeAs("ops1", resolve, Map.of("accountIssueResolution", "交易已冲正"));

		assertThat(pi).isEnded().hasPassed("Event_AccountIssueFound", "Event_TerminalUnbound");
	}

}
