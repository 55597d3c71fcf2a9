package org.unbinddesk.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Gives more time to the history of a case that ran into a later calendar year than the one it opened in: the engine
 * stamps each history row as it writes it, taking a case to end in the year it opened ({@link CalendarYearRemovalTime}).
 * Nightly, each case that ended this year (or last year) after opening in an earlier year gets the later removal time on
 * all its history rows (a batch the job executor runs); so does a case ended with no removal time (opened before this
 * rule, when the engine stamped the rows as a case ended), and a case still open so long that its stamp comes within
 * a year. A case checked and extended stays as it is, so the check may run again, on every node (the batches set the
 * same times).
 */
@Service
public class HistoryRemovalTimes {

	private static final Logger log = LoggerFactory.getLogger(HistoryRemovalTimes.class);

	private static final int PAGE = 1000;

	private final HistoryService history;

	private final ManagementService management;

	private final CalendarYearRemovalTime rule;

	private final Clock clock;

	HistoryRemovalTimes(HistoryService history, ManagementService management, CalendarYearRemovalTime rule,
			Clock clock) {
		this.history = history;
		this.management = management;
		this.rule = rule;
		this.clock = clock;
	}

	/**
	 * @return the batches that set the later removal times (one per removal time), none when every case's history is
	 * kept long enough
	 */
	@Scheduled(cron = "${unbinddesk.retention.extend-cron:0 40 0 * * *}", zone = "${unbinddesk.business-zone:Asia/Shanghai}")
	public List<Batch> extendForLongCases() {
		LocalDate thisYear = LocalDate.now(clock).withDayOfYear(1);
		Date startOfThisYear = startOf(thisYear);
		Date startOfLastYear = startOf(thisYear.minusYears(1));
		Map<String, Date> required = new LinkedHashMap<>();
		Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
		// ended this year after opening in an earlier one; ended last year after opening before it (a night missed at
		// the turn of the year)
		List<HistoricProcessInstance> crossedAYear = new ArrayList<>(history.createHistoricProcessInstanceQuery()
			.finished()
			.finishedAfter(startOfThisYear)
			.startedBefore(startOfThisYear)
			.list());
		crossedAYear.addAll(history.createHistoricProcessInstanceQuery()
			.finished()
			.finishedAfter(startOfLastYear)
			.finishedBefore(startOfThisYear)
			.startedBefore(startOfLastYear)
			.list());
		// ended with no removal time at all
		String table = management.getTableName(HistoricProcessInstance.class);
		for (int first = 0;; first += PAGE) {
			List<HistoricProcessInstance> page = history.createNativeHistoricProcessInstanceQuery()
				.sql("select * from " + table + " where END_TIME_ is not null and REMOVAL_TIME_ is null order by ID_")
				.listPage(first, PAGE);
			crossedAYear.addAll(page);
			if (page.size() < PAGE) {
				break;
			}
		}
		for (HistoricProcessInstance ended : crossedAYear) {
			found.put(ended.getId(), ended);
			required.put(ended.getId(), rule.keptUntil(ended.getEndTime()));
		}
		// still open when its stamp comes within a year: kept as if it ended this year, until it does
		history.createHistoricProcessInstanceQuery()
			.unfinished()
			.startedBefore(startOf(thisYear.minusYears(rule.years() - 1)))
			.list()
			.forEach(open -> {
				found.put(open.getId(), open);
				required.put(open.getId(), rule.keptUntil(startOfThisYear));
			});
		Map<Date, List<String>> shortByRequired = new TreeMap<>();
		found.values()
			.stream()
			.filter(i -> i.getRemovalTime() == null || i.getRemovalTime().before(required.get(i.getId())))
			.forEach(i -> shortByRequired.computeIfAbsent(required.get(i.getId()), d -> new ArrayList<>()).add(i.getId()));
		List<Batch> batches = new ArrayList<>();
		shortByRequired.forEach((until, ids) -> {
			batches.add(history.setRemovalTimeToHistoricProcessInstances()
				.absoluteRemovalTime(until)
				.byIds(ids.toArray(String[]::new))
				.hierarchical()
				.executeAsync());
			log.info("The history of {} cases that ran into a later year is kept until {}", ids.size(), until);
		});
		return batches;
	}

	private Date startOf(LocalDate day) {
		return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
	}

}
