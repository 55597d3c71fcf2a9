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
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.unbinddesk.UnbindDeskApplication;
import org.unbinddesk.bench.Measure.Result;
import org.unbinddesk.crash.ServiceProcess;
import org.unbinddesk.support.RegistryFixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark ({@code ./mvnw -Pbench verify}): the packaged service started as in production (java -jar, H2 file
 * database), driven over HTTP from this JVM, against the engine's own limit measured in-process in the same run.
 * Prints one table and writes it to {@code target/bench/results.md}. Every case it starts is checked to have reached
 * the state expected; a run with errors fails.
 */
class ThroughputBench {

	static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));

	static final int[] START_LEVELS = { 1, 8, 32 };

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final ObjectMapper json = new ObjectMapper();

	final List<String> table = new ArrayList<>();

	final Map<String, Double> figures = new HashMap<>();

	int port;

	static int n(int base) {
		return Math.max(10, (int) (base * SCALE));
	}

	@Test
	void benchmark() throws Exception {
		Path dir = Files.createTempDirectory("unbind-desk-bench");
		long t0 = System.nanoTime();
		ServiceProcess service = ServiceProcess.start("bench", dir, Map.of(), "--spring.profiles.active=demo",
				"--unbinddesk.limits.cases-per-terminal-per-day=1000000",
				"--unbinddesk.limits.cases-per-merchant-per-day=1000000", "--logging.level.org.unbinddesk=WARN",
				"--camunda.bpm.job-execution.max-jobs-per-acquisition=10");
		double startup = (System.nanoTime() - t0) / 1e9;
		port = service.port;
		long rssAtStart = service.residentMiB();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:file:" + dir.resolve("data/unbind-desk") + ";AUTO_SERVER=TRUE", "sa", "");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		BulkFixtures fixtures = new BulkFixtures(dataSource, 2_000_000);
		Path dbFile = dir.resolve("data/unbind-desk.mv.db");
		try {
			row("| measure | concurrency | calls | per second | p50 ms | p99 ms | errors |");
			row("|---|---:|---:|---:|---:|---:|---:|");

			// whole cases over HTTP, first, on an empty queue: intake starts, a reviewer pool decides, the job
			// executor runs the rest
			List<Result> whole = new ArrayList<>();
			for (int c : new int[] { 8, 32 }) {
				whole.add(report(wholeCases(jdbc, fixtures, c, n(c == 8 ? 200 : 300))));
			}
			Map<String, Double> stages = stageMedians(jdbc);

			// case starts: the product's API, Camunda's engine REST API, and the engine in-process
			List<Result> api = new ArrayList<>();
			List<Result> rest = new ArrayList<>();
			for (int c : START_LEVELS) {
				int count = n(c == 1 ? 150 : c == 8 ? 500 : 800);
				List<RegistryFixtures.Merchant> ms = fixtures.merchants(count);
				api.add(report(Measure.run("start via POST /api/unbinding-cases", c, count,
						i -> expect(post("intake1", "/api/unbinding-cases", application(ms.get(i))), 201))));
				List<RegistryFixtures.Merchant> ms2 = fixtures.merchants(count);
				rest.add(report(Measure.run("start via engine REST", c, count,
						i -> expect(post("agent1", "/engine-rest/process-definition/key/TerminalUnbinding/start",
								engineStart(ms2.get(i))), 200))));
			}
			long started = api.stream().mapToLong(Result::calls).sum() + rest.stream().mapToLong(Result::calls).sum();
			List<Result> inProcess;
			List<Result> noopWhole;
			try (ConfigurableApplicationContext engine = inProcessEngine()) {
				inProcess = startsInProcess(engine);
				noopWhole = wholeCasesNoop(engine);
			}


			// 3. cost
			awaitQuiet(jdbc);
			long cases = jdbc.sql("select count(*) from unbinding_case").query(Long.class).single();
			long rssAfter = service.residentMiB();
			double mibPerThousand = Files.size(dbFile) / 1024.0 / 1024.0 / cases * 1000;

			// 4. growth: historic (closed) cases in the database
			List<String> growth = new ArrayList<>();
			for (int size : new int[] { 0, 10_000, 100_000 }) {
				long have = jdbc.sql("select count(*) from unbinding_case where case_number like 'HI-%'")
					.query(Long.class)
					.single();
				int target = (int) (size * SCALE);
				fixtures.historicCases((int) (target - have));
				double dashboard = dashboardMillis();
				int count = n(400);
				List<RegistryFixtures.Merchant> ms = fixtures.merchants(count);
				Result r = Measure.run("start via API", 8, count,
						i -> expect(post("intake1", "/api/unbinding-cases", application(ms.get(i))), 201));
				growth.add("| %,d | %.0f | %.0f | %.1f |".formatted(target, r.perSecond(), r.p99Millis(), dashboard));
				assertThat(r.errors()).isZero();
			}

			// self-checks: nothing lost, nothing failed
			long open = jdbc.sql("select count(*) from unbinding_case where status = 'OPEN'").query(Long.class).single();
			assertThat(open).as("every started case is still open, waiting where it should").isEqualTo(started + 3L * n(400));
			assertThat(jdbc.sql("select count(*) from unbinding_case where outcome is not null and outcome <> 'UNBOUND' and case_number not like 'HI-%'")
				.query(Long.class)
				.single()).as("no case ended otherwise").isZero();
			assertThat(jdbc.sql("select count(*) from act_ru_incident").query(Long.class).single()).as("incidents").isZero();
			for (Result r : concat(api, rest, inProcess, whole, noopWhole)) {
				assertThat(r.errors()).as(r.what() + " errors").isZero();
			}

			List<String> out = new ArrayList<>();
			out.add("# Unbind Desk benchmark");
			out.add("");
			out.add("Run %s on %d cores, %d MiB heap max, %s; service: java -jar, H2 file database, demo profile."
				.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(),
						Runtime.getRuntime().maxMemory() / 1024 / 1024, System.getProperty("os.name")));
			out.add("");
			out.add("## Throughput and latency");
			out.add("");
			out.addAll(table);
			out.add("");
			out.add("## Ratios (same run)");
			out.add("");
			out.add("| comparison | concurrency 1 | concurrency 8 | concurrency 32 |");
			out.add("|---|---:|---:|---:|");
			out.add(ratioRow("case starts: product API / engine REST", api, rest));
			out.add(ratioRow("case starts: product API / engine in-process", api, inProcess));
			out.add(ratioRow("case starts: engine REST / engine in-process", rest, inProcess));
			out.add("| whole cases: over HTTP / engine in-process with no-op steps | – | %.2f | %.2f |"
				.formatted(whole.get(0).perSecond() / noopWhole.get(0).perSecond(),
						whole.get(1).perSecond() / noopWhole.get(1).perSecond()));
			out.add("");
			out.add("Review completions refused and retried: " + reviewFailures.get() + ".");
			out.add("");
			out.add("## Time per stage (whole cases over HTTP, median seconds)");
			out.add("");
			out.add("| total | application | review | unbind | confirmation |");
			out.add("|---:|---:|---:|---:|---:|");
			out.add("| %.2f | %.2f | %.2f | %.2f | %.2f |".formatted(stages.get("total"), stages.get("application"),
					stages.get("review"), stages.get("unbind"), stages.get("confirmation")));
			out.add("");
			out.add("## Cost");
			out.add("");
			out.add("| start-up (s) | resident memory after start (MiB) | after %,d cases (MiB) | database MiB per 1,000 cases |"
				.formatted(cases));
			out.add("|---:|---:|---:|---:|");
			out.add("| %.1f | %d | %d | %.2f |".formatted(startup, rssAtStart, rssAfter, mibPerThousand));
			out.add("");
			out.add("## Growth (historic closed cases in the registry)");
			out.add("");
			out.add("| historic cases | API starts per second (c=8) | p99 ms | GET /api/dashboard p50 ms |");
			out.add("|---:|---:|---:|---:|");
			out.addAll(growth);
			Path results = Path.of("target", "bench", "results.md");
			Files.createDirectories(results.getParent());
			Files.write(results, out);
			out.forEach(System.out::println);
		}
		finally {
			service.kill();
		}
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

	private Result report(Result r) {
		row("| %s | %d | %d | %.1f | %.1f | %.1f | %d |".formatted(r.what(), r.concurrency(), r.calls(), r.perSecond(),
				r.p50Millis(), r.p99Millis(), r.errors()));
		return r;
	}

	private void row(String line) {
		table.add(line);
	}

	// ------------------------------------------------------------------ in-process engine

	private ConfigurableApplicationContext inProcessEngine() {
		return new SpringApplicationBuilder(UnbindDeskApplication.class).profiles("demo")
			.initializers(ctx -> {
				ctx.getBeanFactory().registerSingleton("benchNoop", (JavaDelegate) execution -> {
				});
				ctx.getBeanFactory().registerSingleton("benchNoopTask", (TaskListener) task -> {
				});
				ctx.getBeanFactory().registerSingleton("benchNoopExecution", (ExecutionListener) execution -> {
				});
			})
			.run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:bench-engine;DB_CLOSE_DELAY=-1",
					"--camunda.bpm.generate-unique-process-engine-name=true", "--camunda.bpm.job-execution.enabled=true",
					"--camunda.bpm.job-execution.wait-time-in-millis=50", "--camunda.bpm.job-execution.max-wait=200",
					"--camunda.bpm.job-execution.max-jobs-per-acquisition=10", "--logging.level.org.unbinddesk=WARN",
					"--unbinddesk.limits.cases-per-terminal-per-day=1000000",
					"--unbinddesk.limits.cases-per-merchant-per-day=1000000");
	}

	private List<Result> startsInProcess(ConfigurableApplicationContext engine) throws Exception {
		RuntimeService runtime = engine.getBean(RuntimeService.class);
		BulkFixtures fixtures = new BulkFixtures(engine.getBean(javax.sql.DataSource.class), 3_000_000);
		List<Result> results = new ArrayList<>();
		for (int c : START_LEVELS) {
			int count = n(c == 1 ? 150 : c == 8 ? 500 : 800);
			List<RegistryFixtures.Merchant> ms = fixtures.merchants(count);
			results.add(report(Measure.run("start in-process (RuntimeService)", c, count,
					i -> runtime.startProcessInstanceByKey("TerminalUnbinding", variables(ms.get(i))))));
		}
		return results;
	}

	/** The same BPMN with every delegate, listener and decision replaced by a no-op, run in-process. */
	private List<Result> wholeCasesNoop(ConfigurableApplicationContext engine) throws Exception {
		String bpmn = Files.readString(Path.of("bpmn", "terminal-unbinding.bpmn"))
			.replace("id=\"TerminalUnbinding\"", "id=\"TerminalUnbindingNoop\"")
			.replaceAll("(<bpmn:(serviceTask|businessRuleTask)[^>]*camunda:delegateExpression=\")\\$\\{[^}]+\\}",
					"$1\\${benchNoop}")
			.replaceAll("(<camunda:taskListener delegateExpression=\")\\$\\{[^}]+\\}", "$1\\${benchNoopTask}")
			.replaceAll("(<camunda:executionListener delegateExpression=\")\\$\\{[^}]+\\}", "$1\\${benchNoopExecution}")
			.replace("${merchantContact.phoneOnFile(caseNumber)}", "on file");
		engine.getBean(RepositoryService.class)
			.createDeployment()
			.name("bench-noop")
			.addString("terminal-unbinding-noop.bpmn", bpmn)
			.deploy();
		RuntimeService runtime = engine.getBean(RuntimeService.class);
		TaskService tasks = engine.getBean(TaskService.class);
		HistoryService history = engine.getBean(HistoryService.class);
		List<Result> results = new ArrayList<>();
		for (int c : new int[] { 8, 32 }) {
			int count = n(c == 8 ? 200 : 400);
			long before = history.createHistoricProcessInstanceQuery()
				.processDefinitionKey("TerminalUnbindingNoop")
				.finished()
				.count();
			long t0 = System.nanoTime();
			Result starts = Measure.run("noop", c, count, i -> {
				Map<String, Object> v = new HashMap<>();
				v.putAll(Map.of("caseNumber", "NOOP-" + i, "requestValid", true, "documentsComplete", true,
						"identityResult", "PASS", "awaitSettlement", false, "feePayable", false, "riskLevel", "LOW",
						"reviewDueDate", new Date(System.currentTimeMillis() + 86_400_000L), "merchantName", "m",
						"taskPriority", 50));
				runtime.startProcessInstanceByKey("TerminalUnbindingNoop", v);
			});
			Result reviews = Measure.run("noop reviews", c, count, i -> {
				Task review = null;
				while (review == null) {
					List<Task> open = tasks.createTaskQuery()
						.processDefinitionKey("TerminalUnbindingNoop")
						.taskDefinitionKey("Task_ReviewApplication")
						.taskUnassigned()
						.listPage(0, 1);
					if (open.isEmpty()) {
						Thread.sleep(5);
						continue;
					}
					try {
						tasks.claim(open.get(0).getId(), "bench" + i);
						review = open.get(0);
					}
					catch (RuntimeException taken) {
						// another reviewer was quicker
					}
				}
				tasks.complete(review.getId(), Map.of("reviewDecision", "APPROVE"));
			});
			while (history.createHistoricProcessInstanceQuery()
				.processDefinitionKey("TerminalUnbindingNoop")
				.finished()
				.count() < before + count) {
				Thread.sleep(20);
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			results.add(report(new Result("whole case in-process, no-op steps", c, count,
					starts.errors() + reviews.errors(), seconds, Double.NaN, Double.NaN)));
		}
		return results;
	}

	// ------------------------------------------------------------------ whole cases over HTTP

	private Result wholeCases(JdbcClient jdbc, BulkFixtures fixtures, int concurrency, int count) throws Exception {
		List<RegistryFixtures.Merchant> ms = fixtures.merchants(count);
		ConcurrentLinkedQueue<String> caseNumbers = new ConcurrentLinkedQueue<>();
		AtomicInteger reviewed = new AtomicInteger();
		long t0 = System.nanoTime();
		Thread starter = new Thread(() -> {
			try {
				Measure.run("starts", concurrency, count, i -> {
					HttpResponse<String> r = expect(post("intake1", "/api/unbinding-cases",
							application(ms.get(i)).replace("BUSINESS_CLOSED", WHOLE_CASE_REASON)), 201);
					caseNumbers.add(json.readTree(r.body()).get("caseNumber").asText());
				});
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		starter.start();
		Result reviews = Measure.run("reviews", concurrency, count, i -> {
			while (true) {
				JsonNode open = json.readTree(get("reviewer" + (1 + i % 2),
						REVIEWS + "&firstResult=" + (i % 8))
					.body());
				if (open.isEmpty()) {
					open = json.readTree(get("reviewer" + (1 + i % 2), REVIEWS).body());
				}
				if (open.isEmpty()) {
					Thread.sleep(20);
					continue;
				}
				String id = open.get(0).get("id").asText();
				String user = "reviewer" + (1 + i % 2);
				if (post(user, "/engine-rest/task/" + id + "/claim", "{\"userId\": \"" + user + "\"}").statusCode() != 204) {
					continue;
				}
				HttpResponse<String> done = post(user, "/engine-rest/task/" + id + "/complete",
						"{\"variables\": {\"reviewDecision\": {\"value\": \"APPROVE\"}}}");
				if (done.statusCode() != 204) {
					// keep the task for another try: hand it back
					reviewFailures.incrementAndGet();
					post(user, "/engine-rest/task/" + id + "/unclaim", "{}");
					continue;
				}
				reviewed.incrementAndGet();
				return;
			}
		});
		starter.join();
		List<String> mine = new ArrayList<>(caseNumbers);
		while (jdbc.sql("select count(*) from unbinding_case where outcome = 'UNBOUND' and case_number in (:c)")
			.param("c", mine)
			.query(Long.class)
			.single() < count) {
			Thread.sleep(100);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		lastWholeCases.addAll(mine);
		return new Result("whole case over HTTP (contact → terminal unbound)", concurrency, count,
				reviews.errors() + (count - mine.size()), seconds, reviews.p50Millis(), reviews.p99Millis());
	}

	final List<String> lastWholeCases = new ArrayList<>();

	final AtomicInteger reviewFailures = new AtomicInteger();

	/** Whole cases carry their own reason, to tell them from the cases of the start measurements. */
	static final String WHOLE_CASE_REASON = "DEVICE_REPLACEMENT";

	static final String REVIEWS = "/engine-rest/task?taskDefinitionKey=Task_ReviewApplication&unassigned=true"
			+ "&maxResults=1&candidateGroup=reviewers";

	private Map<String, Double> stageMedians(JdbcClient jdbc) {
		Map<String, Double> medians = new HashMap<>();
		for (String stage : new String[] { "total", "application", "review", "unbind", "confirmation" }) {
			List<Long> values = jdbc.sql("select " + stage + "_seconds from unbinding_case where case_number in (:c) and "
					+ stage + "_seconds is not null order by " + stage + "_seconds")
				.param("c", lastWholeCases)
				.query(Long.class)
				.list();
			medians.put(stage, values.isEmpty() ? Double.NaN : values.get(values.size() / 2).doubleValue());
		}
		return medians;
	}

	private void awaitQuiet(JdbcClient jdbc) throws InterruptedException {
		for (int i = 0; i < 3000 && jdbc.sql("select count(*) from act_ru_job where duedate_ is null or duedate_ < ?")
			.param(LocalDateTime.now())
			.query(Long.class)
			.single() > 0; i++) {
			Thread.sleep(200);
		}
	}

	private double dashboardMillis() throws Exception {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			long t0 = System.nanoTime();
			expect(get("supervisor1", "/api/dashboard"), 200);
			if (i >= 5) {
				times.add(System.nanoTime() - t0);
			}
		}
		times.sort(Long::compare);
		return Measure.percentile(times, 0.5);
	}

	// ------------------------------------------------------------------ HTTP and data

	private static Map<String, Object> variables(RegistryFixtures.Merchant m) {
		Map<String, Object> v = new HashMap<>();
		v.putAll(Map.of("channel", "APP", "merchantNo", m.merchantNo(), "terminalId", m.terminalId(), "reason",
				"BUSINESS_CLOSED", "applicantName", m.legalName(), "applicantIdNumber", m.idNumber(), "applicantPhone",
				m.phone(), "applicantRole", "LEGAL_PERSON", "documents", "ID_CARD,SETTLEMENT_CARD_COPY"));
		return v;
	}

	private static String application(RegistryFixtures.Merchant m) {
		return m.applicationJson("APP", "BUSINESS_CLOSED");
	}

	private static String engineStart(RegistryFixtures.Merchant m) {
		StringBuilder body = new StringBuilder("{\"variables\": {");
		variables(m).forEach((k, v) -> body.append("\"").append(k).append("\": {\"value\": \"").append(v).append("\"},"));
		body.setLength(body.length() - 1);
		return body.append("}}").toString();
	}

	private HttpResponse<String> expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return response;
	}

	private HttpResponse<String> post(String user, String path, String body) throws Exception {
		return http.send(request(user, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String user, String path) throws Exception {
		return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String user, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
	}

}
