package org.unbinddesk.privacy;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Runs before the engine writes a history row: the value of a variable that holds free text
 * is masked in the row whoever set it (Tasklist, engine REST, an admin), so no full phone, ID or card number typed
 * into a reason reaches the history tables that supervisors and operations read.
 */
public class FreeTextHistoryScrubber implements HistoryEventHandler {

	private final Set<String> freeText;

	private final int maxLength;

	/**
	 * @param freeText the names of the variables that hold free text
	 * @param maxLength the longest text kept
	 */
	public FreeTextHistoryScrubber(Set<String> freeText, int maxLength) {
		this.freeText = Set.copyOf(freeText);
		this.maxLength = maxLength;
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (event instanceof HistoricVariableUpdateEventEntity variable
				&& freeText.contains(variable.getVariableName()) && variable.getTextValue() != null) {
			variable.setTextValue(Masks.scrub(variable.getTextValue(), maxLength));
			if (variable.getTextValue2() != null) {
				variable.setTextValue2(Masks.scrub(variable.getTextValue2(), maxLength));
			}
		}
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		events.forEach(this::handleEvent);
	}

}
