package org.unbinddesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import org.unbinddesk.bench.HttpLoad.WholeCases;
import org.unbinddesk.bench.Measure.Result;
import org.unbinddesk.crash.ServiceProcess;
import org.unbinddesk.support.RegistryFixtures;

import com.zaxxer.hikari.HikariDataSource;

/**
 * What a case costs the service, before and after, from the service's own CPU time (the process's total, all threads:
 * {@link ServiceProcess#cpuTime()}), on a machine shared with other work: each measure is taken on fresh services
 * started in turn, before, after, before, after… ({@code bench.rounds}, 3 by default), and reported as the median with
 * the lowest and highest; where the two ranges overlap, the report says "within noise". "Before" is the service as
 * built from another commit ({@code -Dbench.before-jar=…}, started with that commit's H2 URL settings and JVM line);
 * without it, only "after" is measured. Then one longer run of each: resident memory after many whole cases, and the
 * H2 file against the data it holds, running and after a graceful stop. The targets of issue 17 are rows of the
 * report, today's figure beside each. The report goes to {@code target/bench/cost.md}; no figure is asserted.
 */
class CostBench {

	static final double SCALE = ThroughputBench.SCALE;

	static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

	static final String BEFORE_JAR = System.getProperty("bench.before-jar");

	/**
	 * The JVM line the commit before this benchmark's change shipped with (README, docs/benchmark.md), or
	 * {@code -Dbench.before-jvm="…"} (then with the production environment) to set "before" against "after" otherwise.
	 */
	static final String BEFORE_JVM_GIVEN = System.getProperty("bench.before-jvm");

	static final List<String> BEFORE_JVM = BEFORE_JVM_GIVEN == null ? List.of("-Xmx512m")
			: List.of(BEFORE_JVM_GIVEN.trim().split("\\s+"));

	/** "Before"'s H2 URL settings: its own ({@code ;WRITE_DELAY=0}) or {@code -Dbench.before-h2="…"}. */
	static final String BEFORE_H2 = System.getProperty("bench.before-h2", ";WRITE_DELAY=0");

	/** Long runs per variant, interleaved ({@code -Dbench.long-runs}, 1 by default, 0 for none). */
	static final int LONG_RUNS = Integer.getInteger("bench.long-runs", 1);

	/** "After"'s JVM line: the shipped one, or {@code -Dbench.after-jvm="…"} to try another. */
	static final List<String> AFTER_JVM = System.getProperty("bench.after-jvm") == null ? ServiceProcess.PRODUCTION_JVM
			: List.of(System.getProperty("bench.after-jvm").trim().split("\\s+"));

	/**
	 * Closed cases put into the registry after each round's warm-up, before it measures
	 * ({@code -Dbench.historic-cases=100000}, none by default): what a case costs once the registry has grown.
	 */
	static final int HISTORIC_CASES = Integer.getInteger("bench.historic-cases", 0);

	/**
	 * A folder for flight recordings ({@code -Dbench.jfr=target/bench/jfr}, none by default): each round records its
	 * service from the end of its warm-up (and bulk load) to the end of its whole cases, the profile's settings, as
	 * {@code round-N-variant.jfr}, dumped before the round kills the service.
	 */
	static final String JFR = System.getProperty("bench.jfr");

	/** More H2 URL settings for "after" ({@code -Dbench.after-h2=";CACHE_SIZE=65536"}), to try one. */
	static final String AFTER_H2 = System.getProperty("bench.after-h2", "");

	/**
	 * With {@code -Dbench.engine-alone=true} each round also measures the engine alone, after the services: the same
	 * diagram with every step a no-op, started in-process in a JVM of its own with "after"'s JVM line and H2 settings
	 * ({@link EngineLimit#costInItsOwnJvm}), reported beside "after" as the floor of what a case can cost on this stack.
	 */
	static final boolean ENGINE_ALONE = Boolean.getBoolean("bench.engine-alone");

	static final String ENGINE = "engine alone";

	static int n(int base) {
		return Math.max(20, (int) (base * SCALE));
	}

