package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.util.Map;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unbinddesk.cases.CaseStatus;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.unbind.UnbindService;

/**
 * A failing unbind is a technical failure: retried by the engine, then an incident that operations retry.
 */
class UnbindFailureTests extends ProcessTestSupport {

	/** The spy of the shared context ({@link org.unbinddesk.support.ServiceTest}). */
	@Autowired
	UnbindService unbind;

	@Test
	void failingUnbindBecomesAnIncidentAndSucceedsWhenRetried() {
		Merchant m = registry.merchant();
		ProcessInstance pi = start(applicationFor(m, "DEVICE_FAULT"));
		runAsyncSteps(pi);
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		fireTimer(pi, "Event_CutOffReached");
		fireTimer(pi, "Event_FinalSettlementPaid");
		doThrow(new IllegalStateException("registry unavailable")).when(unbind).unbind(anyString());

		Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
		int attempts = 0;
		while (job.getRetries() > 0 && attempts < 10) {
			String jobId = job.getId();
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(jobId))
				.hasMessageContaining("registry unavailable");
			attempts++;
			job = management.createJobQuery().jobId(jobId).singleResult();
		}

		assertThat(attempts).as("attempts before the engine gives up (R3)").isEqualTo(3);
		Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
		assertThat(incident.getActivityId()).isEqualTo("Task_UnbindTerminal");
		assertThat(incident.getIncidentMessage()).contains("registry unavailable");
		assertThat(pi).isWaitingAt("Task_UnbindTerminal");
		assertThat(registry.isBound(m)).isTrue();
		assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.OPEN);

		// the registry is back; operations retry the job from Cockpit
		doCallRealMethod().when(unbind).unbind(anyString());
		management.setJobRetries(job.getId(), 1);
		management.executeJob(job.getId());
		runAsyncSteps(pi);
		returnDevice(pi);

		assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
		assertThat(pi).isEnded().hasPassed("Event_TerminalUnbound");
		assertThat(registry.isBound(m)).isFalse();
		assertThat(auditActionsOf(pi)).containsOnlyOnce("TERMINAL_UNBOUND");
		// the job log keeps what operations read afterwards, the three failures with their error, and no routine entries
		assertThat(history.createHistoricJobLogQuery().processInstanceId(pi.getId()).failureLog().list())
			.hasSize(3)
			.allSatisfy(log -> {
				assertThat(log.getActivityId()).isEqualTo("Task_UnbindTerminal");
				assertThat(log.getJobExceptionMessage()).contains("registry unavailable");
			});
		assertThat(history.createHistoricJobLogQuery().processInstanceId(pi.getId()).successLog().count()).isZero();
		assertThat(history.createHistoricJobLogQuery().processInstanceId(pi.getId()).creationLog().count()).isZero();
	}

}
