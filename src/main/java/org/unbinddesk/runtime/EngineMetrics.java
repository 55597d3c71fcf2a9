package org.unbinddesk.runtime;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The engine's own metrics (activity instances, jobs, decisions) as Micrometer counters, read from the engine's
 * metrics table, which every node reports to periodically; so the figures are the cluster's.
 */
@Component
class EngineMetrics implements MeterBinder {

	private static final List<String> NAMES = List.of(Metrics.ROOT_PROCESS_INSTANCE_START,
			Metrics.ACTIVTY_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_END, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
			Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.EXECUTED_DECISION_ELEMENTS);

	private final ManagementService management;

	EngineMetrics(ManagementService management) {
		this.management = management;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String name : NAMES) {
			FunctionCounter.builder("camunda.engine." + name.replace('-', '.'), management,
					m -> m.createMetricsQuery().name(name).sum())
				.description("Camunda engine metric " + name)
				.register(registry);
		}
	}

}
