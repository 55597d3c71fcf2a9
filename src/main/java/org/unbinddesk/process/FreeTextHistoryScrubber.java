package org.unbinddesk.process;

import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.unbinddesk.system.Masks;

/**
 * Runs before the engine writes a history row: a free-text variable's value (see {@link ProcessVariables#FREE_TEXT})
 * is masked in the row whoever set it (Tasklist, engine REST, an admin), so no full phone, ID or card number typed
 * into a reason reaches the history tables that supervisors and operations read.
 */
class FreeTextHistoryScrubber implements HistoryEventHandler {

	@Override
	public void handleEvent(HistoryEvent event) {
		if (event instanceof HistoricVariableUpdateEventEntity variable
				&& ProcessVariables.FREE_TEXT.contains(variable.getVariableName()) && variable.getTextValue() != null) {
			variable.setTextValue(Masks.scrub(variable.getTextValue(), FreeText.MAX_LENGTH));
			if (variable.getTextValue2() != null) {
				variable.setTextValue2(Masks.scrub(variable.getTextValue2(), FreeText.MAX_LENGTH));
			}
		}
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		events.forEach(this::handleEvent);
	}

}
