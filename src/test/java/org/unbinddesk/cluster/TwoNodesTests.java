package org.unbinddesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.UnbindDeskApplication;
import org.unbinddesk.support.EmbeddedPostgresConfiguration;
import org.unbinddesk.support.RegistryFixtures;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two nodes (two application instances, each with its own web server and job executor) on one PostgreSQL database:
 * cases start on both, reviews are completed on either, asynchronous steps run on both, and every case ends unbound
 * exactly once.
 */
class TwoNodesTests {

	static final int CASES = 200;

	static ConfigurableApplicationContext[] nodes = new ConfigurableApplicationContext[2];

	static JdbcClient jdbc;

	static final HttpClient http = HttpClient.newHttpClient();

	static final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	static void startNodes() {
		String url = EmbeddedPostgresConfiguration.database("two_nodes");
		for (int i = 0; i < 2; i++) {
			nodes[i] = new SpringApplicationBuilder(UnbindDeskApplication.class).profiles("demo", "postgres")
				.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
						"--spring.datasource.password=postgres", "--camunda.bpm.generate-unique-process-engine-name=true",
						"--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.wait-time-in-millis=200",
						"--camunda.bpm.job-execution.max-wait=1000",
						"--camunda.bpm.job-execution.max-jobs-per-acquisition=10",
						"--unbinddesk.unbind.wait-for-settlement=false",
						"--camunda.bpm.generic-properties.properties.hostname=node-" + (i + 1),
						// the job log's success entries name the node that ran each job
						"--unbinddesk.history.job-log=all",
						"--logging.file.name=target/test-logs/two-nodes.log");
		}
		jdbc = JdbcClient.create(nodes[0].getBean(DataSource.class));
	}

	@AfterAll
	static void stopNodes() {
		for (ConfigurableApplicationContext node : nodes) {
			if (node != null) {
				node.close();
			}
		}
	}

	static int port(int node) {
		return ((ServletWebServerApplicationContext) nodes[node]).getWebServer().getPort();
	}

	static String open(int node, Merchant m) throws Exception {
		String body = m.applicationJson("APP", "BUSINESS_CLOSED");
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port(node) + "/api/unbinding-cases"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intake1:demo".getBytes()))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body()).get("caseNumber").asText();
	}

	@Test
	void runsManyCasesOnTwoNodesWithoutLosingOrRepeatingAny() throws Exception {
		RegistryFixtures registry = new RegistryFixtures(jdbc);
		List<Merchant> merchants = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			// bought devices: the case ends with the unbind (a leased one would wait for the device to come back)
			merchants.add(registry.merchant(new Spec().purchased()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<String>> opened = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			int node = i % 2;
			Merchant m = merchants.get(i);
			opened.add(pool.submit(() -> open(node, m)));
		}
		List<String> caseNumbers = new ArrayList<>();
		for (Future<String> f : opened) {
			caseNumbers.add(f.get());
		}
		assertThat(caseNumbers).doesNotHaveDuplicates().hasSize(CASES);

		TaskService tasks = nodes[0].getBean(TaskService.class);
		String[] keys = caseNumbers.toArray(String[]::new);
		await().atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> tasks.createTaskQuery()
				.taskDefinitionKey("Task_ReviewApplication")
				.processInstanceBusinessKeyIn(keys)
				.count() == CASES);

		List<Task> reviews = tasks.createTaskQuery()
			.taskDefinitionKey("Task_ReviewApplication")
			.processInstanceBusinessKeyIn(keys)
			.list();
		List<Future<?>> decided = new ArrayList<>();
		for (int i = 0; i < reviews.size(); i++) {
			ConfigurableApplicationContext node = nodes[i % 2];
			String taskId = reviews.get(i).getId();
			decided.add(pool.submit(() -> approve(node, taskId)));
		}
		for (Future<?> f : decided) {
			f.get();
		}
		await().atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> jdbc.sql("select count(*) from unbinding_case where outcome = 'UNBOUND' and case_number in (:keys)")
				.param("keys", caseNumbers)
				.query(Long.class)
				.single() == CASES);
		pool.shutdown();

		Map<String, Long> unbinds = jdbc
			.sql("select case_number, count(*) from audit_entry where action = 'TERMINAL_UNBOUND' and case_number in (:keys) group by case_number")
			.param("keys", caseNumbers)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(unbinds).hasSize(CASES).allSatisfy((caseNumber, count) -> assertThat(count).isEqualTo(1));
		assertThat(jdbc.sql("select count(*) from unbinding_case where merchant_no in (:merchants)")
			.param("merchants", merchants.stream().map(Merchant::merchantNo).toList())
			.query(Long.class)
			.single()).isEqualTo(CASES);
		assertThat(nodes[0].getBean(RuntimeService.class).createIncidentQuery().count()).isZero();
		List<String> hosts = nodes[1].getBean(HistoryService.class)
			.createHistoricJobLogQuery()
			.successLog()
			.activityIdIn("Task_UnbindTerminal")
			.list()
			.stream()
			.map(HistoricJobLog::getHostname)
			.distinct()
			.toList();
		assertThat(hosts).as("unbind jobs ran on both nodes").containsExactlyInAnyOrder("node-1", "node-2");
	}

	private static void approve(ConfigurableApplicationContext node, String taskId) {
		IdentityService identity = node.getBean(IdentityService.class);
		TaskService tasks = node.getBean(TaskService.class);
		identity.setAuthentication("reviewer1", List.of("reviewers"));
		try {
			tasks.claim(taskId, "reviewer1");
			tasks.complete(taskId, Map.of("reviewDecision", "APPROVE"));
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