	record Variant(String name, Path jar, List<String> jvm, Map<String, String> extraEnvironment, String h2Settings) {
	}

	/** One service's figures. */
	record Round(String variant, Map<String, Double> figures) {
	}

	final List<Path> folders = new ArrayList<>();

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void cost() throws Exception {
		List<Variant> variants = new ArrayList<>();
		if (BEFORE_JAR != null) {
			variants.add(new Variant("before", Path.of(BEFORE_JAR), BEFORE_JVM,
					BEFORE_JVM_GIVEN == null ? Map.of() : ServiceProcess.PRODUCTION_ENVIRONMENT,
					BEFORE_H2));
		}
		variants.add(new Variant("after", null, AFTER_JVM, ServiceProcess.PRODUCTION_ENVIRONMENT,
				ServiceProcess.h2Settings() + AFTER_H2));
		try {
			List<Round> rounds = new ArrayList<>();
			for (int r = 0; r < ROUNDS; r++) {
				for (Variant v : variants) {
					rounds.add(round(v, r));
				}
				if (ENGINE_ALONE) {
					Map<String, Double> engine = EngineLimit.costInItsOwnJvm(AFTER_JVM, ServiceProcess.h2Settings() + AFTER_H2);
					System.out.println("round " + r + " " + ENGINE + ": " + engine);
					rounds.add(new Round(ENGINE, engine));
				}
			}
			List<Round> long_ = new ArrayList<>();
			for (int r = 0; r < LONG_RUNS; r++) {
				for (Variant v : variants) {
					long_.add(longRun(v));
				}
			}
			List<String> out = report(variants, rounds, long_);
			Path results = Path.of("target", "bench", "cost.md");
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

	// ------------------------------------------------------------------ one service, the short measures

	private Round round(Variant v, int round) throws Exception {
		Path dir = folder("unbind-desk-cost");
		BenchDatabase database = database(v, dir);
		long t0 = System.nanoTime();
		ServiceProcess service = start(v, "cost-" + v.name() + "-" + round, dir, database);
		Map<String, Double> f = new LinkedHashMap<>();
		f.put("startup s", (System.nanoTime() - t0) / 1e9);
		f.put("startup CPU s", seconds(service.cpuTime()));
		HttpLoad load = new HttpLoad(service.port);
		try (HikariDataSource dataSource = database.dataSource()) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			BulkFixtures fixtures = new BulkFixtures(dataSource, 5_000_000 + round * 200_000);
			load.createReviewers();
			// warm-up: compiled code, full pools
			assertNoErrors(load.apiStarts(fixtures.merchants(n(600)), 8), load.engineRestStarts(fixtures.merchants(n(600)), 8),
					load.wholeCases(jdbc, fixtures.merchants(n(200)), 8).result());
			fixtures.historicCases(HISTORIC_CASES);
			awaitQuiet(jdbc);
			if (JFR != null) {
				jcmd(service, "JFR.start", "name=bench", "settings=profile");
			}

			// idle: what the service burns with nothing to do (job acquisition, metrics); just after the warm-up most of
			// it is the JIT compiler working off its queue, reported apart
			Duration idle0 = service.cpuTime();
			Duration idleJit0 = service.compilerCpuTime();
			Thread.sleep(10_000);
			f.put("idle CPU ms/s", millis(service.cpuTime().minus(idle0)) / 10.0);
			f.put("idle CPU ms/s, JIT compiler", millis(service.compilerCpuTime().minus(idleJit0)) / 10.0);

			// starts with the job executor running, as in production: rate and latency
			Result api = load.apiStarts(fixtures.merchants(n(1200)), 8);
			Result rest = load.engineRestStarts(fixtures.merchants(n(1200)), 8);
			assertNoErrors(api, rest);
			f.put("POST starts/s c=8", api.perSecond());
			f.put("POST p99 ms c=8", api.p99Millis());
			f.put("engine REST starts/s c=8", rest.perSecond());
			f.put("POST / engine REST", api.perSecond() / rest.perSecond());
			awaitQuiet(jdbc);

			// the request alone: background steps held back (job definitions suspended), then let go
			suspendJobs(service.port, true);
			// (fixtures first: the load generator's inserts run in the service's H2 server, AUTO_SERVER)
			int starts = n(800);
			List<RegistryFixtures.Merchant> startMerchants = fixtures.merchants(starts);
			ThreadCpu cpu0 = ThreadCpu.of(service.pid());
			assertNoErrors(load.apiStarts(startMerchants, 8));
			ThreadCpu cpu1 = ThreadCpu.of(service.pid());
			suspendJobs(service.port, false);
			awaitQuiet(jdbc);
			Duration cpu2 = service.cpuTime();
			cpu1.putPer(f, "CPU ms per POST", cpu0, starts);
			f.put("background CPU ms per start", millis(cpu2.minus(cpu1.total())) / starts);

			// whole cases: intake, background steps, review, unbind, confirmation
			int whole = n(800);
			List<RegistryFixtures.Merchant> wholeMerchants = fixtures.merchants(whole);
			ThreadCpu w0 = ThreadCpu.of(service.pid());
			load.reviewLookups();
			WholeCases w = load.wholeCases(jdbc, wholeMerchants, 8);
			assertNoErrors(w.result());
			awaitQuiet(jdbc);
			ThreadCpu.of(service.pid()).putPer(f, "CPU ms per whole case", w0, whole);
			f.put("whole cases/s c=8", w.result().perSecond());
			f.put("reviewer look-ups per whole case", (double) load.reviewLookups() / whole);
			f.put("application stage median s", applicationMedian(jdbc, w.caseNumbers()));

			long cases = jdbc.sql("select count(*) from unbinding_case").query(Long.class).single();
			f.put("cases", (double) cases);
			f.put("H2 file MiB", database.fileMebibytes(jdbc));
			f.put("RSS MiB", (double) service.residentMiB());
			lookUpReviews(service, load, jdbc, f);
			assertThat(jdbc.sql("select count(*) from act_ru_incident").query(Long.class).single()).as("incidents")
				.isZero();
			if (JFR != null) {
				Path recording = Files.createDirectories(Path.of(JFR)).resolve("round-" + round + "-" + v.name() + ".jfr");
				jcmd(service, "JFR.dump", "name=bench", "filename=" + recording.toAbsolutePath());
			}
		}
		finally {
			service.kill();
		}
		f.put("H2 file / live data", f.get("H2 file MiB") / database.compactedMebibytes());
		System.out.println("round " + round + " " + v.name() + ": " + f);
		return new Round(v.name(), f);
	}

	/**
	 * The reviewers' look-up alone, after the whole cases: a review found by case number, as the whole cases'
	 * reviewers find theirs, and by process instance, against the reviews the start measurements left open. By
	 * process instance first: a look-up by case number reads every open review and would leave their pages in H2's
	 * cache for the other.
	 */
	private void lookUpReviews(ServiceProcess service, HttpLoad load, JdbcClient jdbc, Map<String, Double> f)
			throws Exception {
		List<String[]> open = jdbc.sql("""
				select e.business_key_, e.id_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
				where t.task_def_key_ = 'Task_ReviewApplication' and t.assignee_ is null order by t.id_""")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		int lookUps = n(400);
		assertThat(open).as("open reviews to look up").hasSizeGreaterThanOrEqualTo(lookUps);
		List<String[]> picked = IntStream.range(0, lookUps)
			.mapToObj(i -> open.get(i * open.size() / lookUps))
			.toList();
		f.put("open reviews", (double) open.size());
		Duration cpu0 = service.cpuTime();
		assertNoErrors(load.lookUpReviews(HttpLoad.REVIEW_OF_PROCESS, picked.stream().map(k -> k[1]).toList(), 8));
		Duration cpu1 = service.cpuTime();
		assertNoErrors(load.lookUpReviews(HttpLoad.REVIEW_OF_CASE, picked.stream().map(k -> k[0]).toList(), 8));
		Duration cpu2 = service.cpuTime();
		f.put("CPU ms per review look-up by process instance", millis(cpu1.minus(cpu0)) / lookUps);
		f.put("CPU ms per review look-up by case number", millis(cpu2.minus(cpu1)) / lookUps);
	}

	// ------------------------------------------------------------------ one service, many whole cases

	private Round longRun(Variant v) throws Exception {
		Path dir = folder("unbind-desk-cost-long");
		BenchDatabase database = database(v, dir);
		ServiceProcess service = start(v, "cost-long-" + v.name(), dir, database);
		Map<String, Double> f = new LinkedHashMap<>();
		HttpLoad load = new HttpLoad(service.port);
		boolean stopped = false;
		try (HikariDataSource dataSource = database.dataSource()) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			BulkFixtures fixtures = new BulkFixtures(dataSource, 8_000_000);
			load.createReviewers();
			int total = n(10_000);
			List<RegistryFixtures.Merchant> merchants = fixtures.merchants(total);
			int done = 0;
			Duration cpu0 = service.cpuTime();
			Duration jit0 = service.compilerCpuTime();
			load.reviewLookups();
			long t0 = System.nanoTime();
			FileTrace trace = database.isPostgres() ? null : new FileTrace(jdbc, v.name());
			while (done < total) {
				int chunk = Math.min(1000, total - done);
				assertNoErrors(load.wholeCases(jdbc, merchants.subList(done, done + chunk), 8).result());
				done += chunk;
			}
			awaitQuiet(jdbc);
			if (trace != null) {
				trace.close();
				f.put("H2 file peak MiB", trace.peakMebibytes);
				f.put("H2 chunks fill median %", trace.medianChunksFill());
			}
			f.put("whole cases", (double) total);
			f.put("whole cases/s c=8", total / ((System.nanoTime() - t0) / 1e9));
			f.put("CPU ms per whole case", millis(service.cpuTime().minus(cpu0)) / total);
			f.put("CPU ms per whole case, JIT compiler", millis(service.compilerCpuTime().minus(jit0)) / total);
			f.put("reviewer look-ups per whole case", (double) load.reviewLookups() / total);
			f.put("RSS MiB", (double) service.residentMiB());
			double running = database.fileMebibytes(jdbc);
			dataSource.close();
			long s0 = System.nanoTime();
			service.stop();
			stopped = true;
			f.put("graceful stop s", (System.nanoTime() - s0) / 1e9);
			double stoppedFile = Files.size(database.file()) / 1024.0 / 1024.0;
			double live = database.compactedMebibytes();
			f.put("live data MiB", live);
			f.put("H2 file MiB", running);
			f.put("H2 file / live data", running / live);
			f.put("H2 file / live data after a graceful stop", stoppedFile / live);
		}
		finally {
			if (!stopped) {
				service.kill();
			}
		}
		System.out.println("long run " + v.name() + ": " + f);
		return new Round(v.name(), f);
	}

