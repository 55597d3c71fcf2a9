package org.unbinddesk.dashboard;

import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.cases.RejectionCategory;
import org.unbinddesk.cases.Stage;
import org.unbinddesk.process.UserTasks;
import org.unbinddesk.runtime.EngineAccess;
import org.unbinddesk.dashboard.Dashboard.Breaches;
import org.unbinddesk.dashboard.Dashboard.Day;
import org.unbinddesk.dashboard.Dashboard.Duration;
import org.unbinddesk.dashboard.Dashboard.Money;
import org.unbinddesk.dashboard.Dashboard.Rejections;

/**
 * Computes the dashboard from the registry (a handful of aggregate queries on indexed columns, figures the cases keep
 * as they move) and from the engine (open review tasks past due, open incidents). Portable SQL, for H2 and
 * PostgreSQL alike.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

	static final String[] DURATIONS = { "total", "application", "review", "unbind", "confirmation" };

	/** Rejections without a kind of reason: the system's own (identity, fees), and those from before the list. */
	static final String UNCATEGORISED = "UNCATEGORISED";

	static final String UNCATEGORISED_ZH = "未分类（系统驳回等）";

	private final JdbcClient jdbc;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final Clock clock;

	private final EngineAccess engine;

	private final String businessTimeZone;

	DashboardService(JdbcClient jdbc, TaskService tasks, RuntimeService runtime, Clock clock, EngineAccess engine,
			@Value("${unbinddesk.business-zone:Asia/Shanghai}") String businessTimeZone) {
		this.engine = engine;
		this.businessTimeZone = ZoneId.of(businessTimeZone).getId();
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.runtime = runtime;
		this.clock = clock;
	}

	public Dashboard compute(int days) {
		return engine.asService(() -> figures(days));
	}

	private Dashboard figures(int days) {
		LocalDateTime now = LocalDateTime.now(clock);
		LocalDate today = now.toLocalDate();
		LocalDateTime since = today.minusDays(days - 1L).atStartOfDay();
		return new Dashboard(now.atZone(clock.getZone()).toOffsetDateTime(), businessTimeZone, days, openByStage(),
				perDay(since, today), durations(since), overdueReviews(now), breaches(since, now),
				rejectionCategories(since),
				money("select count(*), coalesce(sum(fee), 0) from unbinding_case where fee > 0 and opened_at >= ?",
						since),
				money("select count(*), coalesce(sum(amount), 0) from deposit_refund where created_at >= ?", since),
				runtime.createIncidentQuery().count());
	}

	/** Open cases by the stage they are in, every stage named. */
	private Map<String, Long> openByStage() {
		Map<String, Long> openByStage = new LinkedHashMap<>();
		for (Stage stage : Stage.values()) {
			openByStage.put(stage.name(), 0L);
		}
		jdbc.sql("select stage, count(*) from unbinding_case where status = 'OPEN' group by stage")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.forEach(e -> openByStage.put(e.getKey(), e.getValue()));
		return openByStage;
	}

	/** Cases opened and closed (by outcome) each day since then, days without any included. */
	private List<Day> perDay(LocalDateTime since, LocalDate today) {
		Map<LocalDate, Long> opened = byDay("""
				select cast(opened_at as date), count(*) from unbinding_case
				where opened_at >= ? group by cast(opened_at as date)""", since);
		Map<LocalDate, Map<String, Long>> closed = new HashMap<>();
		jdbc.sql("""
				select cast(closed_at as date), outcome, count(*) from unbinding_case
				where closed_at >= ? group by cast(closed_at as date), outcome""")
			.param(since)
			.query((rs, n) -> {
				closed.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new HashMap<>())
					.put(rs.getString(2), rs.getLong(3));
				return null;
			})
			.list();
		List<Day> perDay = new ArrayList<>();
		for (LocalDate day = since.toLocalDate(); !day.isAfter(today); day = day.plusDays(1)) {
			Map<String, Long> outcomes = closed.getOrDefault(day, Map.of());
			perDay.add(new Day(day, opened.getOrDefault(day, 0L), count(outcomes, Outcome.UNBOUND),
					count(outcomes, Outcome.REJECTED), count(outcomes, Outcome.WITHDRAWN), count(outcomes, Outcome.LAPSED),
					count(outcomes, Outcome.CANCELLED), count(outcomes, Outcome.REQUEST_INVALID)));
		}
		return perDay;
	}

	/** Median and 90th percentile of the whole case and of each stage, over the cases unbound since then. */
	private Map<String, Duration> durations(LocalDateTime since) {
		StringBuilder select = new StringBuilder("select ");
		for (String d : DURATIONS) {
			select.append("percentile_cont(0.5) within group (order by ").append(d).append("_seconds), ")
				.append("percentile_cont(0.9) within group (order by ").append(d).append("_seconds), ")
				.append("count(").append(d).append("_seconds), ");
		}
		select.setLength(select.length() - 2);
		select.append(" from unbinding_case where outcome = 'UNBOUND' and closed_at >= ?");
		return jdbc.sql(select.toString()).param(since).query((rs, n) -> {
			Map<String, Duration> result = new LinkedHashMap<>();
			for (int i = 0; i < DURATIONS.length; i++) {
				result.put(DURATIONS[i], new Duration(number(rs.getObject(3 * i + 1)), number(rs.getObject(3 * i + 2)),
						rs.getLong(3 * i + 3)));
			}
			return result;
		}).single();
	}

	private long overdueReviews(LocalDateTime now) {
		return tasks.createTaskQuery()
			.taskDefinitionKey(UserTasks.REVIEW_APPLICATION)
			.dueBefore(java.util.Date.from(now.atZone(clock.getZone()).toInstant()))
			.count();
	}

	/** Reviews decided after their due time, or still open past it, by the day they were due. */
	private List<Breaches> breaches(LocalDateTime since, LocalDateTime now) {
		Map<LocalDate, Long> breachDays = byDay("""
				select cast(review_due_at as date), count(*) from unbinding_case
				where review_due_at >= ? and review_due_at < ?
				  and (reviewed_at > review_due_at or (reviewed_at is null and status = 'OPEN'))
				group by cast(review_due_at as date)""", since, now);
		return breachDays.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> new Breaches(e.getKey(), e.getValue()))
			.toList();
	}

	/** Rejections since then by their kind of reason, every kind named; those without one only when there are any. */
	private List<Rejections> rejectionCategories(LocalDateTime since) {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("""
				select rejection_category, count(*) from unbinding_case
				where outcome = 'REJECTED' and closed_at >= ? group by rejection_category""")
			.param(since)
			.query((rs, n) -> counts.put(rs.getString(1) == null ? UNCATEGORISED : rs.getString(1), rs.getLong(2)))
			.list();
		List<Rejections> result = new ArrayList<>();
		for (RejectionCategory category : RejectionCategory.values()) {
			result.add(new Rejections(category.name(), category.nameZh(), counts.getOrDefault(category.name(), 0L)));
		}
		if (counts.containsKey(UNCATEGORISED)) {
			result.add(new Rejections(UNCATEGORISED, UNCATEGORISED_ZH, counts.get(UNCATEGORISED)));
		}
		return result;
	}

	/** A count and a sum, in yuan to the fen. */
	private Money money(String sql, LocalDateTime since) {
		Money money = jdbc.sql(sql).param(since).query((rs, n) -> new Money(rs.getLong(1), rs.getBigDecimal(2))).single();
		return new Money(money.count(), money.amount().setScale(2, RoundingMode.HALF_UP));
	}

	private Map<LocalDate, Long> byDay(String sql, Object... params) {
		Map<LocalDate, Long> result = new HashMap<>();
		jdbc.sql(sql).params(params).query((rs, n) -> {
			Date day = rs.getDate(1);
			result.put(day.toLocalDate(), rs.getLong(2));
			return null;
		}).list();
		return result;
	}

	private static long count(Map<String, Long> outcomes, Outcome outcome) {
		return outcomes.getOrDefault(outcome.name(), 0L);
	}

	private static Double number(Object value) {
		return value == null ? null : ((Number) value).doubleValue();
	}

}
