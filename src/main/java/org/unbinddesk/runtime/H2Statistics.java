package org.unbinddesk.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the row statistics of an H2 database fresh (what its planner weighs indexes by), each table analysed in a
 * statement of its own.
 * <p>
 * H2 refreshes them itself ({@code ANALYZE_AUTO}: once 2,000 rows of a table changed, then after 4,000, 8,000… more),
 * but inside the commit that crossed the count, after the transaction has ended, without the hold a statement keeps on
 * the pages it reads. With {@code RETENTION_TIME=0} those pages may have been written over meanwhile, and the commit of
 * work already saved then throws {@code MVStoreException: Chunk N not found}: a case opened through the API was
 * answered 500 (docs/operations.md, "H2's statistics"). The shipped URL turns that off ({@code ANALYZE_AUTO=0}) and
 * this does the work from a timed task: every {@code unbinddesk.h2.analyze-interval} (30 s) it analyses each table
 * never analysed since start, each whose row count moved by {@code analyze-after-rows} (2,000) and by a tenth since its
 * last analysis, and each that changed at all once {@code reanalyze-after} (10 min) has passed since its last one (a
 * queue whose rows come and go keeps its count); with {@code ANALYZE TABLE … SAMPLE_SIZE n}, n the sample H2's own
 * refresh reads ({@code ANALYZE_SAMPLE} ÷ 10). An idle service analyses only the tables something still writes
 * to, each at most once per {@code reanalyze-after}.
 * <p>
 * Only on H2 running with {@code ANALYZE_AUTO=0} (set by the URL of the process that opened the database): PostgreSQL
 * analyses by itself (autovacuum), and where H2's own refresh is on, H2 does it, with a warning when {@code
 * RETENTION_TIME=0} says what that risks. {@code ANALYZE} needs an H2 administrator; a user who is not one gets a
 * warning and no refresh.
 */
@Component
class H2Statistics {

	private static final Logger log = LoggerFactory.getLogger(H2Statistics.class);

	private final DataSource dataSource;

	private final long changedRows;

	private final Duration reanalyzeAfter;

	private final boolean enabled;

	/** What each table looked like when it was last analysed, by its quoted name. */
	private final Map<String, Analysed> analysed = new HashMap<>();

	private int sampleSize;

	/** Null until a run could look at the database. */
	private Boolean applies;

	H2Statistics(DataSource dataSource, @Value("${unbinddesk.h2.analyze-after-rows:2000}") long changedRows,
			@Value("${unbinddesk.h2.reanalyze-after:PT10M}") Duration reanalyzeAfter,
			@Value("${unbinddesk.h2.analyze:true}") boolean enabled) {
		this.dataSource = dataSource;
		this.changedRows = changedRows;
		this.reanalyzeAfter = reanalyzeAfter;
		this.enabled = enabled;
	}

	/** Analyses the tables that changed enough since their last analysis; returns how many it analysed. */
	@Scheduled(fixedDelayString = "${unbinddesk.h2.analyze-interval:PT30S}", initialDelayString = "PT20S")
	synchronized int refresh() {
		if (!enabled || Boolean.FALSE.equals(applies)) {
			return 0;
		}
		try {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			if (applies == null) {
				applies = applies(jdbc);
				if (applies == null || !applies) {
					return 0;
				}
			}
			int count = 0;
			int failed = 0;
			DataAccessException firstFailure = null;
			long now = System.nanoTime();
			for (Table table : tables(jdbc)) {
				if (due(table, analysed.get(table.name()), now)) {
					try {
						// a table another session holds exclusively (a schema change) H2 skips without a word
						jdbc.sql("analyze table " + table.name() + " sample_size " + sampleSize).update();
						analysed.put(table.name(), new Analysed(table.rows(), table.lastModification(), now));
						count++;
					}
					catch (DataAccessResourceFailureException ex) {
						throw ex; // no connection: the other tables would each wait for one, so this run ends here
					}
					catch (DataAccessException ex) {
						// a table dropped meanwhile: the others go on, and it is tried again next time if it is back
						failed++;
						firstFailure = firstFailure == null ? ex : firstFailure;
					}
				}
			}
			if (firstFailure != null) {
				log.warn("H2 statistics not refreshed for {} tables this time: {}", failed, firstFailure.toString());
			}
			if (count > 0) {
				log.debug("H2 statistics refreshed for {} tables", count);
			}
			return count;
		}
		catch (DataAccessException ex) {
			log.warn("H2 statistics not refreshed this time: {}", ex.toString());
			return 0;
		}
	}