	/**
	 * The H2 file as the service sees it, every 10 s of a long run (H2's own figures, read in the service's database
	 * through the benchmark's connection): size, share of the file in chunks, share of the chunks' bytes still live,
	 * chunk count. Printed as it goes, so a file that grows shows when and how.
	 */
	private static final class FileTrace implements AutoCloseable {

		private final JdbcClient jdbc;

		private final String variant;

		private final long t0 = System.nanoTime();

		private final List<Double> chunksFill = new ArrayList<>();

		private final java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
			.newSingleThreadScheduledExecutor();

		volatile double peakMebibytes;

		FileTrace(JdbcClient jdbc, String variant) {
			this.jdbc = jdbc;
			this.variant = variant;
			timer.scheduleWithFixedDelay(this::sample, 10, 10, java.util.concurrent.TimeUnit.SECONDS);
		}

		private void sample() {
			try {
				Map<String, String> info = new java.util.HashMap<>();
				jdbc.sql("select setting_name, setting_value from information_schema.settings where setting_name like 'info.%'")
					.query((rs, i) -> info.put(rs.getString(1), rs.getString(2)))
					.list();
				double mib = Long.parseLong(info.get("info.FILE_SIZE")) / 1024.0 / 1024.0;
				peakMebibytes = Math.max(peakMebibytes, mib);
				synchronized (chunksFill) {
					chunksFill.add(Double.valueOf(info.get("info.CHUNKS_FILL_RATE")));
				}
				System.out.printf("H2 file %s %4.0f s: %7.1f MiB, file fill %s %%, chunks fill %s %%, %s chunks%n",
						variant, (System.nanoTime() - t0) / 1e9, mib, info.get("info.FILL_RATE"),
						info.get("info.CHUNKS_FILL_RATE"), info.get("info.CHUNK_COUNT"));
			}
			catch (RuntimeException ex) {
				System.out.println("H2 file " + variant + ": " + ex);
			}
		}

