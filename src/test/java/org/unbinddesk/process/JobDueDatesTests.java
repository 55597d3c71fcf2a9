package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.unbinddesk.support.ProcessTestSupport;

/**
 * Every job carries a due date, so that the job executor, which looks only for jobs due by now, finds it; a job made
 * without one (by an earlier release) is given one as the engine starts.
 */
class JobDueDatesTests extends ProcessTestSupport {

	@Autowired
	ApplicationContext context;

	@Test
	void anAsynchronousStepIsDueAsItIsMade() {
		ProcessInstance pi = start(applicationFor(registry.merchant(), "DEVICE_FAULT"));

		Job identityCheck = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
		assertThat(identityCheck.getDuedate()).isNotNull().isBeforeOrEqualTo(new Date());
	}

	@Test
	void aJobMadeWithoutADueDateIsGivenOneAtStartAndTheCaseGoesOn() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		ProcessInstance pi;
		configuration.setEnsureJobDueDateNotNull(false);
		try {
			// as an earlier release made its jobs
			pi = start(applicationFor(registry.merchant(), "DEVICE_FAULT"));
		}
		finally {
			configuration.setEnsureJobDueDateNotNull(true);
		}
		Job made = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
		assertThat(made.getDuedate()).isNull();

		context.getBean("jobDueDatesPlugin", ProcessEnginePlugin.class).postProcessEngineBuild(engine);

		Date given = management.createJobQuery().jobId(made.getId()).singleResult().getDuedate();
		assertThat(given).isNotNull().isBeforeOrEqualTo(new Date());
		assertThat(management.createJobQuery().duedateHigherThan(new Date(0)).list()).extracting(Job::getId)
			.contains(made.getId());
		runAsyncSteps(pi);
		assertThat(pi).isWaitingAt("Task_ReviewApplication");
	}

	@Test
	void jobsThatHaveADueDateKeepIt() {
		ProcessInstance pi = start(applicationFor(registry.merchant(), "DEVICE_FAULT"));
		runAsyncSteps(pi);
		Job reminder = management.createJobQuery()
			.processInstanceId(pi.getId())
			.activityId("Event_ReviewOverdue")
			.singleResult();
		Date due = reminder.getDuedate();

		context.getBean("jobDueDatesPlugin", ProcessEnginePlugin.class).postProcessEngineBuild(engine);

		assertThat(due).isAfter(new Date());
		assertThat(management.createJobQuery().jobId(reminder.getId()).singleResult().getDuedate()).isEqualTo(due);
	}

}