	private boolean due(Table table, Analysed last, long now) {
		if (last == null) {
			return true;
		}
		if (Math.abs(table.rows() - last.rows()) >= Math.max(changedRows, last.rows() / 10)) {
			return true;
		}
		return table.lastModification() != last.lastModification()
				&& now - last.at() >= reanalyzeAfter.toNanos();
	}

	/**
	 * Whether this is an H2 database that leaves its statistics to the service: true or false once known, null when the
	 * database could not be reached (the next run asks again).
	 */
	private Boolean applies(JdbcClient jdbc) {
		try (Connection connection = dataSource.getConnection()) {
			if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
				return false;
			}
		}
		catch (SQLException ex) {
			log.debug("H2 statistics: the database cannot be reached yet: {}", ex.toString());
			return null;
		}
		int analyzeAuto = setting(jdbc, "ANALYZE_AUTO", 2000);
		int retentionTime = setting(jdbc, "RETENTION_TIME", 45000);
		if (analyzeAuto > 0) {
			if (retentionTime == 0) {
				log.warn("The H2 URL has RETENTION_TIME=0 without ANALYZE_AUTO=0: H2's automatic statistics, run "
						+ "inside a commit, can then report a saved commit as failed ('Chunk N not found'). Add "
						+ "ANALYZE_AUTO=0 to the URL; the service then refreshes the statistics itself "
						+ "(docs/operations.md, \"H2's statistics\").");
			}
			return false;
		}
		boolean admin = jdbc.sql("select is_admin from information_schema.users where user_name = current_user")
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (!admin) {
			log.warn("The H2 URL has ANALYZE_AUTO=0 but the database user is no H2 administrator, whom ANALYZE needs: "
					+ "H2 plans without fresh row statistics. Connect as an administrator or leave ANALYZE_AUTO out.");
			return false;
		}
		sampleSize = Math.max(1, setting(jdbc, "ANALYZE_SAMPLE", 10000) / 10);
		log.info("H2 statistics are refreshed by the service (ANALYZE_AUTO=0), {} rows a table", sampleSize);
		return true;
	}

	/** A setting of the open database (H2 lists some twice, as given in the URL and as in force: the same value). */
	private static int setting(JdbcClient jdbc, String name, int otherwise) {
		return jdbc.sql("select setting_value from information_schema.settings where setting_name = ?")
			.param(name)
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.map(value -> {
				try {
					return Integer.decode(value.trim());
				}
				catch (NumberFormatException ex) {
					return otherwise;
				}
			})
			.orElse(otherwise);
	}

	private static List<Table> tables(JdbcClient jdbc) {
		return jdbc.sql("""
				select table_schema, table_name, row_count_estimate, last_modification from information_schema.tables
				where table_type = 'BASE TABLE' and table_schema <> 'INFORMATION_SCHEMA' and row_count_estimate is not null
				""")
			.query((rs, i) -> new Table(quoted(rs.getString(1)) + "." + quoted(rs.getString(2)), rs.getLong(3),
					rs.getLong(4)))
			.list();
	}

	private static String quoted(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private record Table(String name, long rows, long lastModification) {
	}

	private record Analysed(long rows, long lastModification, long at) {
	}

}
