package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.junit.jupiter.api.Test;
import org.unbinddesk.privacy.PiiSafeHistoryLevel;

class PiiSafeHistoryLevelTests {

	@Test
	void writesTheTrailOfVariableUpdatesOnlyWhenAskedFor() {
		HistoricVariableUpdateEventEntity update = new HistoricVariableUpdateEventEntity();
		update.setVariableName("reviewDecision");

		assertThat(new PiiSafeHistoryLevel(ProcessVariables.SENSITIVE, false, false)
			.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, update)).isFalse();
		assertThat(new PiiSafeHistoryLevel(ProcessVariables.SENSITIVE, true, false)
			.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, update)).isTrue();
	}

	@Test
	void keepsJobFailuresAndTheRoutineJobLogOnlyWhenAskedFor() {
		PiiSafeHistoryLevel failuresOnly = new PiiSafeHistoryLevel(ProcessVariables.SENSITIVE, false, false);
		PiiSafeHistoryLevel all = new PiiSafeHistoryLevel(ProcessVariables.SENSITIVE, false, true);
		for (HistoryEventTypes routine : new HistoryEventTypes[] { HistoryEventTypes.JOB_CREATE,
				HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE }) {
			assertThat(failuresOnly.isHistoryEventProduced(routine, null)).as(routine.name()).isFalse();
			assertThat(all.isHistoryEventProduced(routine, null)).as(routine.name()).isTrue();
		}
		assertThat(failuresOnly.isHistoryEventProduced(HistoryEventTypes.JOB_FAIL, null)).isTrue();
		assertThat(all.isHistoryEventProduced(HistoryEventTypes.JOB_FAIL, null)).isTrue();
	}

	@Test
	void neverWritesFormFieldEventsAndKeepsEveryOtherEvent() {
		for (boolean trail : new boolean[] { false, true }) {
			PiiSafeHistoryLevel level = new PiiSafeHistoryLevel(ProcessVariables.SENSITIVE, trail, true);
			assertThat(level.isHistoryEventProduced(HistoryEventTypes.FORM_PROPERTY_UPDATE, null)).isFalse();
			assertThat(level.isHistoryEventProduced(HistoryEventTypes.ACTIVITY_INSTANCE_START, null)).isTrue();
			assertThat(level.isHistoryEventProduced(HistoryEventTypes.DMN_DECISION_EVALUATE, null)).isTrue();
		}
	}

}