		double medianChunksFill() {
			synchronized (chunksFill) {
				List<Double> sorted = chunksFill.stream().sorted().toList();
				return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
			}
		}

		@Override
		public void close() {
			timer.shutdownNow();
		}

	}

	// ------------------------------------------------------------------ the report

	record Target(String measure, String target, boolean lowerIsBetter, String limit) {
	}

	static final List<Target> TARGETS = List.of(
			new Target("CPU ms per POST", "≤ 25", true, ""),
			new Target("CPU ms per whole case", "≤ 60", true, ""),
			new Target("whole cases/s c=8", "≥ 40", false, ""),
			new Target("POST p99 ms c=8", "≤ 100", true, ""),
			new Target("POST / engine REST", "≥ 1.0", false, ""),
			new Target("H2 file / live data", "≤ 3", true, ""),
			new Target("idle CPU ms/s", "–", true, ""),
			new Target("idle CPU ms/s, JIT compiler", "–", true, ""),
			new Target("background CPU ms per start", "–", true, ""),
			new Target("application stage median s", "–", true, ""),
			new Target("reviewer look-ups per whole case", "–", true, ""),
			new Target("open reviews", "–", true, ""),
			new Target("CPU ms per review look-up by case number", "–", true, ""),
			new Target("CPU ms per review look-up by process instance", "–", true, ""),
			new Target("POST starts/s c=8", "–", false, ""),
			new Target("startup s", "≤ 1.2 × bare Boot + Camunda", true, ""),
			new Target("RSS MiB", "–", true, ""));

