package org.unbinddesk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.unbinddesk.crash.ServiceProcess;

/**
 * H2 does not analyse a table inside a commit under the shipped URL ({@code ANALYZE_AUTO=0}: with
 * {@code RETENTION_TIME=0} that can report a saved commit as failed); the service analyses the tables that changed,
 * each in a statement of its own. A column's selectivity (what H2's planner weighs an index by) shows which: 50, H2's
 * default, until the table is analysed; then the share of distinct values in the sample, 1 for a status-like column.
 */
class H2StatisticsTests {

	@TempDir
	Path dir;

	@Test
	void theShippedSettingsLeaveTheStatisticsToTheService() {
		String shipped = ServiceProcess.h2Settings();
		assertThat(shipped).as("the H2 settings in application.yml").contains(";RETENTION_TIME=0", ";ANALYZE_AUTO=0");
		try (SingleConnectionDataSource db = H2FileCompactionTests.fileDatabase(dir, "shipped", shipped)) {
			JdbcClient jdbc = JdbcClient.create(db);
			createItems(jdbc);
			addItems(jdbc, 0, 5000);
			assertThat(selectivity(jdbc)).as("not analysed by H2 after 5,000 rows").isEqualTo(50);

			H2Statistics statistics = new H2Statistics(db, 2000, true);
			assertThat(statistics.refresh()).as("tables analysed in the first run").isEqualTo(1);
			assertThat(selectivity(jdbc)).as("analysed by the service").isEqualTo(1);
		}
	}

	@Test
	void analysesATableAgainOnlyOnceItChangedEnough() {
		try (SingleConnectionDataSource db = H2FileCompactionTests.fileDatabase(dir, "changes",
				ServiceProcess.h2Settings())) {
			JdbcClient jdbc = JdbcClient.create(db);
			createItems(jdbc);
			H2Statistics statistics = new H2Statistics(db, 2000, true);
			addItems(jdbc, 0, 3000);
			assertThat(statistics.refresh()).isEqualTo(1);
			assertThat(selectivity(jdbc)).isEqualTo(1);

			// rows whose status is all different: the column is selective now, but 1,000 rows are not enough to look
			jdbc.sql("insert into item select x, 'S' || x from system_range(3000, 3999)").update();
			assertThat(statistics.refresh()).as("tables analysed after 1,000 more rows").isZero();
			assertThat(statistics.refresh()).as("tables analysed when nothing changed").isZero();
			assertThat(selectivity(jdbc)).isEqualTo(1);

			jdbc.sql("delete from item where id < 3000").update();
			assertThat(statistics.refresh()).as("tables analysed after 3,000 rows went").isEqualTo(1);
			assertThat(selectivity(jdbc)).as("after the second analysis").isEqualTo(100);
		}
	}

	/** A URL that leaves H2 its own statistics (an operator's own, or an older one): the service adds nothing. */
	@Test
	void leavesADatabaseThatAnalysesItselfAlone() {
		String own = ServiceProcess.h2Settings().replace(";ANALYZE_AUTO=0", "");
		try (SingleConnectionDataSource db = H2FileCompactionTests.fileDatabase(dir, "own", own)) {
			JdbcClient jdbc = JdbcClient.create(db);
			createItems(jdbc);
			addItems(jdbc, 0, 1500);
			assertThat(new H2Statistics(db, 2000, true).refresh()).isZero();
			assertThat(selectivity(jdbc)).as("below H2's own count of 2,000, not analysed").isEqualTo(50);
		}
	}

	@Test
	void leavesAnInMemoryDatabaseAlone() {
		try (SingleConnectionDataSource db = new SingleConnectionDataSource(
				"jdbc:h2:mem:statistics;ANALYZE_AUTO=0", "sa", "", true)) {
			JdbcClient jdbc = JdbcClient.create(db);
			createItems(jdbc);
			addItems(jdbc, 0, 3000);
			assertThat(new H2Statistics(db, 2000, true).refresh()).isZero();
			assertThat(selectivity(jdbc)).isEqualTo(50);
		}
	}

	private static void createItems(JdbcClient jdbc) {
		jdbc.sql("create table item (id bigint primary key, status varchar(20))").update();
		jdbc.sql("create index item_status on item (status)").update();
	}

	/** Rows {@code from}…{@code to - 1}, one commit each as the service writes, in one of three statuses. */
	private static void addItems(JdbcClient jdbc, int from, int to) {
		for (int i = from; i < to; i++) {
			jdbc.sql("insert into item values (?, ?)").params(i, new String[] { "OPEN", "CLOSED", "REJECTED" }[i % 3])
				.update();
		}
	}

	private static int selectivity(JdbcClient jdbc) {
		return jdbc.sql("""
				select selectivity from information_schema.columns
				where table_name = 'ITEM' and column_name = 'STATUS'""").query(Integer.class).single();
	}

}
