package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.notice.Notice;
import org.unbinddesk.notice.NoticeType;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;

/**
 * The Unbind and Confirmation stages, from their first activity ("Send approval notice"): the terminal stops at the
 * cut-off, is unbound once its last day is paid, and the account is checked after the unbind. The whole way from the
 * start event is {@link HappyPathTests}.
 */
class UnbindStageTests extends ProcessTestSupport {

	/**
	 * A case approved by a reviewer, its token before "Send approval notice". The approval is what the Review stage
	 * leaves in the registry; it is only checked at the unbind, so recording it once the case is registered will do.
	 */
	private ProcessInstance approved(Merchant m) {
		ProcessInstance pi = startBefore("Task_SendApprovalNotice", applicationFor(m, "BUSINESS_CLOSED"));
		UnbindingCase c = caseOf(pi);
		c.approve("reviewer1", LocalDateTime.now());
		cases.save(c);
		return pi;
	}

	@Test
	void anApprovedTerminalStopsAtTheCutOffAndIsUnboundOnceTheFinalSettlementIsPaid() {
		Merchant m = registry.merchant();
		ProcessInstance pi = approved(m);

		assertThat(pi).isWaitingAt("Event_CutOffReached").hasNotPassed("Task_ReviewApplication");
		assertThat(noticesOf(pi)).extracting(Notice::getType).containsExactly(NoticeType.APPROVAL);
		assertThat(registry.terminalStatus(m)).isEqualTo("ACTIVE");
		fireTimer(pi, "Event_CutOffReached");

		assertThat(pi).isWaitingAt("Event_FinalSettlementPaid");
		assertThat(registry.terminalStatus(m)).isEqualTo("SUSPENDED");
		assertThat(registry.isBound(m)).isTrue();
		assertThat(auditActionsOf(pi)).contains("TERMINAL_STOPPED").doesNotContain("TERMINAL_UNBOUND");
		fireTimer(pi, "Event_FinalSettlementPaid");
		runAsyncSteps(pi);

		assertThat(pi).isEnded().hasPassed("Task_StopTerminal", "Task_UnbindTerminal", "Event_TerminalUnbound");
		assertThat(registry.terminalStatus(m)).isEqualTo("DISABLED");
		assertThat(registry.isBound(m)).isFalse();
		assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.UNBOUND);
		assertThat(noticesOf(pi)).extracting(Notice::getType).containsExactly(NoticeType.APPROVAL,
				NoticeType.CONFIRMATION);
	}

	@Test
	void aCaseNobodyApprovedIsNeitherStoppedNorUnbound() {
		Merchant m = registry.merchant();
		ProcessInstance pi = startBefore("Task_SendApprovalNotice", applicationFor(m, "BUSINESS_CLOSED"));

		assertThatThrownBy(() -> fireTimer(pi, "Event_CutOffReached")).hasMessageContaining("no reviewer has approved it");

		assertThat(pi).isWaitingAt("Event_CutOffReached");
		assertThat(registry.terminalStatus(m)).isEqualTo("ACTIVE");
		assertThat(registry.isBound(m)).isTrue();
		// its failing timer would fail the next test that runs every due job of the shared database
		runtime.deleteProcessInstance(pi.getId(), "refused as it should be");
	}

	@Test
	void operationsResolveAnAccountIssueFoundAfterTheUnbind() {
		Merchant m = registry.merchant();
		ProcessInstance pi = approved(m);
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
