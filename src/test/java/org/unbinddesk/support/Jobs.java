package org.unbinddesk.support;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;

/**
 * Runs jobs the way the (switched-off) job executor would, round after round, until the query finds none.
 */
public final class Jobs {

	private Jobs() {
	}

	public static void runAll(ManagementService management, Supplier<JobQuery> query) {
		for (int round = 0; round < 20; round++) {
			List<Job> jobs = query.get().list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(job -> management.executeJob(job.getId()));
		}
	}

}
