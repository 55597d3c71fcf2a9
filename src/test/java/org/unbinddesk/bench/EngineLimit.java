package org.unbinddesk.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.unbinddesk.UnbindDeskApplication;
import org.unbinddesk.bench.Measure.Result;
import org.unbinddesk.crash.ServiceProcess;
import org.unbinddesk.support.RegistryFixtures.Merchant;

/**
 * The engine's own limit: the same process started through {@code RuntimeService} to the same first wait state, and
 * whole cases on the same BPMN with every delegate, listener and decision replaced by a no-op. It runs in a JVM of its
 * own with the service's JVM line ({@link #inItsOwnJvm}), as the service does, not in the load generator's.
 */
final class EngineLimit implements AutoCloseable {

	/**
	 * Measures in a JVM of its own (the production JVM line, this class path): starts at each of
	 * {@code ThroughputBench.START_LEVELS}, no-op whole cases at each of {@code WHOLE_LEVELS}, in that order.
	 */
	static List<Result> inItsOwnJvm(BenchDatabase postgres) throws Exception {
		Path results = Files.createTempFile("engine-limit", ".tsv");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(ServiceProcess.PRODUCTION_JVM);
		command.addAll(List.of("-Dbench.scale=" + ThroughputBench.SCALE, "-cp", classPath(),
				EngineLimit.class.getName(), results.toString()));
		if (postgres != null) {
			command.addAll(List.of(postgres.url(), postgres.user(), postgres.password()));
		}
		Path log = Path.of("target", "bench", "engine-limit.log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		builder.environment().putAll(ServiceProcess.PRODUCTION_ENVIRONMENT);
		Process process = builder.start();
		if (!process.waitFor(30, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("engine limit not measured in 30 minutes, see " + log);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("engine limit failed (exit " + process.exitValue() + "), see " + log);
		}
		List<Result> measured = new ArrayList<>();
		for (String line : Files.readAllLines(results)) {
			String[] f = line.split("\t");
			measured.add(new Result(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
					Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
		}
		Files.delete(results);
		return measured;
	}

	/**
	 * This JVM's class path without its empty entries: the test runner's ends with a separator, and Java reads an empty
	 * entry as the working directory, where the engine would find the models of {@code bpmn/} a second time beside
	 * those of {@code target/classes} and refuse the deployment (two definitions of {@code TerminalUnbinding}).
	 */
	static String classPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.isBlank())
			.collect(Collectors.joining(File.pathSeparator));
	}

	/** The child JVM: {@code <results file> [<PostgreSQL url> <user> <password>]}. */
	public static void main(String[] args) throws Exception {
		BenchDatabase postgres = args.length < 4 ? null
				: new BenchDatabase("PostgreSQL", args[1], args[2], args[3], Map.of(), "", null);
		List<Result> measured = new ArrayList<>();
		Path h2Folder = Files.createTempDirectory("engine-limit");
		try (EngineLimit limit = new EngineLimit(postgres, h2Folder)) {
			// warmed up as the service is before it is measured: compiled code, full pools
			limit.starts(8, ThroughputBench.n(300));
			limit.noopWholeCases(8, ThroughputBench.n(100));
			for (int c : ThroughputBench.START_LEVELS) {
				measured.add(limit.starts(c, ThroughputBench.n(c == 1 ? 150 : c == 8 ? 500 : 800)));
			}
			for (int c : ThroughputBench.WHOLE_LEVELS) {
				measured.add(limit.noopWholeCases(c, ThroughputBench.n(c == 8 ? 200 : 400)));
			}
		}
		Files.write(Path.of(args[0]), measured.stream()
			.map(r -> String.join("\t", r.what(), "" + r.concurrency(), "" + r.calls(), "" + r.errors(),
					"" + r.seconds(), "" + r.p50Millis(), "" + r.p99Millis()))
			.toList());
		FileSystemUtils.deleteRecursively(h2Folder);
		System.exit(0);
	}

	private final ConfigurableApplicationContext engine;

	private final RuntimeService runtime;

	private final BulkFixtures fixtures;

	private boolean noopDeployed;

	/**
	 * On an H2 file of its own with the service's settings or, when the benchmark runs on PostgreSQL, on a database of
	 * its own.
	 */
	EngineLimit(BenchDatabase postgres, Path h2Folder) {
		// the service's own configuration, as the benchmark starts it, on a database of its own
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--camunda.bpm.generate-unique-process-engine-name=true"));
		arguments.addAll(List.of(BenchDatabase.SERVICE_ARGUMENTS));
		if (postgres == null) {
			arguments.add("--spring.datasource.url=jdbc:h2:file:" + h2Folder.resolve("engine") + ServiceProcess.h2Settings());
		}
		else {
			arguments.addAll(List.of("--spring.datasource.url=" + postgres.url(),
					"--spring.datasource.username=" + postgres.user(), "--spring.datasource.password=" + postgres.password(),
					"--camunda.bpm.database.type=postgres"));
		}
		this.engine = new SpringApplicationBuilder(UnbindDeskApplication.class).profiles("demo").initializers(ctx -> {
			ctx.getBeanFactory().registerSingleton("benchNoop", (JavaDelegate) execution -> {
			});
			ctx.getBeanFactory().registerSingleton("benchNoopTask", (TaskListener) task -> {
			});
			ctx.getBeanFactory().registerSingleton("benchNoopExecution", (ExecutionListener) execution -> {
			});
		}).run(arguments.toArray(String[]::new));
		this.runtime = engine.getBean(RuntimeService.class);
		this.fixtures = new BulkFixtures(engine.getBean(DataSource.class), 3_000_000);
	}

	Result starts(int concurrency, int count) throws Exception {
		List<Merchant> ms = fixtures.merchants(count);
		return Measure.run("start in-process (RuntimeService)", concurrency, count,
				i -> runtime.startProcessInstanceByKey("TerminalUnbinding", HttpLoad.variables(ms.get(i))));
	}

	/** The same BPMN with every delegate, listener and decision replaced by a no-op, run in-process. */
	Result noopWholeCases(int concurrency, int count) throws Exception {
		deployNoop();
		TaskService tasks = engine.getBean(TaskService.class);
		HistoryService history = engine.getBean(HistoryService.class);
		long before = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("TerminalUnbindingNoop")
			.finished()
			.count();
		long t0 = System.nanoTime();
		Result starts = Measure.run("noop", concurrency, count, i -> {
			Map<String, Object> v = new HashMap<>();
			v.putAll(Map.of("caseNumber", "NOOP-" + i, "requestValid", true, "documentsComplete", true,
					"identityResult", "PASS", "awaitSettlement", false, "feePayable", false, "riskLevel", "LOW",
					"reviewDueDate", new Date(System.currentTimeMillis() + 86_400_000L), "merchantName", "m",
					"taskPriority", 50));
			v.put("identityConfirmed", false);
			v.put("feeSettled", false);
			v.put("accountBlocked", false);
			v.put("deviceToReturn", false);
			v.put("suspiciousCallReported", false);
			runtime.startProcessInstanceByKey("TerminalUnbindingNoop", v);
		});
		Result reviews = Measure.run("noop reviews", concurrency, count, i -> {
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
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("TerminalUnbindingNoop")
			.finished()
			.count() < before + count) {
			if (System.nanoTime() > deadline || runtime.createIncidentQuery().count() > 0) {
				throw new IllegalStateException("no-op whole cases stuck (an incident, or not finished in 10 minutes)");
			}
			Thread.sleep(20);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		return new Result("whole case in-process, no-op steps", concurrency, count, starts.errors() + reviews.errors(),
				seconds, Double.NaN, Double.NaN);
	}

	private void deployNoop() throws Exception {
		if (noopDeployed) {
			return;
		}
		String bpmn = Files.readString(Path.of("bpmn", "terminal-unbinding.bpmn"))
			.replace("id=\"TerminalUnbinding\"", "id=\"TerminalUnbindingNoop\"")
			.replaceAll("(<bpmn:(serviceTask|businessRuleTask)[^>]*camunda:delegateExpression=\")\\$\\{[^}]+\\}",
					"$1\\${benchNoop}")
			.replaceAll("(<camunda:taskListener delegateExpression=\")\\$\\{[^}]+\\}", "$1\\${benchNoopTask}")
			.replaceAll("(<camunda:executionListener delegateExpression=\")\\$\\{[^}]+\\}", "$1\\${benchNoopExecution}")
			.replace("${merchantContact.phoneOnFile(caseNumber)}", "on file")
			// the stop and unbind timers fall due at once, as in the measured service
			.replace("${unbindSchedule.stopAt(execution)}", "${now()}")
			.replace("${unbindSchedule.unbindAt(execution)}", "${now()}");
		engine.getBean(RepositoryService.class)
			.createDeployment()
			.name("bench-noop")
			.addString("terminal-unbinding-noop.bpmn", bpmn)
			.deploy();
		noopDeployed = true;
	}

	@Override
	public void close() {
		engine.close();
	}

}
