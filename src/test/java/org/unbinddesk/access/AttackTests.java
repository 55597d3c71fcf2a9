package org.unbinddesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.WebTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The attacks of a caller with a demo login (and of one with none), replayed over real HTTP against the running
 * service. Each asserts what a user would care about: the terminal still bound, no refund, the case unchanged, a
 * clear refusal. The README's "Attacks tried" table lists them.
 */
class AttackTests extends WebTestSupport {

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcClient jdbc;

	private String openCase(Merchant m) {
		// business closed needs no document beyond the two sent: the case goes straight on to review
		Response opened = post("intake1", "/api/unbinding-cases", m.applicationJson("PHONE", "BUSINESS_CLOSED"));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		runAsyncSteps();
		return opened.json().get("caseNumber").asText();
	}

	private JsonNode caseView(String caseNumber) {
		return get("intake1", "/api/unbinding-cases/" + caseNumber).json();
	}

	private String processOf(String caseNumber) {
		return jdbc.sql("select process_instance_id from unbinding_case where case_number = ?")
			.param(caseNumber)
			.query(String.class)
			.single();
	}

	private long refunds(String caseNumber) {
		return jdbc.sql("select count(*) from deposit_refund where case_number = ?").param(caseNumber).query(Long.class).single();
	}

	private long auditRows(String caseNumber, String action) {
		return jdbc.sql("select count(*) from audit_entry where case_number = ? and action = ?")
			.params(caseNumber, action)
			.query(Long.class)
			.single();
	}

