package org.unbinddesk.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The figures of the operations dashboard, for the last {@code days} days. {@code generatedAt} carries its offset, so
 * the page shows it in the business time zone ({@code businessTimeZone}) whatever zone the server runs in.
 */
public record Dashboard(OffsetDateTime generatedAt, String businessTimeZone, int days, Map<String, Long> openByStage, List<Day> perDay,
		Map<String, Duration> durations, long reviewsOverdueNow, List<Breaches> slaBreachesPerDay,
		List<Rejections> rejectionCategories, Money fees, Money depositRefunds, long incidentsOpen) {

	/** Cases opened that day, and closed that day by outcome. */
	public record Day(LocalDate day, long opened, long unbound, long rejected, long withdrawn, long lapsed,
			long cancelled, long invalid) {
	}

	/** Median and 90th percentile in seconds, over {@code cases} cases unbound in the period. */
	public record Duration(Double medianSeconds, Double p90Seconds, long cases) {
	}

	/** Reviews due that day that were decided late, or are still open past their due date. */
	public record Breaches(LocalDate day, long breaches) {
	}

	/**
	 * Cases rejected in the period with that kind of reason ({@code RejectionCategory}, or {@code UNCATEGORISED} for
	 * rejections without one: the system's own, and those from before the list existed); {@code name} is what staff
	 * read.
	 */
	public record Rejections(String category, String name, long cases) {
	}

	public record Money(long count, BigDecimal amount) {
	}

}
