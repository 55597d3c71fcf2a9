package org.unbinddesk.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * When the engine may remove a case's history: records are kept a number of calendar years counted from the year the
 * case ended, as the anti-money-laundering rules count them ("自业务关系结束当年计起"), not in blocks of 365 days. A case
 * that ended in 2026 with ten years' retention is removable from 1 January 2037, in the business time zone.
 */
class CalendarYearRemovalTime extends DefaultHistoryRemovalTimeProvider {

	private final int years;

	private final ZoneId zone;

	CalendarYearRemovalTime(int years, ZoneId zone) {
		this.years = years;
		this.zone = zone;
	}

	@Override
	public Date calculateRemovalTime(HistoricProcessInstanceEventEntity instance, ProcessDefinition definition) {
		if (super.calculateRemovalTime(instance, definition) == null) {
			return null; // still running, or no time to live: the engine keeps it
		}
		return keptUntil(instance.getEndTime() != null ? instance.getEndTime() : instance.getStartTime());
	}

	@Override
	public Date calculateRemovalTime(HistoricDecisionInstanceEntity decision, DecisionDefinition definition) {
		if (super.calculateRemovalTime(decision, definition) == null) {
			return null;
		}
		return keptUntil(decision.getEvaluationTime());
	}

	/** The first day after the given number of whole calendar years following the year of the moment. */
	Date keptUntil(Date moment) {
		int year = moment.toInstant().atZone(zone).getYear();
		return Date.from(LocalDate.of(year + years + 1, 1, 1).atStartOfDay(zone).toInstant());
	}

}