	/** Where the CPU of a POST and of a whole case went: rows of the report after {@link #TARGETS}. */
	static final List<Target> CPU_BY_THREADS = cpuByThreads();

	private static List<Target> cpuByThreads() {
		List<Target> rows = new ArrayList<>();
		for (String measure : List.of("CPU ms per POST", "CPU ms per whole case")) {
			rows.add(new Target(measure + ", " + ThreadCpu.REQUESTS_AND_REST, "–", true, ""));
			for (String kind : ThreadCpu.KINDS.keySet()) {
				rows.add(new Target(measure + ", " + kind, "–", true, ""));
			}
		}
		return rows;
	}

	private List<String> report(List<Variant> variants, List<Round> rounds, List<Round> longRuns) throws Exception {
		List<String> out = new ArrayList<>();
		out.add("# Unbind Desk cost benchmark");
		out.add("");
		out.add("Run %s on %d cores, %s; %d rounds, services started in turn %s; scale %.2f%s. Service CPU is the process's own (all threads, user + system)."
			.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
					ROUNDS, String.join(", ", variants.stream().map(Variant::name).toList()), SCALE,
					HISTORIC_CASES == 0 ? "" : "; rounds measured with %,d closed cases in the registry".formatted(HISTORIC_CASES)));
		for (Variant v : variants) {
			out.add("- %s: `%s java %s -jar %s`, H2 URL settings `%s`".formatted(v.name(),
					String.join(" ", v.extraEnvironment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
					String.join(" ", v.jvm()), v.jar() == null ? "(this build)" : v.jar().getFileName(), v.h2Settings()));
		}
		out.add("");
		boolean ab = variants.size() == 2;
		if (rounds.isEmpty()) {
			out.add("(no rounds: -Dbench.rounds=0)");
		}
		else {
		out.add(ab ? "| measure | target | before: median (low–high) | after: median (low–high) | after / before | |"
				: "| measure | target | median (low–high) |");
		out.add(ab ? "|---|---|---:|---:|---:|---|" : "|---|---|---:|");
		for (Target t : Stream.concat(TARGETS.stream(), CPU_BY_THREADS.stream()).toList()) {
			if (ab) {
				Stats b = Stats.of(rounds, "before", t.measure());
				Stats a = Stats.of(rounds, "after", t.measure());
				String verdict = a.overlaps(b) ? "within noise" : (t.lowerIsBetter() == (a.median() < b.median())) ? "better" : "worse";
				out.add("| %s | %s | %s | %s | %.2f | %s |".formatted(t.measure(), t.target(), b, a, a.median() / b.median(), verdict));
			}
			else {
				out.add("| %s | %s | %s |".formatted(t.measure(), t.target(), Stats.of(rounds, "after", t.measure())));
			}
		}
		}
		if (rounds.stream().anyMatch(r -> r.variant().equals(ENGINE))) {
			engineAlone(out, rounds);
		}
		if (longRuns.isEmpty()) {
			return out;
		}
		out.add("");
		out.add(LONG_RUNS == 1 ? "One longer run each (not interleaved: a single figure per service):"
				: "%d longer runs each, interleaved (each run's figure, in order):".formatted(LONG_RUNS));
		out.add("");
		out.add(ab ? "| measure | before | after | after / before (medians) |" : "| measure | after |");
		out.add(ab ? "|---|---:|---:|---:|" : "|---|---:|");
		for (String measure : longRuns.get(longRuns.size() - 1).figures().keySet()) {
			if (ab) {
				double ratio = Stats.of(longRuns, "after", measure).median()
						/ Stats.of(longRuns, "before", measure).median();
				out.add("| %s | %s | %s | %.2f |".formatted(measure, each(longRuns, "before", measure),
						each(longRuns, "after", measure), ratio));
			}
			else {
				out.add("| %s | %s |".formatted(measure, each(longRuns, "after", measure)));
			}
		}
		return out;
	}

