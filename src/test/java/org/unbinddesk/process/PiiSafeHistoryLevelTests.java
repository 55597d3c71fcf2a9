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

		assertThat(new PiiSafeHistoryLevel(ProcessVariables.SENSITIVE, false)
			.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, update)).isFalse();
		assertThat(new PiiSafeHistoryLevel(ProcessVariables.SENSITIVE, true)
			.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, update)).isTrue();
	}

	@Test
	void neverWritesFormFieldEventsAndKeepsEveryOtherEvent() {
		for (boolean trail : new boolean[] { false, true }) {
			PiiSafeHistoryLevel level = new PiiSafeHistoryLevel(ProcessVariables.SENSITIVE, trail);
			assertThat(level.isHistoryEventProduced(HistoryEventTypes.FORM_PROPERTY_UPDATE, null)).isFalse();
			assertThat(level.isHistoryEventProduced(HistoryEventTypes.ACTIVITY_INSTANCE_START, null)).isTrue();
			assertThat(level.isHistoryEventProduced(HistoryEventTypes.DMN_DECISION_EVALUATE, null)).isTrue();
		}
	}

}
