package org.unbinddesk.cases;

import java.time.Duration;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The business metrics operations watch (Prometheus at {@code /actuator/prometheus}): cases started by channel and
 * ended by outcome (counted once their transaction commits), open cases by stage, time reviews waited, open
 * incidents.
 */
@Component
public class CaseMetrics {

	private final MeterRegistry registry;

	private final Timer reviewWaiting;

	CaseMetrics(MeterRegistry registry, UnbindingCaseRepository cases, RuntimeService runtime) {
		this.registry = registry;
		this.reviewWaiting = Timer.builder("unbinddesk.review.waiting")
			.description("Time from a review task's creation to the reviewer's decision")
			.publishPercentiles(0.5, 0.9)
			.register(registry);
		for (Stage stage : Stage.values()) {
			Gauge.builder("unbinddesk.cases.open", cases, c -> c.countByStatusAndStage(CaseStatus.OPEN, stage))
				.description("Open cases by stage")
				.tag("stage", stage.name())
				.register(registry);
		}
		Gauge.builder("unbinddesk.incidents.open", runtime, r -> r.createIncidentQuery().count())
			.description("Incidents waiting for operations")
			.register(registry);
	}

	void caseStarted(String channel) {
		afterCommit(() -> Counter.builder("unbinddesk.cases.started")
			.description("Cases opened")
			.tag("channel", channel == null ? "UNKNOWN" : channel)
			.register(registry)
			.increment());
	}

	void caseEnded(Outcome outcome) {
		afterCommit(() -> Counter.builder("unbinddesk.cases.ended")
			.description("Cases closed, by outcome")
			.tag("outcome", outcome.name())
			.register(registry)
			.increment());
	}

	public void reviewDecided(Duration waited) {
		afterCommit(() -> reviewWaiting.record(waited));
	}

	private static void afterCommit(Runnable count) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count.run();
				}
			});
		}
		else {
			count.run();
		}
	}

}