	/**
	 * The engine alone beside "after": the same measures, its rounds run after the services' in each round. Its
	 * "POST" is an in-process start to the same first wait state; no closed cases are put in its registry.
	 */
	private static void engineAlone(List<String> out, List<Round> rounds) {
		out.add("");
		out.add("The engine alone, in the same rounds after the services: the same diagram with every delegate, listener "
				+ "and decision a no-op, started in-process (`RuntimeService`; \"POST\" is such a start), in a JVM of its "
				+ "own with after's JVM line and H2 settings, reviewers looking a case up every 100 ms"
				+ (HISTORIC_CASES == 0 ? ":" : "; no closed cases put in its registry:"));
		out.add("");
		out.add("| measure | engine alone: median (low–high) | after: median (low–high) | engine alone / after |");
		out.add("|---|---:|---:|---:|");
		for (String measure : rounds.stream().filter(r -> r.variant().equals(ENGINE)).findFirst().orElseThrow()
			.figures().keySet()) {
			Stats e = Stats.of(rounds, ENGINE, measure);
			Stats a = Stats.of(rounds, "after", measure);
			out.add("| %s | %s | %s | %.2f |".formatted(measure, e, a, e.median() / a.median()));
		}
	}

	record Stats(double median, double low, double high) {

		static Stats of(List<Round> rounds, String variant, String measure) {
			List<Double> values = rounds.stream()
				.filter(r -> r.variant().equals(variant))
				.map(r -> r.figures().getOrDefault(measure, Double.NaN))
				.sorted()
				.toList();
			return new Stats(values.get(values.size() / 2), values.get(0), values.get(values.size() - 1));
		}

		boolean overlaps(Stats other) {
			return low <= other.high && other.low <= high;
		}

		@Override
		public String toString() {
			return "%s (%s–%s)".formatted(fmt(median), fmt(low), fmt(high));
		}
	}

