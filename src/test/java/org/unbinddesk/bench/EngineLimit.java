package org.unbinddesk.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * own with the service's JVM line ({@link #inItsOwnJvm}), as the service does, not in the load generator's. For
 * {@code CostBench} it also prices a case of the no-op diagram, the floor under the service's
 * ({@link #costInItsOwnJvm}).
 */
final class EngineLimit implements AutoCloseable {

	/** The no-op diagram's process id. */
	private static final String NOOP = "TerminalUnbindingNoop";

	/**
	 * Measures in a JVM of its own (the production JVM line, this class path): starts at each of
	 * {@code ThroughputBench.START_LEVELS}, no-op whole cases at each of {@code WHOLE_LEVELS}, in that order.
	 */
	static List<Result> inItsOwnJvm(BenchDatabase postgres) throws Exception {
		Path results = Files.createTempFile("engine-limit", ".tsv");
		List<String> arguments = new ArrayList<>(List.of(results.toString()));
		if (postgres != null) {
			arguments.addAll(List.of(postgres.url(), postgres.user(), postgres.password()));
		}
		runChild(ServiceProcess.PRODUCTION_JVM, "engine-limit", arguments);
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
	 * What the engine alone costs, measured as {@code CostBench} measures a service and under the same names: the
	 * diagram with every delegate, listener and decision a no-op, started in-process, in a JVM of its own with the
	 * given JVM line and an H2 file with the given URL settings. "CPU ms per POST" is here the CPU of an in-process
	 * start to the same first wait state, its background steps held back; the reviewers look a case's review up every
	 * 100 ms, as {@link HttpLoad}'s do. The process's own CPU (all threads, the in-process load's included).
	 */
	static Map<String, Double> costInItsOwnJvm(List<String> jvm, String h2Settings) throws Exception {
		Path results = Files.createTempFile("engine-cost", ".tsv");
		runChild(jvm, "engine-cost", List.of("cost", results.toString(), h2Settings));
		Map<String, Double> figures = new LinkedHashMap<>();
		for (String line : Files.readAllLines(results)) {
			String[] f = line.split("\t");
			figures.put(f[0], Double.parseDouble(f[1]));
		}
		Files.delete(results);
		return figures;
	}

	/** Runs {@link #main} in a JVM of its own with the production environment; its output goes to target/bench. */
	private static void runChild(List<String> jvm, String name, List<String> arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvm);
		command.addAll(List.of("-Dbench.scale=" + ThroughputBench.SCALE, "-cp", classPath(), EngineLimit.class.getName()));
		command.addAll(arguments);
		Path log = Path.of("target", "bench", name + ".log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		builder.environment().putAll(ServiceProcess.PRODUCTION_ENVIRONMENT);
		Process process = builder.start();
		if (!process.waitFor(30, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(name + " not measured in 30 minutes, see " + log);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "), see " + log);
		}
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

	/**
	 * The child JVM: {@code <results file> [<PostgreSQL url> <user> <password>]}, or
	 * {@code cost <results file> <H2 URL settings>}.
	 */
	public static void main(String[] args) throws Exception {
		if (args[0].equals("cost")) {
			Path h2Folder = Files.createTempDirectory("engine-cost");
			Map<String, Double> figures;
			try (EngineLimit limit = new EngineLimit(null, h2Folder, args[2])) {
				figures = limit.cost();
			}
			Files.write(Path.of(args[1]), figures.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList());
			FileSystemUtils.deleteRecursively(h2Folder);
			System.exit(0);
		}
		BenchDatabase postgres = args.length < 4 ? null
				: new BenchDatabase("PostgreSQL", args[1], args[2], args[3], Map.of(), "", null);
		List<Result> measured = new ArrayList<>();
		Path h2Folder = Files.createTempDirectory("engine-limit");
		try (EngineLimit limit = new EngineLimit(postgres, h2Folder, ServiceProcess.h2Settings())) {
			// warmed up as the service is before it is measured: compiled code, full pools
			limit.starts(8, ThroughputBench.n(300));
			limit.awaitQuiet();
			limit.noopWholeCases(8, ThroughputBench.n(100));
			for (int c : ThroughputBench.START_LEVELS) {
				measured.add(limit.starts(c, ThroughputBench.n(c == 1 ? 150 : c == 8 ? 500 : 800)));
			}
			// the starts' background steps worked off first: the service's whole cases, too, run on a quiet service
			limit.awaitQuiet();
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

	private final AtomicInteger nextCase = new AtomicInteger();

	private final AtomicInteger reviewLookups = new AtomicInteger();

	/**
	 * On an H2 file of its own with the service's settings or, when the benchmark runs on PostgreSQL, on a database of
	 * its own.
	 */
	EngineLimit(BenchDatabase postgres, Path h2Folder, String h2Settings) {
		// the service's own configuration, as the benchmark starts it, on a database of its own
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--camunda.bpm.generate-unique-process-engine-name=true"));
		arguments.addAll(List.of(BenchDatabase.SERVICE_ARGUMENTS));
		if (postgres == null) {
			arguments.add("--spring.datasource.url=jdbc:h2:file:" + h2Folder.resolve("engine") + h2Settings);
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

	/** Starts of the no-op diagram to its first wait state, with the variables {@link #noopWholeCases} gives. */
	Result noopStarts(int concurrency, int count) throws Exception {
		deployNoop();
		return Measure.run("no-op start in-process", concurrency, count,
				i -> runtime.startProcessInstanceByKey(NOOP, noopVariables()));
	}

	/**
	 * Whole cases of the same BPMN with every delegate, listener and decision replaced by a no-op, run in-process and
	 * driven as {@link HttpLoad#wholeCases} drives the service's: the cases are started on {@code concurrency} threads
	 * while as many reviewers take them in turn, each looking its case's review up every 100 ms until it is there, then
	 * claiming and approving it; measured until every case has ended. No other case of the no-op diagram may be open.
	 */
	Result noopWholeCases(int concurrency, int count) throws Exception {
		deployNoop();
		TaskService tasks = engine.getBean(TaskService.class);
		BlockingQueue<String> toReview = new LinkedBlockingQueue<>();
		AtomicInteger startErrors = new AtomicInteger();
		long t0 = System.nanoTime();
		Thread intake = new Thread(() -> {
			try {
				startErrors.set(Measure.run("no-op starts", concurrency, count,
						i -> toReview.add(runtime.startProcessInstanceByKey(NOOP, noopVariables()).getId()))
					.errors());
			}
			catch (Exception ex) {
				startErrors.set(count);
			}
		});
		intake.start();
		Result reviews = Measure.run("no-op reviews", concurrency, count, i -> {
			String instance = toReview.poll(2, TimeUnit.MINUTES);
			if (instance == null) {
				throw new IllegalStateException("no case to review came in 2 minutes");
			}
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			Task review;
			while ((review = tasks.createTaskQuery()
				.processInstanceId(instance)
				.taskDefinitionKey("Task_ReviewApplication")
				.singleResult()) == null) {
				reviewLookups.incrementAndGet();
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(instance + " not at review in 2 minutes");
				}
				Thread.sleep(100);
			}
			reviewLookups.incrementAndGet();
			tasks.claim(review.getId(), "bench" + i);
			tasks.complete(review.getId(), Map.of("reviewDecision", "APPROVE"));
		});
		intake.join();
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (runtime.createProcessInstanceQuery().processDefinitionKey(NOOP).count() > 0) {
			if (System.nanoTime() > deadline || runtime.createIncidentQuery().count() > 0) {
				throw new IllegalStateException("no-op whole cases stuck (an incident, or not ended in 10 minutes)");
			}
			Thread.sleep(100);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		return new Result("whole case in-process, no-op steps", concurrency, count, startErrors.get() + reviews.errors(),
				seconds, reviews.p50Millis(), reviews.p99Millis());
	}

	private Map<String, Object> noopVariables() {
		Map<String, Object> v = new HashMap<>();
		v.putAll(Map.of("caseNumber", "NOOP-" + nextCase.incrementAndGet(), "requestValid", true,
				"documentsComplete", true, "identityResult", "PASS", "awaitSettlement", false, "feePayable", false,
				"riskLevel", "LOW", "reviewDueDate", new Date(System.currentTimeMillis() + 86_400_000L),
				"merchantName", "m", "taskPriority", 50));
		v.put("identityConfirmed", false);
		v.put("feeSettled", false);
		v.put("accountBlocked", false);
		v.put("deviceToReturn", false);
		v.put("suspiciousCallReported", false);
		return v;
	}

	/**
	 * {@link #costInItsOwnJvm}'s measures, in the order and under the names of a {@code CostBench} round: a warm-up,
	 * idle CPU, starts with the job executor running, starts with the background steps held back and then let go,
	 * whole cases.
	 */
	Map<String, Double> cost() throws Exception {
		ManagementService management = engine.getBean(ManagementService.class);
		Map<String, Double> f = new LinkedHashMap<>();
		// warm-up: compiled code, full pools
		noErrors(noopStarts(8, CostBench.n(1200)));
		endNoopCases();
		noErrors(noopWholeCases(8, CostBench.n(200)));
		awaitQuiet();

		Duration idle0 = cpuTime();
		Duration idleJit0 = compilerCpuTime();
		Thread.sleep(10_000);
		f.put("idle CPU ms/s", CostBench.millis(cpuTime().minus(idle0)) / 10.0);
		f.put("idle CPU ms/s, JIT compiler", CostBench.millis(compilerCpuTime().minus(idleJit0)) / 10.0);

		Result starts = noErrors(noopStarts(8, CostBench.n(2400)));
		f.put("POST starts/s c=8", starts.perSecond());
		f.put("POST p99 ms c=8", starts.p99Millis());
		endNoopCases();

		int count = CostBench.n(800);
		management.updateJobDefinitionSuspensionState().byProcessDefinitionKey(NOOP).includeJobs(true).suspend();
		long pid = ProcessHandle.current().pid();
		ThreadCpu cpu0 = ThreadCpu.of(pid);
		noErrors(noopStarts(8, count));
		ThreadCpu cpu1 = ThreadCpu.of(pid);
		management.updateJobDefinitionSuspensionState().byProcessDefinitionKey(NOOP).includeJobs(true).activate();
		awaitQuiet();
		cpu1.putPer(f, "CPU ms per POST", cpu0, count);
		f.put("background CPU ms per start", CostBench.millis(cpuTime().minus(cpu1.total())) / count);
		endNoopCases();

		ThreadCpu w0 = ThreadCpu.of(pid);
		reviewLookups.set(0);
		Result whole = noErrors(noopWholeCases(8, count));
		awaitQuiet();
		ThreadCpu.of(pid).putPer(f, "CPU ms per whole case", w0, count);
		f.put("whole cases/s c=8", whole.perSecond());
		f.put("reviewer look-ups per whole case", reviewLookups.get() / (double) count);
		f.put("RSS MiB", (double) ServiceProcess.residentMiB(ProcessHandle.current().pid()));
		return f;
	}

	/** Waits until no job is due (background steps, timers fallen due), at most 10 minutes, then a second more. */
	private void awaitQuiet() throws InterruptedException {
		ManagementService management = engine.getBean(ManagementService.class);
		for (int i = 0; i < 3000 && management.createJobQuery().executable().active().count() > 0; i++) {
			Thread.sleep(200);
		}
		Thread.sleep(1000);
	}

	/** Ends the no-op cases left open (at review), outside what is measured, so that whole cases start alone. */
	private void endNoopCases() throws InterruptedException {
		awaitQuiet();
		List<String> open = runtime.createProcessInstanceQuery()
			.processDefinitionKey(NOOP)
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		if (!open.isEmpty()) {
			runtime.deleteProcessInstances(open, "benchmark: measured", true, true);
		}
	}

	private static Result noErrors(Result r) {
		if (r.errors() > 0) {
			throw new IllegalStateException(r.what() + ": " + r.errors() + " errors");
		}
		return r;
	}

	private static Duration cpuTime() {
		return ProcessHandle.current().info().totalCpuDuration().orElseThrow();
	}

	private static Duration compilerCpuTime() throws java.io.IOException {
		return ServiceProcess.compilerCpuTime(ProcessHandle.current().pid());
	}

	private void deployNoop() throws Exception {
		if (noopDeployed) {
			return;
		}
		String bpmn = Files.readString(Path.of("bpmn", "terminal-unbinding.bpmn"))
			.replace("id=\"TerminalUnbinding\"", "id=\"" + NOOP + "\"")
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
