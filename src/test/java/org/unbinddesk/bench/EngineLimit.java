package org.unbinddesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.unbinddesk.UnbindDeskApplication;
import org.unbinddesk.bench.Measure.Result;
import org.unbinddesk.support.RegistryFixtures.Merchant;

/**
 * The engine's own limit, measured in the load generator's JVM: the same process started through
 * {@code RuntimeService} to the same first wait state, and whole cases on the same BPMN with every delegate, listener
 * and decision replaced by a no-op.
 */
final class EngineLimit implements AutoCloseable {

	private final ConfigurableApplicationContext engine;

	private final RuntimeService runtime;

	private final BulkFixtures fixtures;

	private boolean noopDeployed;

	/** On in-memory H2 or, when the benchmark runs on PostgreSQL, on a database of its own. */
	EngineLimit(BenchDatabase postgres) {
		// the service's own configuration, as the benchmark starts it, on a database of its own
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--camunda.bpm.generate-unique-process-engine-name=true"));
		arguments.addAll(List.of(BenchDatabase.SERVICE_ARGUMENTS));
		if (postgres == null) {
			arguments.add("--spring.datasource.url=jdbc:h2:mem:bench-engine;DB_CLOSE_DELAY=-1");
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
		while (history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("TerminalUnbindingNoop")
			.finished()
			.count() < before + count) {
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