	/** Each run's figure of one variant, in order: "648 / 697". */
	static String each(List<Round> runs, String variant, String measure) {
		return String.join(" / ", runs.stream()
			.filter(r -> r.variant().equals(variant))
			.map(r -> fmt(r.figures().getOrDefault(measure, Double.NaN)))
			.toList());
	}

	static String fmt(double v) {
		return Math.abs(v) >= 100 ? "%.0f".formatted(v) : Math.abs(v) >= 10 ? "%.1f".formatted(v) : "%.2f".formatted(v);
	}

	// ------------------------------------------------------------------ helpers

	/** Runs the JDK's {@code jcmd} (beside the java running this benchmark) against the service. */
	private static void jcmd(ServiceProcess service, String... command) throws Exception {
		List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				String.valueOf(service.pid())));
		line.addAll(List.of(command));
		Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(jcmd.waitFor()).as("jcmd %s: %s", String.join(" ", command), output).isZero();
	}

	private static BenchDatabase database(Variant v, Path dir) {
		BenchDatabase h2 = BenchDatabase.h2(dir);
		Map<String, String> environment = new LinkedHashMap<>(v.extraEnvironment());
		environment.put("UNBINDDESK_DB_URL", h2.url() + v.h2Settings());
		return new BenchDatabase(h2.description(), h2.url(), h2.user(), h2.password(), environment, h2.profiles(),
				h2.file());
	}

	private static ServiceProcess start(Variant v, String name, Path dir, BenchDatabase database) throws Exception {
		List<String> arguments = new ArrayList<>(List.of(BenchDatabase.SERVICE_ARGUMENTS));
		arguments.add(database.profiles());
		return v.jar() == null
				? ServiceProcess.start(name, dir, database.environment(), v.jvm(), arguments.toArray(String[]::new))
				: ServiceProcess.start(v.jar(), name, dir, database.environment(), v.jvm(),
						arguments.toArray(String[]::new));
	}

	/** Holds back (or lets go) every job of the process, through the engine's REST API as the demo admin. */
	private void suspendJobs(int port, boolean suspended) throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/engine-rest/job-definition/suspended"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("""
					{"processDefinitionKey": "TerminalUnbinding", "suspended": %s, "includeJobs": true}""".formatted(suspended)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
	}

	/**
	 * Waits until no background step is due and every notice has been sent once (the cases' notices are part of what
	 * a case costs; the outbox's times are the business zone's, not this JVM's, hence no time in that test): at most
	 * 20 minutes, for a service whose outbox drains slowly.
	 */
	private static void awaitQuiet(JdbcClient jdbc) throws InterruptedException {
		for (int i = 0; i < 6000 && jdbc.sql("""
				select (select count(*) from act_ru_job where (duedate_ is null or duedate_ < :now)
				         and suspension_state_ = 1 and retries_ > 0)
				     + (select count(*) from notice where status = 'PENDING' and attempts = 0
				         and next_attempt_at is not null)""")
			.param("now", LocalDateTime.now())
			.query(Long.class)
			.single() > 0; i++) {
			Thread.sleep(200);
		}
		Thread.sleep(1000);
	}

	private static double applicationMedian(JdbcClient jdbc, List<String> caseNumbers) {
		List<Double> seconds = jdbc.sql("select application_at, review_at from unbinding_case where case_number in (:c)")
			.param("c", caseNumbers)
			.query((rs, i) -> rs.getTimestamp(1) == null || rs.getTimestamp(2) == null ? Double.NaN
					: Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()).toMillis() / 1000.0)
			.list()
			.stream()
			.filter(d -> !d.isNaN())
			.sorted()
			.toList();
		return seconds.isEmpty() ? Double.NaN : seconds.get(seconds.size() / 2);
	}

	private static void assertNoErrors(Result... results) {
		for (Result r : results) {
			assertThat(r.errors()).as(r.what() + ": errors").isZero();
		}
	}

	static double millis(Duration d) {
		return d.toNanos() / 1e6;
	}

	private static double seconds(Duration d) {
		return d.toNanos() / 1e9;
	}

	private Path folder(String prefix) throws Exception {
		Path folder = Files.createTempDirectory(prefix);
		folders.add(folder);
		return folder;
	}

}