	private Response as(String user, String password, String method, String path, String body, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.setHeader(headers[i], headers[i + 1]);
		}
		return send(null, builder);
	}

	@Test
	void aStartAtTheUnbindStepIsRefusedAndCreatesNothing() {
		Merchant m = registry.merchant();
		registry.freezeFunds(m, new BigDecimal("5000.00"));
		String caseNumber = openCase(m);
		long instances = runtime.createProcessInstanceQuery().count();
		String crafted = """
				{"startInstructions": [{"type": "startBeforeActivity", "activityId": "Task_UnbindTerminal"}],
				 "variables": {"caseNumber": {"value": "%s"}}}""".formatted(caseNumber);

		Response agent = post("agent1", "/engine-rest/process-definition/key/TerminalUnbinding/start", crafted);
		Response skipping = post("agent1", "/engine-rest/process-definition/key/TerminalUnbinding/start",
				"{\"skipCustomListeners\": true, \"variables\": {}}");

		assertThat(agent.status()).isEqualTo(403);
		assertThat(agent.contentType()).startsWith("application/problem+json");
		assertThat(skipping.status()).isEqualTo(403);
		assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);

		// an admin may start anywhere, but the registry still refuses to unbind a case nobody reviewed
		Response admin = as("admin", "admin", "POST", "/engine-rest/process-definition/key/TerminalUnbinding/start",
				crafted);
		assertThat(admin.status()).isEqualTo(200);
		assertThatThrownBy(this::runAsyncSteps).hasMessageContaining("没有登记的受理");
		assertThat(registry.isBound(m)).isTrue();
		assertThat(caseView(caseNumber).get("stage").asText()).isEqualTo("REVIEW");
		assertThat(caseView(caseNumber).get("status").asText()).isEqualTo("OPEN");
	}

	@Test
	void nobodyButAdminsModifiesACaseOrWritesItsVariables() {
		Merchant m = registry.merchant();
		String caseNumber = openCase(m);
		String pi = processOf(caseNumber);
		String modification = """
				{"instructions": [{"type": "cancel", "activityId": "SubProcess_Application"},
				  {"type": "startBeforeActivity", "activityId": "Task_UnbindTerminal",
				   "variables": {"depositRefund": {"value": 99999, "type": "Double"}}}]}""";

		assertThat(post("intake1", "/engine-rest/process-instance/" + pi + "/modification", modification).status())
			.isEqualTo(403);
		assertThat(post("agent1", "/engine-rest/process-instance/" + pi + "/modification", modification).status())
			.isEqualTo(403);
		assertThat(post("ops1", "/engine-rest/process-instance/" + pi + "/modification", modification).status())
			.isEqualTo(403);
		for (String user : List.of("intake1", "agent1", "ops1")) {
			assertThat(send(user, HttpRequest.newBuilder(uri("/engine-rest/process-instance/" + pi + "/variables/fee"))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"value\": 0, \"type\": \"Double\"}"))).status())
				.as(user)
				.isEqualTo(403);
		}

		// even an admin's modification cannot skip the review: the unbind is refused, audited, nothing paid
		Response admin = as("admin", "admin", "POST", "/engine-rest/process-instance/" + pi + "/modification",
				modification);
		assertThat(admin.status()).isEqualTo(204);
		assertThatThrownBy(this::runAsyncSteps).hasMessageContaining("不能解绑：no reviewer has approved it");
		assertThat(registry.isBound(m)).isTrue();
		assertThat(refunds(caseNumber)).isZero();
		assertThat(auditRows(caseNumber, "UNBIND_REFUSED")).isPositive();
		assertThat(caseView(caseNumber).get("status").asText()).isEqualTo("OPEN");
	}

	@Test
	void nobodyButAdminsCorrelatesMessagesToAllCases() {
		Merchant m = registry.merchant();
		String caseNumber = openCase(m);
		String all = "{\"messageName\": \"CancellationRequested\", \"all\": true}";

		assertThat(post("intake1", "/engine-rest/message", all).status()).isEqualTo(403);
		assertThat(post("agent1", "/engine-rest/message", all).status()).isEqualTo(403);
		assertThat(post("agent1", "/engine-rest/message",
				"{\"messageName\": \"CancellationRequested\", \"businessKey\": \"" + caseNumber + "\"}").status())
			.isEqualTo(403);

		assertThat(caseView(caseNumber).get("status").asText()).isEqualTo("OPEN");
	}

	@Test
	void aBusinessKeyGivenToAnEngineStartIsReplacedAndTheApiAnswersOnlyWithItsOwnCase() {
		Merchant first = registry.merchant();
		Merchant second = registry.merchant();
		String next = "UB-" + LocalDateTime.now().toLocalDate().toString().replace("-", "") + "-999999";
		String start = """
				{"businessKey": "%s", "variables": {"channel": {"value": "PHONE"}, "merchantNo": {"value": "%s"},
				 "terminalId": {"value": "%s"}, "reason": {"value": "DEVICE_FAULT"}, "applicantName": {"value": "%s"},
				 "applicantIdNumber": {"value": "%s"}, "applicantPhone": {"value": "%s"},
				 "applicantRole": {"value": "LEGAL_PERSON"}}}""".formatted(next, first.merchantNo(), first.terminalId(),
				first.legalName(), first.idNumber(), first.phone());

		Response started = post("agent1", "/engine-rest/process-definition/key/TerminalUnbinding/start", start);
		Response opened = post("intake1", "/api/unbinding-cases", second.applicationJson("APP", "DEVICE_FAULT"));

		assertThat(started.status()).isEqualTo(200);
		assertThat(started.json().get("businessKey").asText()).isNotEqualTo(next);
		assertThat(opened.status()).isEqualTo(201);
		assertThat(opened.json().get("terminal").get("terminalId").asText()).isEqualTo(second.terminalId());
		assertThat(opened.json().get("merchant").get("merchantNo").asText()).isEqualTo(second.merchantNo());
	}

	@Test
	void twentyConcurrentRequestsWithOneKeyOpenOneCaseAndAllNameIt() throws Exception {
		Merchant m = registry.merchant();
		String body = m.applicationJson("APP", "DEVICE_FAULT");
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Future<Response>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				Callable<Response> call = () -> post("intake1", "/api/unbinding-cases", body, "Idempotency-Key",
						"crm-race-1");
				answers.add(pool.submit(call));
			}
			Set<String> caseNumbers = new java.util.HashSet<>();
			for (Future<Response> answer : answers) {
				Response response = answer.get();
				assertThat(response.status()).as(response.body()).isEqualTo(201);
				caseNumbers.add(response.json().get("caseNumber").asText());
			}
			assertThat(caseNumbers).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from unbinding_case where terminal_sn = ?").param(m.sn())
			.query(Long.class).single()).isEqualTo(1);

		// the same key from another client is another key: no replay of intake1's case
		Response other = post("agent1", "/api/unbinding-cases", body, "Idempotency-Key", "crm-race-1");
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.replayed()).isNull();
	}

	@Test
	void anExpiredIdempotencyKeyNoLongerAnswers() {
		Merchant m = registry.merchant();
		jdbc.sql("insert into client_idempotency_key values ('intake1', 'crm-old', 'x', 'UB-20200101-000001', ?)")
			.param(LocalDateTime.now().minusDays(8))
			.update();

		Response opened = post("intake1", "/api/unbinding-cases", m.applicationJson("APP", "DEVICE_FAULT"),
				"Idempotency-Key", "crm-old");

		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		assertThat(opened.json().get("terminal").get("terminalId").asText()).isEqualTo(m.terminalId());
	}

	@Test
	void fullNumbersTypedIntoFreeTextNeverReachHistory() {
		Merchant m = registry.merchant();
		String caseNumber = openCase(m);
		String pi = processOf(caseNumber);
		String review = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
		assertThat(post("reviewer1", "/engine-rest/task/" + review + "/claim", "{\"userId\": \"reviewer1\"}").status())
			.isEqualTo(204);
		String typed = "来电号码13912345678，身份证110101198001011232，卡号6222021234567890123";

		Response rejected = post("reviewer1", "/engine-rest/task/" + review + "/complete", """
				{"variables": {"reviewDecision": {"value": "REJECT"}, "rejectionCategory": {"value": "OTHER"}, "rejectionReason": {"value": "%s"},
				 "reviewComment": {"value": "%s"}}}""".formatted(typed, typed));

		assertThat(rejected.status()).as(rejected.body()).isEqualTo(204);
		List<HistoricVariableInstance> kept = history.createHistoricVariableInstanceQuery().processInstanceId(pi).list();
		String everything = kept.stream().map(v -> String.valueOf(v.getValue())).collect(Collectors.joining("|"));
		assertThat(everything).contains("*******5678").doesNotContain("13912345678", "110101198001011232",
				"6222021234567890123");
		assertThat(caseView(caseNumber).get("outcomeReason").asText()).doesNotContain("13912345678");
	}

	@Test
	void theDashboardCannotBeReachedByAnotherSpellingOfItsPath() {
		assertThat(get("reviewer1", "/api/%64ashboard").status()).isEqualTo(403);
		assertThat(get("intake1", "/api/%64ashboard").status()).isEqualTo(403);
		Response semicolon = get("reviewer1", "/api;x=1/dashboard");
		assertThat(semicolon.status()).isEqualTo(400);
		assertThat(semicolon.contentType()).startsWith("application/problem+json");
		assertThat(get("supervisor1", "/api/dashboard").status()).isEqualTo(200);
	}

	@Test
	void nobodyCanLockAUserOutForGoodAndAdminsLiftThrottles() {
		Response last = null;
		for (int i = 0; i < 12; i++) {
			last = as("agent2", "guess" + i, "GET", "/api/unbinding-cases", null);
		}
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.contentType()).startsWith("application/problem+json");

		JsonNode throttled = as("admin", "admin", "GET", "/api/admin/login-throttles", null).json();
		assertThat(throttled.findValuesAsText("key")).contains("user:agent2");
		assertThat(as("admin", "admin", "DELETE", "/api/admin/login-throttles/user:agent2", null).status())
			.isEqualTo(204);
		as("admin", "admin", "DELETE", "/api/admin/login-throttles/address:127.0.0.1", null);

		assertThat(get("agent2", "/api/unbinding-cases").status()).isEqualTo(200);
	}

	@Test
	void engineRestRefusesHugeBodiesAndCrossOriginWritesWithoutEchoingThem() {
		String huge = "{\"messageName\": \"" + "A".repeat(10 * 1024 * 1024) + "\"}";

		Response tooLarge = post("admin", "/engine-rest/message", huge);
		Response crossOrigin = post("agent1", "/engine-rest/process-definition/key/TerminalUnbinding/start",
				"{\"variables\": {}}", "Origin", "http://evil.example");

		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.body().length()).isLessThan(1000);
		assertThat(crossOrigin.status()).isEqualTo(403);
		assertThat(crossOrigin.contentType()).startsWith("application/problem+json");
	}

	@Test
	void looseJsonIsRefusedNamingTheField() {
		Merchant m = registry.merchant();
		String caseNumber = openCase(m);
		String good = m.applicationJson("APP", "DEVICE_FAULT");

		assertThat(post("intake1", "/api/unbinding-cases/" + caseNumber + "/fee-decision", "{\"decision\": 0}")
			.status()).isEqualTo(400);
		assertThat(post("intake1", "/api/unbinding-cases/" + caseNumber + "/cancellation", "{\"reason\": 5}")
			.status()).isEqualTo(400);
		assertThat(post("intake1", "/api/unbinding-cases", good + " {}").status()).isEqualTo(400);
		Response duplicate = post("intake1", "/api/unbinding-cases",
				good.replace("\"reason\": \"DEVICE_FAULT\"", "\"reason\": \"DEVICE_FAULT\", \"reason\": \"LOST_DEVICE\""));
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.body()).contains("\"field\":\"reason\"");
		Response bidi = post("intake1", "/api/unbinding-cases", good.replace(m.legalName(), m.legalName() + "\\u202E"));
		assertThat(bidi.status()).isEqualTo(400);
		assertThat(bidi.body()).contains("\"field\":\"applicant.name\"");
		Response surrogate = post("intake1", "/api/unbinding-cases", good.replace(m.legalName(), "\\ud800"));
		assertThat(surrogate.status()).isEqualTo(400);
		assertThat(surrogate.body()).contains("\"field\":\"applicant.name\"");
		Response badPattern = post("intake1", "/api/unbinding-cases",
				good.replace("\"phone\": \"" + m.phone() + "\"", "\"phone\": \"12\""));
		assertThat(badPattern.body()).contains("\"field\":\"applicant.phone\"");

		assertThat(caseView(caseNumber).get("status").asText()).isEqualTo("OPEN");
		assertThat(jdbc.sql("select count(*) from unbinding_case where terminal_sn = ?").param(m.sn())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void errorsTomcatAnswersItselfAreProblemsToo() {
		Response encodedSlash = get("intake1", "/api/unbinding-cases/UB-1%2F2");
		Response hugeHeader = send("intake1", HttpRequest.newBuilder(uri("/api/unbinding-cases"))
			.header("X-Filler", "x".repeat(16 * 1024))
			.GET());
		Response hugeQuery = get("intake1", "/api/unbinding-cases?merchantNo=" + "1".repeat(9000));

		for (Response response : List.of(encodedSlash, hugeHeader, hugeQuery)) {
			assertThat(response.status()).isBetween(400, 431);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body()).doesNotContain("<html");
		}
	}

	@Test
	void anEngineStartWithAnUnknownValueEndsAsRequestInvalid() {
		Merchant m = registry.merchant();
		String start = """
				{"variables": {"channel": {"value": "PHONE"}, "merchantNo": {"value": "%s"},
				 "terminalId": {"value": "%s"}, "reason": {"value": "DEVICE_FAULT"}, "applicantName": {"value": "%s"},
				 "applicantIdNumber": {"value": "%s"}, "applicantPhone": {"value": "%s"},
				 "applicantRole": {"value": "LEGAL_PERSON"}, "deviceDisposition": {"value": "FOO"}}}""".formatted(
				m.merchantNo(), m.terminalId(), m.legalName(), m.idNumber(), m.phone());

		Response started = post("agent1", "/engine-rest/process-definition/key/TerminalUnbinding/start", start);

		JsonNode view = caseView(started.json().get("businessKey").asText());
		assertThat(view.get("outcome").asText()).isEqualTo("REQUEST_INVALID");
		assertThat(view.get("outcomeReason").asText()).contains("deviceDisposition");
		assertThat(registry.isBound(m)).isTrue();
	}

	@Test
	void pagesAndApiCarrySecurityHeadersAndDocsUseFakeExamples() {
		Response api = get("intake1", "/api/unbinding-cases");
		Response docs = get(null, "/v3/api-docs");

		assertThat(api.status()).isEqualTo(200);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).doesNotContain("110101198001011232", "13800000001");
		HttpRequest.Builder page = HttpRequest.newBuilder(uri("/dashboard")).GET();
		java.net.http.HttpResponse<String> dashboard = raw("supervisor1", page);
		assertThat(dashboard.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
			.doesNotContain("unsafe-inline' ;script");
		assertThat(dashboard.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(dashboard.headers().firstValue("X-Frame-Options")).contains("DENY");
		java.net.http.HttpResponse<String> apiRaw = raw("intake1", HttpRequest.newBuilder(uri("/api/unbinding-cases")).GET());
		assertThat(apiRaw.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
	}

	private java.net.http.HttpResponse<String> raw(String user, HttpRequest.Builder builder) {
		builder.setHeader("Authorization",
				"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		try {
			return java.net.http.HttpClient.newHttpClient().send(builder.build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
