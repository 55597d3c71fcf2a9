package org.unbinddesk.runtime;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the row statistics of the embedded H2 file database fresh (what its planner weighs indexes by), each table
 * analysed in a statement of its own.
 * <p>
 * H2 refreshes them itself after every 2,000 rows changed in a table ({@code ANALYZE_AUTO}), but inside the commit that
 * crossed the count, after the transaction has ended, without the hold a statement keeps on the pages it reads. With
 * {@code RETENTION_TIME=0} those pages may have been written over meanwhile, and the commit of work already saved then
 * throws {@code MVStoreException: Chunk N not found}: a case opened through the API was answered 500
 * (docs/operations.md, "H2's statistics"). The shipped URL turns that off ({@code ANALYZE_AUTO=0}) and this does the
 * same work from a timed task: every {@code unbinddesk.h2.analyze-interval} (30 s), each table whose row count moved
 * by {@code analyze-after-rows} (2,000) and by a tenth since it was last analysed, and every table once after start,
 * gets {@code ANALYZE TABLE … SAMPLE_SIZE n}, n the sample H2's own refresh reads ({@code ANALYZE_SAMPLE} ÷ 10). An
 * idle service analyses nothing.
 * <p>
 * Nothing is done on PostgreSQL (autovacuum analyses), on an in-memory database, where H2 is reached over the network,
 * or where the URL leaves {@code ANALYZE_AUTO} on: H2 then refreshes the statistics itself, and with
 * {@code RETENTION_TIME=0} a warning at start says what it risks.
 */
@Component
class H2Statistics {

	private static final Logger log = LoggerFactory.getLogger(H2Statistics.class);

	private final DataSource dataSource;

	private final long changedRows;

	private final boolean enabled;

	/** Each table's row count when it was last analysed, by its quoted name. */
	private final Map<String, Long> rowsWhenAnalysed = new HashMap<>();

	private int sampleSize;

	/** Null until the first run has looked at the database. */
	private Boolean applies;

	H2Statistics(DataSource dataSource, @Value("${unbinddesk.h2.analyze-after-rows:2000}") long changedRows,
			@Value("${unbinddesk.h2.analyze:true}") boolean enabled) {
		this.dataSource = dataSource;
		this.changedRows = changedRows;
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
				if (!applies) {
					return 0;
				}
			}
			int analysed = 0;
			for (TableRows table : tables(jdbc)) {
				Long before = rowsWhenAnalysed.get(table.name());
				if (before == null || Math.abs(table.rows() - before) >= Math.max(changedRows, before / 10)) {
					jdbc.sql("analyze table " + table.name() + " sample_size " + sampleSize).update();
					rowsWhenAnalysed.put(table.name(), table.rows());
					analysed++;
				}
			}
			if (analysed > 0) {
				log.debug("H2 statistics refreshed for {} tables", analysed);
			}
			return analysed;
		}
		catch (DataAccessException ex) {
			log.warn("H2 statistics not refreshed this time: {}", ex.toString());
			return 0;
		}
	}

	/** Whether this is an embedded H2 file database that leaves its statistics to the service. */
	private boolean applies(JdbcClient jdbc) {
		try (Connection connection = dataSource.getConnection()) {
			if (H2FileCompaction.fileStore(connection) == null) {
				return false;
			}
		}
		catch (Exception | LinkageError ex) {
			log.info("H2 statistics are left to the database: {}", ex.toString());
			return false;
		}
		int analyzeAuto = setting(jdbc, "ANALYZE_AUTO", 2000);
		int retentionTime = setting(jdbc, "RETENTION_TIME", 45000);
		sampleSize = Math.max(1, setting(jdbc, "ANALYZE_SAMPLE", 10000) / 10);
		if (analyzeAuto > 0) {
			if (retentionTime == 0) {
				log.warn("The H2 URL has RETENTION_TIME=0 without ANALYZE_AUTO=0: H2's automatic statistics, run "
						+ "after a commit, can then report a saved commit as failed ('Chunk N not found'). Add "
						+ "ANALYZE_AUTO=0 to the URL; the service then refreshes the statistics itself "
						+ "(docs/operations.md, \"H2's statistics\").");
			}
			return false;
		}
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
			.map(Integer::parseInt)
			.orElse(otherwise);
	}

	private static List<TableRows> tables(JdbcClient jdbc) {
		return jdbc.sql("""
				select table_schema, table_name, row_count_estimate from information_schema.tables
				where table_type = 'BASE TABLE' and table_schema <> 'INFORMATION_SCHEMA' and row_count_estimate is not null
				""")
			.query((rs, i) -> new TableRows(quoted(rs.getString(1)) + "." + quoted(rs.getString(2)), rs.getLong(3)))
			.list();
	}

	private static String quoted(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private record TableRows(String name, long rows) {
	}

}
