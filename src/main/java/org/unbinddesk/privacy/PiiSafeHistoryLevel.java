package org.unbinddesk.privacy;

import java.util.Set;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Full history, except for the personal data a caller may hand in at the start (full ID and phone numbers): their
 * variable events are never written, and form-field events (which copy every submitted value) are left out too, since
 * the variable events already record what matters. The first step of the process moves those values into the
 * registry and removes the variables.
 * <p>
 * Each variable's history keeps its latest value; the trail of every value it took on the way (one
 * {@code ACT_HI_DETAIL} row per update, Camunda's "full" level) is written only when asked for
 * ({@code unbinddesk.history.variable-trail=true}): the case's decisions are in the registry's audit trail already,
 * and the trail was the largest table per case (see docs/benchmark.md).
 * <p>
 * The job log ({@code ACT_HI_JOB_LOG}) keeps a job's failures (with the error), what operations read when a step went
 * wrong; the routine entries of each background step that was made, ran and succeeded (two per job, a table with nine
 * indexes, written in nearly every transaction of a case) only when asked for ({@code unbinddesk.history.job-log=all}).
 */
public class PiiSafeHistoryLevel implements HistoryLevel {

	public static final String NAME = "full-without-pii";

	private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
			HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
			HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

	/** A job made, run to success, or removed: the routine entries of the job log. */
	private static final Set<HistoryEventType> ROUTINE_JOB_EVENTS = Set.of(HistoryEventTypes.JOB_CREATE,
			HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE);

	private final Set<String> sensitive;

	private final boolean variableTrail;

	private final boolean routineJobLog;

	/**
	 * @param sensitive the names of the variables whose values never reach history
	 * @param variableTrail whether to keep every value a variable took ({@code ACT_HI_DETAIL}), not only its latest
	 * @param routineJobLog whether the job log keeps jobs made, succeeded and removed, not only their failures
	 */
	public PiiSafeHistoryLevel(Set<String> sensitive, boolean variableTrail, boolean routineJobLog) {
		this.sensitive = Set.copyOf(sensitive);
		this.variableTrail = variableTrail;
		this.routineJobLog = routineJobLog;
	}

	@Override
	public int getId() {
		return 31;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
		if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
			return false;
		}
		if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL && !variableTrail) {
			return false;
		}
		if (ROUTINE_JOB_EVENTS.contains(eventType) && !routineJobLog) {
			return false;
		}
		if (VARIABLE_EVENTS.contains(eventType) && entity instanceof VariableInstance variable) {
			return !sensitive.contains(variable.getName());
		}
		return true;
	}

}
