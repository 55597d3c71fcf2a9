package org.unbinddesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import org.unbinddesk.bench.HttpLoad.WholeCases;
import org.unbinddesk.bench.Measure.Result;
import org.unbinddesk.crash.ServiceProcess;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The benchmark ({@code ./mvnw -Pbench verify}): the packaged service started as in production ({@code java -jar},
 * H2 file database by default, {@code -Dbench.database=postgres} for PostgreSQL), driven over HTTP from this JVM,
 * against the engine's own limit measured in-process in the same run; then the history change measured against the
 * old setting, and one node against two on PostgreSQL. Prints one report and writes it to
 * {@code target/bench/results.md}. Every case it starts is checked to have reached the state expected; a run with
 * errors fails.
 */
class ThroughputBench {

	static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));

	/** The database of the main run: {@code h2} (the service's own default, a file) or {@code postgres}. */
	static final String DATABASE = System.getProperty("bench.database", "h2");

	/** With {@code -Dbench.profile=true} the main service writes a flight recording to target/bench/service.jfr. */
	static final boolean PROFILE = Boolean.getBoolean("bench.profile");

	static final int[] START_LEVELS = { 1, 8, 32 };

	static final int[] WHOLE_LEVELS = { 8, 32 };

	/** The JVM line production runs with (docs/operations.md, "Memory"). */
	static final List<String> SERVICE_JVM = ServiceProcess.PRODUCTION_JVM;

	/** Per-case footprint in the database, measured right after the whole cases (nothing else started yet). */
	record Footprint(double historyRows, double detailRows, double liveMiBPerThousand) {
	}

	record MainRun(List<String> lines, List<Result> whole, Footprint footprint) {
	}

	final List<Path> folders = new ArrayList<>();

	static int n(int base) {
		return Math.max(10, (int) (base * SCALE));
	}

	static int wholeCount(int concurrency) {
		return n(concurrency == 8 ? 200 : 300);
	}

	@Test
	void benchmark() throws Exception {
		try {
			MainRun main = mainRun();
			List<String> trail = before(main, "trail", false, "--unbinddesk.history.variable-trail=true");
			List<String> indexes = before(main, "indexes", true);
			List<String> scaleOut = scaleOut();

			List<String> out = new ArrayList<>();
			out.add("# Unbind Desk benchmark");
			out.add("");
			out.add("Run %s on %d cores, %,d MiB memory, %s; load generator: this JVM, %d MiB heap max; service: java -jar %s, %s, demo profile."
				.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(), totalMemoryMiB(),
						System.getProperty("os.name"), Runtime.getRuntime().maxMemory() / 1024 / 1024,
						String.join(" ", SERVICE_JVM), DATABASE.equals("postgres") ? "PostgreSQL" : "H2 file database"));
			out.add("");
			out.addAll(main.lines());
			out.add("");
			out.add("## Before and after: history keeps each variable's latest value, not every update (same run)");
			out.add("");
			out.addAll(trail);
			out.add("");
			out.add("## Before and after: covering indexes for the dashboard (migration V4, same run)");
			out.add("");
			out.addAll(indexes);
			out.add("");
			out.add("## Scale-out on PostgreSQL: one node against two, same load (same run)");
			out.add("");
			out.addAll(scaleOut);
			Path results = Path.of("target", "bench", "results.md");
			Files.createDirectories(results.getParent());
			Files.write(results, out);
			out.forEach(System.out::println);
		}
		finally {
			for (Path folder : folders) {
				FileSystemUtils.deleteRecursively(folder);
			}
		}
	}

	// ------------------------------------------------------------------ 1-4: the service as it ships

	private MainRun mainRun() throws Exception {
		Path dir = folder("unbind-desk-bench");
		BenchDatabase database = BenchDatabase.of(DATABASE, "bench_main", dir);
		List<String> jvm = new ArrayList<>(SERVICE_JVM);
		Path recording = Path.of("target", "bench", "service.jfr").toAbsolutePath();
		if (PROFILE) {
			Files.createDirectories(recording.getParent());
			jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
		}
		long t0 = System.nanoTime();
		ServiceProcess service = database.start("bench", dir, jvm);
		double startup = (System.nanoTime() - t0) / 1e9;
		long rssAtStart = service.residentMiB();
		HttpLoad load = new HttpLoad(service.port);
		List<String> table = new ArrayList<>();
		table.add("| measure | concurrency | calls | per second | p50 ms | p99 ms | errors |");
		table.add("|---|---:|---:|---:|---:|---:|---:|");
		try (HikariDataSource dataSource = database.dataSource()) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			BulkFixtures fixtures = new BulkFixtures(dataSource, 2_000_000);
			load.createReviewers();
			int warmUpOpen = warmUp(load, jdbc, fixtures);
			Snapshot beforeWholeCases = Snapshot.of(database, jdbc);

			// 2. whole cases over HTTP, first, on an empty queue
			List<Result> whole = new ArrayList<>();
			List<String> wholeCaseNumbers = new ArrayList<>();
			for (int c : WHOLE_LEVELS) {
				WholeCases w = load.wholeCases(jdbc, fixtures.merchants(wholeCount(c)), c);
				whole.add(report(table, w.result()));
				wholeCaseNumbers.addAll(w.caseNumbers());
			}
			int refused = load.refused();
			Map<String, Double> stages = stageMedians(jdbc, wholeCaseNumbers);
			Footprint footprint = beforeWholeCases.perCase(database, jdbc, wholeCaseNumbers.size());

			// 1. case starts: the product's API, Camunda's engine REST API, and the engine in-process
			List<Result> api = new ArrayList<>();
			List<Result> rest = new ArrayList<>();
			for (int c : START_LEVELS) {
				int count = n(c == 1 ? 150 : c == 8 ? 500 : 800);
				api.add(report(table, load.apiStarts(fixtures.merchants(count), c)));
				rest.add(report(table, load.engineRestStarts(fixtures.merchants(count), c)));
			}
			long started = api.stream().mapToLong(Result::calls).sum() + rest.stream().mapToLong(Result::calls).sum();
			// the engine's own limit, in a JVM of its own (with the service's JVM line) while the service idles
			List<Result> limit = EngineLimit
				.inItsOwnJvm(database.isPostgres() ? BenchDatabase.postgres("bench_engine") : null);
			List<Result> inProcess = limit.subList(0, START_LEVELS.length);
			List<Result> noopWhole = limit.subList(START_LEVELS.length, limit.size());
			limit.forEach(r -> report(table, r));

			// 3. cost
			awaitQuiet(jdbc);
			long cases = jdbc.sql("select count(*) from unbinding_case").query(Long.class).single();
			long rssAfter = service.residentMiB();
			double fileMiBPerThousand = database.fileMebibytes(jdbc) / cases * 1000;
			double liveMiBPerThousand = database.liveMebibytes(jdbc) / cases * 1000;

			// 4. growth: historic (closed) cases in the database
			List<String> growth = new ArrayList<>();
			int[] sizes = { 0, 10_000, 100_000 };
			Result[] growthStarts = new Result[sizes.length];
			Result[] growthWhole = new Result[sizes.length];
			double[] dashboard = new double[sizes.length];
			for (int g = 0; g < sizes.length; g++) {
				long have = jdbc.sql("select count(*) from unbinding_case where case_number like 'HI-%'")
					.query(Long.class)
					.single();
				int target = (int) (sizes[g] * SCALE);
				fixtures.historicCases((int) (target - have));
				dashboard[g] = load.dashboardMillis();
				growthStarts[g] = load.apiStarts(fixtures.merchants(n(400)), 8);
				growthWhole[g] = load.wholeCases(jdbc, fixtures.merchants(n(100)), 8).result();
				growth.add("| %,d | %.1f | %.0f | %.2f | %.1f | %.2f | %.1f | %.2f |".formatted(target,
						growthStarts[g].perSecond(), growthStarts[g].p99Millis(),
						growthStarts[g].perSecond() / growthStarts[0].perSecond(), growthWhole[g].perSecond(),
						growthWhole[g].perSecond() / growthWhole[0].perSecond(), dashboard[g], dashboard[g] / dashboard[0]));
			}
			refused += load.refused();

			// self-checks: nothing lost, nothing failed
			assertThat(jdbc.sql("select count(*) from unbinding_case where status = 'OPEN'").query(Long.class).single())
				.as("every started case is still open, waiting where it should")
				.isEqualTo(warmUpOpen + started + sizes.length * (long) n(400));
			assertNothingFailed(jdbc, concat(api, rest, inProcess, whole, noopWhole, List.of(growthStarts),
					List.of(growthWhole)));

			List<String> lines = new ArrayList<>();
			lines.add("## Throughput and latency (%s)".formatted(database.description()));
			lines.add("");
			lines.addAll(table);
			lines.add("");
			lines.add("Whole cases: p50/p99 are of a reviewer's turn (find, claim, approve). "
					+ "Review completions the engine refused (retried): " + refused + ".");
			lines.add("");
			lines.add("## Ratios (same run)");
			lines.add("");
			lines.add("| comparison | concurrency 1 | concurrency 8 | concurrency 32 |");
			lines.add("|---|---:|---:|---:|");
			lines.add(ratioRow("case starts: product API / engine REST", api, rest));
			lines.add(ratioRow("case starts: product API / engine in-process", api, inProcess));
			lines.add(ratioRow("case starts: engine REST / engine in-process", rest, inProcess));
			lines.add("| whole cases: over HTTP / engine in-process with no-op steps | – | %.2f | %.2f |"
				.formatted(whole.get(0).perSecond() / noopWhole.get(0).perSecond(),
						whole.get(1).perSecond() / noopWhole.get(1).perSecond()));
			lines.add("");
			lines.add("## Time per stage (whole cases over HTTP, median seconds)");
			lines.add("");
			lines.add("| total | contact | application | review | unbind | confirmation |");
			lines.add("|---:|---:|---:|---:|---:|---:|");
			lines.add("| %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |".formatted(stages.get("total"), stages.get("contact"),
					stages.get("application"), stages.get("review"), stages.get("unbind"), stages.get("confirmation")));
			lines.add("");
			lines.add("## Cost");
			lines.add("");
			lines.add("| start-up (s) | resident memory after start (MiB) | after %,d cases (MiB) | database file MiB per 1,000 cases | tables and indexes MiB per 1,000 cases |"
				.formatted(cases));
			lines.add("|---:|---:|---:|---:|---:|");
			lines.add("| %.1f | %d | %d | %.1f | %.1f |".formatted(startup, rssAtStart, rssAfter, fileMiBPerThousand,
					liveMiBPerThousand));
			lines.add("");
			lines.add("## Growth (historic closed cases in the registry)");
			lines.add("");
			lines.add("| historic cases | API starts per second (c=8) | p99 ms | × at 0 | whole cases per second (c=8) | × at 0 | GET /api/dashboard p50 ms | × at 0 |");
			lines.add("|---:|---:|---:|---:|---:|---:|---:|---:|");
			lines.addAll(growth);
			if (PROFILE) {
				lines.add("");
				lines.add("Flight recording of the service: " + recording);
			}
			return new MainRun(lines, whole, footprint);
		}
		finally {
			if (PROFILE) {
				service.stop();
			}
			else {
				service.kill();
			}
		}
	}

	// ------------------------------------------------------------------ before and after

	/**
	 * The same whole cases on a fresh service with one setting as it was before the benchmark's profile, warmed up
	 * alike, against the main run's figures. With {@code withoutDashboardIndexes}, the service starts as shipped and
	 * the dashboard's indexes (migration V4) are taken out of its database before the load, the single-column indexes
	 * they replaced put back (every later migration stays: the service validates its schema as it starts); then the
	 * dashboard's time with 100,000 historic cases, before and after V4 is applied again to that same database.
	 */
	private List<String> before(MainRun after, String name, boolean withoutDashboardIndexes, String... arguments)
			throws Exception {
		Path dir = folder("unbind-desk-" + name);
		BenchDatabase database = BenchDatabase.of(DATABASE, "bench_" + name.replace('-', '_'), dir);
		ServiceProcess service = database.start("bench-" + name, dir, SERVICE_JVM, arguments);
		HttpLoad load = new HttpLoad(service.port);
		try (HikariDataSource dataSource = database.dataSource()) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			if (withoutDashboardIndexes) {
				V4_UNDONE.forEach(statement -> jdbc.sql(statement).update());
			}
			BulkFixtures fixtures = new BulkFixtures(dataSource, 2_000_000);
			load.createReviewers();
			warmUp(load, jdbc, fixtures);
			Snapshot beforeWholeCases = Snapshot.of(database, jdbc);
			List<Result> whole = new ArrayList<>();
			int cases = 0;
			for (int c : WHOLE_LEVELS) {
				whole.add(load.wholeCases(jdbc, fixtures.merchants(wholeCount(c)), c).result());
				cases += wholeCount(c);
			}
			Footprint before = beforeWholeCases.perCase(database, jdbc, cases);
			assertNothingFailed(jdbc, whole);

			Footprint a = after.footprint();
			List<String> lines = new ArrayList<>();
			lines.add("| | before: %s | after (as shipped) | after / before |".formatted(withoutDashboardIndexes
					? "without the indexes of migration V4" : "`" + String.join(" ", arguments) + "`"));
			lines.add("|---|---:|---:|---:|");
			for (int i = 0; i < WHOLE_LEVELS.length; i++) {
				lines.add("| whole cases per second, concurrency %d | %.1f | %.1f | %.2f |".formatted(WHOLE_LEVELS[i],
						whole.get(i).perSecond(), after.whole().get(i).perSecond(),
						after.whole().get(i).perSecond() / whole.get(i).perSecond()));
			}
			lines.add("| engine history rows per case | %.0f | %.0f | %.2f |".formatted(before.historyRows(),
					a.historyRows(), a.historyRows() / before.historyRows()));
			lines.add("| of which variable updates (ACT_HI_DETAIL) | %.0f | %.0f | – |".formatted(before.detailRows(),
					a.detailRows()));
			lines.add("| tables and indexes, MiB per 1,000 cases | %.1f | %.1f | %.2f |".formatted(
					before.liveMiBPerThousand(), a.liveMiBPerThousand(),
					a.liveMiBPerThousand() / before.liveMiBPerThousand()));
			if (withoutDashboardIndexes) {
				int historic = (int) (100_000 * SCALE);
				fixtures.historicCases(historic);
				double without = load.dashboardMillis();
				for (String statement : Files.readString(Path.of("src/main/resources/db/migration/V4__dashboard_indexes.sql"))
					.replaceAll("--[^\n]*", "")
					.split(";")) {
					if (!statement.isBlank()) {
						jdbc.sql(statement).update();
					}
				}
				double with = load.dashboardMillis();
				lines.add("| GET /api/dashboard p50 ms, %,d historic cases (same database, before and after V4) | %.1f | %.1f | %.2f |"
					.formatted(historic, without, with, with / without));
			}
			return lines;
		}
		finally {
			service.kill();
		}
	}

	/** Migration V4 undone: its three covering indexes dropped, the two single-column indexes of V3 it dropped back. */
	static final List<String> V4_UNDONE = List.of("drop index ix_unbinding_case_review_breach",
			"drop index ix_unbinding_case_opened_fee", "drop index ix_unbinding_case_durations",
			"create index ix_unbinding_case_review_due on unbinding_case (review_due_at)",
			"create index ix_unbinding_case_opened on unbinding_case (opened_at)");

	// ------------------------------------------------------------------ 5: scale-out

	/**
	 * Two nodes on one PostgreSQL database, warmed alike, take the load in turn (as a round-robin balancer sends it);
	 * then the second node stops and the first takes the same load alone.
	 */
	private List<String> scaleOut() throws Exception {
		BenchDatabase database = BenchDatabase.postgres("bench_scale_out");
		ServiceProcess first = database.start("bench-node-1", folder("unbind-desk-node-1"), SERVICE_JVM);
		ServiceProcess second = database.start("bench-node-2", folder("unbind-desk-node-2"), SERVICE_JVM);
		HttpLoad load = new HttpLoad(first.port);
		try (HikariDataSource dataSource = database.dataSource()) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			BulkFixtures fixtures = new BulkFixtures(dataSource, 4_000_000);
			load.createReviewers();
			int warmUpOpen = 0;
			for (ServiceProcess node : List.of(first, second)) {
				load.sendTo(node.port);
				warmUpOpen += warmUp(load, jdbc, fixtures);
			}
			load.refused();
			List<Result> all = new ArrayList<>();

			load.sendTo(first.port, second.port);
			Result twoStarts = load.apiStarts(fixtures.merchants(n(800)), 32);
			Result twoWhole = load.wholeCases(jdbc, fixtures.merchants(n(300)), 32).result();
			int twoRefused = load.refused();

			assertThat(second.stop()).as("second node stops cleanly").isIn(0, 143);
			load.sendTo(first.port);
			Result oneStarts = load.apiStarts(fixtures.merchants(n(800)), 32);
			Result oneWhole = load.wholeCases(jdbc, fixtures.merchants(n(300)), 32).result();
			int oneRefused = load.refused();

			all.addAll(List.of(twoStarts, twoWhole, oneStarts, oneWhole));
			assertThat(jdbc.sql("select count(*) from unbinding_case where status = 'OPEN'").query(Long.class).single())
				.as("scale-out: every started case still open")
				.isEqualTo(warmUpOpen + 2L * n(800));
			assertNothingFailed(jdbc, all);

			List<String> rows = new ArrayList<>();
			rows.add("| load, concurrency 32 | one node per second | p99 ms | two nodes per second | p99 ms | two / one |");
			rows.add("|---|---:|---:|---:|---:|---:|");
			rows.add("| starts via POST /api/unbinding-cases | %.1f | %.0f | %.1f | %.0f | %.2f |".formatted(
					oneStarts.perSecond(), oneStarts.p99Millis(), twoStarts.perSecond(), twoStarts.p99Millis(),
					twoStarts.perSecond() / oneStarts.perSecond()));
			rows.add("| whole cases over HTTP | %.1f | %.0f | %.1f | %.0f | %.2f |".formatted(oneWhole.perSecond(),
					oneWhole.p99Millis(), twoWhole.perSecond(), twoWhole.p99Millis(),
					twoWhole.perSecond() / oneWhole.perSecond()));
			rows.add("");
			rows.add("Review completions the engine refused (retried): %d on one node, %d on two.".formatted(oneRefused,
					twoRefused));
			return rows;
		}
		finally {
			first.kill();
			second.kill();
		}
	}

	// ------------------------------------------------------------------ checks and figures

	/**
	 * A warm-up before measuring, so that figures are of compiled code, not of the JIT at work: starts through both
	 * APIs and a few whole cases. Returns the number of cases it leaves open.
	 */
	private static int warmUp(HttpLoad load, JdbcClient jdbc, BulkFixtures fixtures) throws Exception {
		List<Result> results = List.of(load.apiStarts(fixtures.merchants(n(150)), 8),
				load.engineRestStarts(fixtures.merchants(n(150)), 8),
				load.wholeCases(jdbc, fixtures.merchants(n(60)), 8).result());
		assertNothingFailed(jdbc, results);
		return 2 * n(150);
	}

	/** No call failed, no case ended other than unbound (the historic fixtures aside), no incident. */
	private static void assertNothingFailed(JdbcClient jdbc, List<Result> results) {
		for (Result r : results) {
			assertThat(r.errors()).as(r.what() + " at concurrency " + r.concurrency() + ": errors").isZero();
		}
		assertThat(jdbc.sql("select count(*) from unbinding_case where outcome is not null and outcome <> 'UNBOUND' and case_number not like 'HI-%'")
			.query(Long.class)
			.single()).as("cases ended otherwise than unbound").isZero();
		assertThat(jdbc.sql("select count(*) from act_ru_incident").query(Long.class).single()).as("incidents").isZero();
	}

	/** What the database holds: engine history rows, of which variable updates, and MiB of tables and indexes. */
	record Snapshot(long historyRows, long detailRows, double liveMiB) {

		static Snapshot of(BenchDatabase database, JdbcClient jdbc) {
			return new Snapshot(database.historyRows(jdbc),
					jdbc.sql("select count(*) from act_hi_detail").query(Long.class).single(),
					database.liveMebibytes(jdbc));
		}

		/** What {@code cases} whole cases added to the database since this snapshot. */
		Footprint perCase(BenchDatabase database, JdbcClient jdbc, int cases) {
			Snapshot now = of(database, jdbc);
			return new Footprint((now.historyRows - historyRows) / (double) cases,
					(now.detailRows - detailRows) / (double) cases, (now.liveMiB - liveMiB) / cases * 1000);
		}
	}

	/** Median seconds of each stage, from the moments the registry keeps for each case. */
	private static Map<String, Double> stageMedians(JdbcClient jdbc, List<String> caseNumbers) {
		Map<String, List<Double>> values = new LinkedHashMap<>();
		jdbc.sql("""
				select opened_at, application_at, review_at, unbind_at, confirmation_at, closed_at
				from unbinding_case where case_number in (:c)""").param("c", caseNumbers).query((rs, n) -> {
			Timestamp[] t = new Timestamp[6];
			for (int i = 0; i < 6; i++) {
				t[i] = rs.getTimestamp(i + 1);
			}
			add(values, "total", t[0], t[5]);
			add(values, "contact", t[0], t[1]);
			add(values, "application", t[1], t[2]);
			add(values, "review", t[2], t[3]);
			add(values, "unbind", t[3], t[4]);
			add(values, "confirmation", t[4], t[5]);
			return null;
		}).list();
		Map<String, Double> medians = new LinkedHashMap<>();
		for (String stage : List.of("total", "contact", "application", "review", "unbind", "confirmation")) {
			List<Double> v = values.getOrDefault(stage, List.of());
			medians.put(stage, v.isEmpty() ? Double.NaN : v.stream().sorted().toList().get(v.size() / 2));
		}
		return medians;
	}

	private static void add(Map<String, List<Double>> values, String stage, Timestamp from, Timestamp to) {
		if (from != null && to != null) {
			values.computeIfAbsent(stage, s -> new ArrayList<>())
				.add(Duration.between(from.toInstant(), to.toInstant()).toMillis() / 1000.0);
		}
	}

	/** Waits until no job is due (the job executor has caught up), at most 10 minutes. */
	private static void awaitQuiet(JdbcClient jdbc) throws InterruptedException {
		for (int i = 0; i < 3000 && jdbc.sql("select count(*) from act_ru_job where duedate_ is null or duedate_ < ?")
			.param(LocalDateTime.now())
			.query(Long.class)
			.single() > 0; i++) {
			Thread.sleep(200);
		}
	}

	private Path folder(String prefix) throws Exception {
		Path folder = Files.createTempDirectory(prefix);
		folders.add(folder);
		return folder;
	}

	private static long totalMemoryMiB() throws Exception {
		for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
			if (line.startsWith("MemTotal:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
		}
		return -1;
	}

	@SafeVarargs
	private static List<Result> concat(List<Result>... lists) {
		List<Result> all = new ArrayList<>();
		for (List<Result> l : lists) {
			all.addAll(l);
		}
		return all;
	}

	private static String ratioRow(String what, List<Result> a, List<Result> b) {
		StringBuilder row = new StringBuilder("| " + what + " |");
		for (int i = 0; i < a.size(); i++) {
			row.append(" %.2f |".formatted(a.get(i).perSecond() / b.get(i).perSecond()));
		}
		return row.toString();
	}

	private static Result report(List<String> table, Result r) {
		table.add("| %s | %d | %d | %.1f | %.1f | %.1f | %d |".formatted(r.what(), r.concurrency(), r.calls(),
				r.perSecond(), r.p50Millis(), r.p99Millis(), r.errors()));
		return r;
	}

}
