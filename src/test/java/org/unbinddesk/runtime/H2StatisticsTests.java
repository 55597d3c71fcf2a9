package org.unbinddesk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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

	static final Duration TEN_MINUTES = Duration.ofMinutes(10);

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

			H2Statistics statistics = new H2Statistics(db, 2000, TEN_MINUTES, true);
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
			H2Statistics statistics = new H2Statistics(db, 2000, TEN_MINUTES, true);
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
			assertThat(new H2Statistics(db, 2000, TEN_MINUTES, true).refresh()).isZero();
			assertThat(selectivity(jdbc)).as("below H2's own count of 2,000, not analysed").isEqualTo(50);
		}
	}

	/**
	 * A queue whose rows come and go keeps its row count: it is analysed again once it changed and
	 * {@code reanalyze-after} passed since its last analysis (here 10 minutes against none). Any H2 database with
	 * {@code ANALYZE_AUTO=0}, an in-memory one included.
	 */
	@Test
	void analysesATableWhoseRowsCameAndWentOnceTheTimeHasPassed() {
		try (SingleConnectionDataSource db = inMemory("queue;ANALYZE_AUTO=0", "sa")) {
			JdbcClient jdbc = JdbcClient.create(db);
			createItems(jdbc);
			H2Statistics waits = new H2Statistics(db, 2000, TEN_MINUTES, true);
			H2Statistics atOnce = new H2Statistics(db, 2000, Duration.ZERO, true);
			addItems(jdbc, 0, 3000);
			assertThat(waits.refresh()).isEqualTo(1);
			assertThat(atOnce.refresh()).isEqualTo(1);
			assertThat(selectivity(jdbc)).isEqualTo(1);

			jdbc.sql("delete from item").update();
			jdbc.sql("insert into item select x, 'S' || x from system_range(0, 2999)").update();
			assertThat(waits.refresh()).as("analysed within 10 minutes of the last time").isZero();
			assertThat(selectivity(jdbc)).isEqualTo(1);
			assertThat(atOnce.refresh()).as("analysed once the time has passed").isEqualTo(1);
			assertThat(selectivity(jdbc)).isEqualTo(100);
			assertThat(atOnce.refresh()).as("analysed again with nothing changed").isZero();
		}
	}

	/**
	 * {@code ANALYZE} is for H2 administrators: a user who is not one is told once why there is no refresh, and no
	 * statement is tried (each would fail and warn every 30 s).
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void leavesTheStatisticsAloneForAUserWhoIsNoAdministrator(CapturedOutput output) {
		try (SingleConnectionDataSource admin = inMemory("clerks;ANALYZE_AUTO=0;DB_CLOSE_DELAY=-1", "sa")) {
			JdbcClient jdbc = JdbcClient.create(admin);
			try {
				createItems(jdbc);
				addItems(jdbc, 0, 3000);
				jdbc.sql("create user clerk password ''").update();
				jdbc.sql("grant select, insert, update, delete on item to clerk").update();
				try (SingleConnectionDataSource clerk = inMemory("clerks", "clerk")) {
					H2Statistics statistics = new H2Statistics(clerk, 2000, TEN_MINUTES, true);
					assertThat(statistics.refresh()).isZero();
					assertThat(statistics.refresh()).isZero();
				}
				assertThat(selectivity(jdbc)).isEqualTo(50);
				assertThat(output).containsOnlyOnce("the database user is no H2 administrator")
					.doesNotContain("not refreshed");
			}
			finally {
				jdbc.sql("shutdown").update();
			}
		}
	}

	private static SingleConnectionDataSource inMemory(String nameAndSettings, String user) {
		return new SingleConnectionDataSource("jdbc:h2:mem:" + nameAndSettings, user, "", true);
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
