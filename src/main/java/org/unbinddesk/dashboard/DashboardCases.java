package org.unbinddesk.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.cases.CaseStatus;
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.cases.RejectionCategory;
import org.unbinddesk.cases.Stage;

/**
 * The cases behind a figure of the dashboard, for the page a click on a bar or a tile opens: the same conditions the
 * figure counts, newest first, at most {@link #LIMIT}. Times are the registry's, in the business time zone.
 */
@Service
@Transactional(readOnly = true)
class DashboardCases {

	static final int LIMIT = 200;

	/**
	 * Which cases: at most one way of choosing is used, in this order. {@code stage}: open in that stage;
	 * {@code category}: rejected with that kind of reason in the period ({@code UNCATEGORISED} for none);
	 * {@code dueDay}: reviews due that day that were decided late or are still open past it; {@code day} with
	 * {@code outcome}: closed that day so; {@code day}: opened that day; {@code outcome}: closed so in the period;
	 * {@code withFee}: opened in the period with a fee; {@code status}: open or closed.
	 */
	record Filter(Stage stage, String category, LocalDate dueDay, LocalDate day, Outcome outcome, boolean withFee,
			CaseStatus status, int days) {
	}

	/**
	 * A line of the list: what the case is, where it stands, why it ended (the kind of rejection reason by its name),
	 * when it was opened and closed.
	 */
	record Line(String caseNumber, String merchantNo, String merchantName, String terminalId, String status,
			String stage, String outcome, String rejectionCategoryName, String outcomeReason, LocalDateTime openedAt,
			LocalDateTime closedAt) {
	}

	/**
	 * @param categoryName the name of the kind of rejection reason the list was chosen by, if it was
	 * @param truncated whether more cases matched than the list holds
	 * @param businessTimeZone the zone the times are in
	 */
	record CaseList(String categoryName, List<Line> cases, boolean truncated, String businessTimeZone) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	DashboardCases(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	CaseList find(Filter filter) {
		LocalDateTime since = LocalDate.now(clock).minusDays(filter.days() - 1L).atStartOfDay();
		List<Object> params = new ArrayList<>();
		String where;
		if (filter.stage() != null) {
			where = "c.status = 'OPEN' and c.stage = ?";
			params.add(filter.stage().name());
		}
		else if (filter.category() != null) {
			where = "c.outcome = 'REJECTED' and c.closed_at >= ? and "
					+ (DashboardService.UNCATEGORISED.equals(filter.category()) ? "c.rejection_category is null"
							: "c.rejection_category = ?");
			params.add(since);
			RejectionCategory.parse(filter.category()).ifPresent(c -> params.add(c.name()));
		}
		else if (filter.dueDay() != null) {
			where = "c.review_due_at >= ? and c.review_due_at < ? and c.review_due_at < ?"
					+ " and (c.reviewed_at > c.review_due_at or (c.reviewed_at is null and c.status = 'OPEN'))";
			params.add(filter.dueDay().atStartOfDay());
			params.add(filter.dueDay().plusDays(1).atStartOfDay());
			params.add(LocalDateTime.now(clock));
		}
		else if (filter.day() != null && filter.outcome() != null) {
			where = "c.closed_at >= ? and c.closed_at < ? and c.outcome = ?";
			params.add(filter.day().atStartOfDay());
			params.add(filter.day().plusDays(1).atStartOfDay());
			params.add(filter.outcome().name());
		}
		else if (filter.day() != null) {
			where = "c.opened_at >= ? and c.opened_at < ?";
			params.add(filter.day().atStartOfDay());
			params.add(filter.day().plusDays(1).atStartOfDay());
		}
		else if (filter.outcome() != null) {
			where = "c.outcome = ? and c.closed_at >= ?";
			params.add(filter.outcome().name());
			params.add(since);
		}
		else if (filter.withFee()) {
			where = "c.fee > 0 and c.opened_at >= ?";
			params.add(since);
		}
		else if (filter.status() != null) {
			where = "c.status = ?";
			params.add(filter.status().name());
		}
		else {
			where = "c.opened_at >= ?";
			params.add(since);
		}
		List<Line> lines = jdbc.sql("""
				select c.case_number, c.merchant_no, m.name, c.terminal_id, c.status, c.stage, c.outcome,
				       c.rejection_category, c.outcome_reason, c.opened_at, c.closed_at
				from unbinding_case c left join merchant m on m.merchant_no = c.merchant_no
				where %s
				order by c.opened_at desc, c.case_number desc fetch first %d rows only""".formatted(where, LIMIT + 1))
			.params(params)
			.query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), categoryName(rs.getString(8)), rs.getString(9),
					localDateTime(rs.getTimestamp(10)), localDateTime(rs.getTimestamp(11))))
			.list();
		boolean truncated = lines.size() > LIMIT;
		String categoryName = filter.stage() == null && filter.category() != null ? categoryName(filter.category()) : null;
		return new CaseList(categoryName, truncated ? lines.subList(0, LIMIT) : lines, truncated, clock.getZone().getId());
	}

	private static String categoryName(String category) {
		if (DashboardService.UNCATEGORISED.equals(category)) {
			return DashboardService.UNCATEGORISED_ZH;
		}
		return category == null ? null : RejectionCategory.parse(category).map(RejectionCategory::nameZh).orElse(null);
	}

	private static LocalDateTime localDateTime(java.sql.Timestamp at) {
		return at == null ? null : at.toLocalDateTime();
	}

}
