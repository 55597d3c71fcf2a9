package org.unbinddesk.process;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Gives more time to the history of a case that ran longer than its removal time assumed: the engine stamps each
 * history row as it writes it, taking a case to end by the end of the year after it opened
 * ({@link CalendarYearRemovalTime}). Nightly, before the engine's cleanup window, each case that ended this year or
 * last year, opened before that, and whose history would go before the whole years counted from its end, gets the
 * later removal time on all its history rows (a batch the job executor runs); so does a case that ended this week with
 * no removal time (opened before this version, when the engine stamped the rows as a case ended). A case ended and
 * checked stays as it is, so the check may run again.
 */
@Service
public class HistoryRemovalTimes {

	private static final Logger log = LoggerFactory.getLogger(HistoryRemovalTimes.class);

	private static final int PAGE = 1000;

	private final HistoryService history;

	private final CalendarYearRemovalTime rule;

	private final Clock clock;

	HistoryRemovalTimes(HistoryService history, @Value("${unbinddesk.retention.years:10}") int years, Clock clock) {
		this.history = history;
		this.rule = new CalendarYearRemovalTime(years, clock.getZone());
		this.clock = clock;
	}

	/**
	 * @return the batches that set the later removal times (one per year the cases ended in), none when every case's
	 * history is kept long enough
	 */
	@Scheduled(cron = "${unbinddesk.retention.extend-cron:0 40 0 * * *}", zone = "${unbinddesk.business-zone:Asia/Shanghai}")
	public List<Batch> extendForLongCases() {
		Date startOfLastYear = Date
			.from(LocalDate.now(clock).withDayOfYear(1).minusYears(1).atStartOfDay(clock.getZone()).toInstant());
		Map<String, HistoricProcessInstance> candidates = new LinkedHashMap<>();
		// ended last year or this, opened before last year: the only cases whose stamp can fall short
		history.createHistoricProcessInstanceQuery()
			.finished()
			.finishedAfter(startOfLastYear)
			.startedBefore(startOfLastYear)
			.list()
			.forEach(i -> candidates.put(i.getId(), i));
		// ended this week: a case opened before this version (the engine then stamped rows as a case ended) has none
		Date weekAgo = Date.from(clock.instant().minus(Duration.ofDays(7)));
		for (int first = 0;; first += PAGE) {
			List<HistoricProcessInstance> page = history.createHistoricProcessInstanceQuery()
				.finished()
				.finishedAfter(weekAgo)
				.orderByProcessInstanceId()
				.asc()
				.listPage(first, PAGE);
			page.stream().filter(i -> i.getRemovalTime() == null).forEach(i -> candidates.put(i.getId(), i));
			if (page.size() < PAGE) {
				break;
			}
		}
		Map<Date, List<HistoricProcessInstance>> shortByRequired = candidates.values()
			.stream()
			.filter(i -> i.getRemovalTime() == null || i.getRemovalTime().before(rule.keptUntil(i.getEndTime())))
			.collect(Collectors.groupingBy(i -> rule.keptUntil(i.getEndTime()), TreeMap::new, Collectors.toList()));
		List<Batch> batches = new ArrayList<>();
		shortByRequired.forEach((required, instances) -> {
			batches.add(history.setRemovalTimeToHistoricProcessInstances()
				.absoluteRemovalTime(required)
				.byIds(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
				.hierarchical()
				.executeAsync());
			instances.forEach(i -> log.info("Case {} ran from {} to {}: its history is kept until {}", i.getBusinessKey(),
					i.getStartTime(), i.getEndTime(), required));
		});
		return batches;
	}

}
