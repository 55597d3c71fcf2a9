package org.unbinddesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.unbinddesk.support.Browser;
import org.unbinddesk.support.Jobs;
import org.unbinddesk.support.RegistryFixtures;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;
import org.unbinddesk.support.TestProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dashboard's figures against a known set of cases on a database of their own, and the page in a browser.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:unbinddesk-dashboard;DB_CLOSE_DELAY=-1",
				"camunda.bpm.generate-unique-process-engine-name=true" })
@ActiveProfiles(resolver = TestProfiles.class)
@AutoConfigureObservability
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTests {

	@LocalServerPort
	int port;

	@Autowired
	RegistryFixtures registry;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcClient jdbc;

	/** When the overdue review fell due: an hour ago (yesterday, between midnight and one o'clock). */
	final java.time.LocalDateTime overdueSince = java.time.LocalDateTime.now().minusHours(1);

	@BeforeAll
	void knownCases() {
		for (int i = 0; i < 2; i++) {
			ProcessInstance unbound = atReview(registry.merchant(), "DEVICE_FAULT");
			decide(unbound, Map.of("reviewDecision", "APPROVE"));
			// the leased device comes back and the warehouse checks it in: the case closes as unbound
			Task receive = tasks.createTaskQuery().processInstanceId(unbound.getId())
				.taskDefinitionKey("Task_ReceiveReturnedDevice").singleResult();
			tasks.setAssignee(receive.getId(), "warehouse1");
			tasks.complete(receive.getId(), Map.of("scannedSn", jdbc.sql(
					"select terminal_sn from unbinding_case where process_instance_id = ?").param(unbound.getId())
				.query(String.class).single(), "deviceCondition", "INTACT"));
			runJobs();
		}
		decide(atReview(registry.merchant(), "DEVICE_FAULT"),
				Map.of("reviewDecision", "REJECT", "rejectionCategory", "INCOMPLETE_DOCUMENTS", "rejectionReason", "证件不清晰"));
		ProcessInstance withdrawn = start(registry.merchant(new Spec().activatedDaysAgo(40).minimumTermMonths(24)),
				"SWITCHING_PROVIDER", "ID_CARD,SETTLEMENT_CARD_COPY");
		runJobs();
		runtime.createMessageCorrelation("FeeDeclined").processInstanceId(withdrawn.getId()).correlate();

		ProcessInstance overdue = atReview(registry.merchant(), "DEVICE_FAULT");
		Task review = tasks.createTaskQuery().processInstanceId(overdue.getId()).singleResult();
		tasks.setDueDate(review.getId(), java.sql.Timestamp.valueOf(overdueSince));
		jdbc.sql("update unbinding_case set review_due_at = ? where process_instance_id = ?")
			.params(overdueSince, overdue.getId())
			.update();
		runtime.createIncident("failedJob", review.getExecutionId(), "dashboard-test", "registry unavailable");

		start(registry.merchant(), "DEVICE_FAULT", "ID_CARD");
	}

	private ProcessInstance start(Merchant m, String reason, String documents) {
		Map<String, Object> v = new HashMap<>();
		v.putAll(Map.of("channel", "PHONE", "merchantNo", m.merchantNo(), "terminalId", m.terminalId(), "reason", reason,
				"applicantName", m.legalName(), "applicantIdNumber", m.idNumber(), "applicantPhone", m.phone(),
				"applicantRole", "LEGAL_PERSON", "documents", documents));
		return runtime.startProcessInstanceByKey("TerminalUnbinding", v);
	}

	private ProcessInstance atReview(Merchant m, String reason) {
		ProcessInstance pi = start(m, reason, "ID_CARD,SETTLEMENT_CARD_COPY,FAULT_CERTIFICATE");
		runJobs();
		return pi;
	}

	private void decide(ProcessInstance pi, Map<String, Object> decision) {
		Task review = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
		// taken on the phone: the merchant has confirmed it with the one-time code
		registry.merchantConsented(jdbc.sql("select case_number from unbinding_case where process_instance_id = ?")
			.param(pi.getId())
			.query(String.class)
			.single());
		tasks.claim(review.getId(), "reviewer1");
		tasks.complete(review.getId(), decision);
		runJobs();
	}

	private void runJobs() {
		Jobs.runAll(management, () -> management.createJobQuery().executable());
	}

	private HttpResponse<String> get(String user, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void countsTheKnownCases() throws Exception {
		HttpResponse<String> response = get("supervisor1", "/api/dashboard");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode d = new ObjectMapper().readTree(response.body());

		assertThat(d.get("openByStage").get("REVIEW").asLong()).isEqualTo(1);
		assertThat(d.get("openByStage").get("APPLICATION").asLong()).isEqualTo(1);
		JsonNode today = d.get("perDay").get(29);
		assertThat(today.get("day").asText()).isEqualTo(LocalDate.now().toString());
		assertThat(today.get("opened").asLong()).isEqualTo(6);
		assertThat(today.get("unbound").asLong()).isEqualTo(2);
		assertThat(today.get("rejected").asLong()).isEqualTo(1);
		assertThat(today.get("withdrawn").asLong()).isEqualTo(1);
		assertThat(d.get("perDay")).hasSize(30);
		assertThat(d.get("durations").get("total").get("cases").asLong()).isEqualTo(2);
		assertThat(d.get("durations").get("review").get("medianSeconds").isNull()).isFalse();
		assertThat(d.get("reviewsOverdueNow").asLong()).isEqualTo(1);
		assertThat(d.get("slaBreachesPerDay")).singleElement()
			.satisfies(b -> assertThat(b.get("breaches").asLong()).isEqualTo(1));
		// by the kind of reason the reviewer chose, every kind named in Chinese
		assertThat(d.get("rejectionCategories")).extracting(r -> r.get("name").asText() + " " + r.get("cases").asLong())
			.containsExactly("材料不全 1", "身份存疑 0", "账户受限 0", "疑似欺诈 0", "其他 0");
		assertThat(d.get("fees").get("count").asLong()).isEqualTo(1);
		assertThat(d.get("fees").get("amount").asText()).isEqualTo("345.00");
		assertThat(d.get("depositRefunds").get("count").asLong()).isEqualTo(2);
		assertThat(d.get("depositRefunds").get("amount").asText()).isEqualTo("598.00");
		assertThat(d.get("depositRefunds").get("amount").isTextual()).isTrue();
		assertThat(d.get("incidentsOpen").asLong()).isEqualTo(1);
	}

	@Test
	void listsTheCasesBehindAFigure() throws Exception {
		ObjectMapper json = new ObjectMapper();
		JsonNode rejected = json.readTree(get("supervisor1", "/api/dashboard/cases?category=INCOMPLETE_DOCUMENTS").body());
		assertThat(rejected.get("categoryName").asText()).isEqualTo("材料不全");
		assertThat(rejected.get("cases")).singleElement().satisfies(c -> {
			assertThat(c.get("outcome").asText()).isEqualTo("REJECTED");
			assertThat(c.get("rejectionCategoryName").asText()).isEqualTo("材料不全");
			assertThat(c.get("outcomeReason").asText()).isEqualTo("证件不清晰");
			assertThat(c.get("merchantName").asText()).isNotBlank();
			assertThat(c.get("closedAt").isNull()).isFalse();
		});
		assertThat(json.readTree(get("ops1", "/api/dashboard/cases?category=SUSPECTED_FRAUD").body()).get("cases")).isEmpty();
		assertThat(json.readTree(get("ops1", "/api/dashboard/cases?stage=REVIEW").body()).get("cases")).hasSize(1);
		String today = LocalDate.now().toString();
		assertThat(json.readTree(get("ops1", "/api/dashboard/cases?day=" + today + "&outcome=UNBOUND").body()).get("cases"))
			.hasSize(2);
		assertThat(json.readTree(get("ops1", "/api/dashboard/cases?day=" + today).body()).get("cases")).hasSize(6);
		assertThat(json.readTree(get("ops1", "/api/dashboard/cases?dueDay=" + overdueSince.toLocalDate()).body())
			.get("cases")).hasSize(1);
		assertThat(get("ops1", "/api/dashboard/cases?category=BAD_MOOD").statusCode()).isEqualTo(400);
		assertThat(get("reviewer1", "/api/dashboard/cases?stage=REVIEW").statusCode()).isEqualTo(403);
		assertThat(get("ops1", "/dashboard/cases?stage=REVIEW").body()).contains("受理清单");
	}

	@Test
	void isForSupervisorsAndOperationsOnly() throws Exception {
		assertThat(get("ops1", "/api/dashboard").statusCode()).isEqualTo(200);
		assertThat(get("reviewer1", "/api/dashboard").statusCode()).isEqualTo(403);
		assertThat(get("intake1", "/dashboard").statusCode()).isEqualTo(403);
	}

	@Test
	void exposesBusinessAndEngineMetricsAndHealth() throws Exception {
		String metrics = get("ops1", "/actuator/prometheus").body();
		assertThat(metrics).contains("unbinddesk_cases_open{", "stage=\"REVIEW\"")
			.contains("unbinddesk_cases_started_total{", "channel=\"PHONE\"")
			.contains("unbinddesk_cases_ended_total{", "outcome=\"UNBOUND\"")
			.contains("unbinddesk_review_waiting_seconds_count")
			.contains("unbinddesk_incidents_open")
			.contains("camunda_engine_job_successful_total");
		String health = get("ops1", "/actuator/health").body();
		assertThat(health).contains("\"status\":\"UP\"").contains("\"db\"");
	}

	@Test
	void showsTheChartsInABrowser() {
		try (Browser browser = Browser.start()) {
			browser.open("http://supervisor1:demo@localhost:" + port + "/dashboard");
			browser.waitFor(By.cssSelector("body[data-loaded='true']"));
			assertThat(browser.driver().findElements(By.cssSelector(".chart canvas"))).hasSize(5);
			assertThat(browser.driver().findElement(By.id("incidents")).getText()).isEqualTo("1");
			assertThat(browser.driver().findElement(By.cssSelector(".tiles")).getText()).contains("未结受理",
					"当前超期的审核", "待处理的异常");
			assertThat(browser.accessibilityViolations("body")).isEmpty();
			browser.screenshot("06-dashboard");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

}
