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
 * that ended in 2026 with ten years' retention is kept until 1 January 2037, in the business time zone.
 * <p>
 * The engine stamps each history row as it writes it (strategy {@code start}), while the case runs and its end is not
 * known: a case is taken to end in the year it opened, which most do. Stamping at the end instead would rewrite every
 * history row of the case as it ends. A case that ends in a later year is given the later time the night after
 * ({@link HistoryRemovalTimes}). A decision taken outside the case's own steps (the damage assessment when the
 * warehouse receives a device) is not part of the case's history: it gets a year's margin.
 */
class CalendarYearRemovalTime extends DefaultHistoryRemovalTimeProvider {

	/** The margin of a decision taken outside a case's own steps, in years. */
	static final int DECISION_MARGIN_YEARS = 1;

	private final int years;

	private final ZoneId zone;

	CalendarYearRemovalTime(int years, ZoneId zone) {
		this.years = years;
		this.zone = zone;
	}

	@Override
	public Date calculateRemovalTime(HistoricProcessInstanceEventEntity instance, ProcessDefinition definition) {
		if (super.calculateRemovalTime(instance, definition) == null) {
			return null; // no time to live: the engine keeps it
		}
		return keptUntil(instance.getEndTime() != null ? instance.getEndTime() : instance.getStartTime());
	}

	@Override
	public Date calculateRemovalTime(HistoricDecisionInstanceEntity decision, DecisionDefinition definition) {
		if (super.calculateRemovalTime(decision, definition) == null) {
			return null;
		}
		return keptUntil(decision.getEvaluationTime(), DECISION_MARGIN_YEARS);
	}

	/** The whole calendar years history is kept ({@code unbinddesk.retention.years}). */
	int years() {
		return years;
	}

	/** The first day after the given number of whole calendar years following the year of the moment. */
	Date keptUntil(Date moment) {
		return keptUntil(moment, 0);
	}

	private Date keptUntil(Date moment, int laterYears) {
		int year = moment.toInstant().atZone(zone).getYear() + laterYears;
		return Date.from(LocalDate.of(year + years + 1, 1, 1).atStartOfDay(zone).toInstant());
	}

}
