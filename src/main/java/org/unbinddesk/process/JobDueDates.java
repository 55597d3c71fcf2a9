package org.unbinddesk.process;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs without a due date, given one. The engine gives every job it makes a due date ({@code ensureJobDueDateNotNull},
 * application.yml) and its job executor looks only for jobs due by now, through an index of due dates (engine script
 * {@code V7_24_0_3}): a job without one would never run. Such jobs come from before that setting, from a database
 * an earlier release left with steps still to run (a new release starts only once every node of the earlier one has
 * stopped: docs/operations.md). Each start gives them the current time, the due date the engine now gives an
 * asynchronous step as it makes it; timers always have a due date.
 */
final class JobDueDates {

	private static final Logger log = LoggerFactory.getLogger(JobDueDates.class);

	private JobDueDates() {
	}

	/** Gives every job without a due date the current time; returns how many it gave one. */
	static int fill(ManagementService management) {
		int filled = 0;
		for (Job job : management.createJobQuery().messages().list()) {
			if (job.getDuedate() == null) {
				try {
					management.setJobDuedate(job.getId(), new Date());
					filled++;
				}
				catch (ProcessEngineException ex) {
					// run, or changed, by another node starting at the same moment
					log.debug("Job {} not given a due date: {}", job.getId(), ex.getMessage());
				}
			}
		}
		if (filled > 0) {
			log.info("Gave {} jobs made without a due date the current time, so that the job executor finds them",
					filled);
		}
		return filled;
	}

}
