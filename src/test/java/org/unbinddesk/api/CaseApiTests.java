package org.unbinddesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;
import org.unbinddesk.support.WebTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

class CaseApiTests extends WebTestSupport {

	@Autowired
	JdbcClient jdbc;

	static String application(Merchant m, String reason, String documents) {
		return """
				{"channel": "APP", "merchantNo": "%s", "terminalId": "%s", "reason": "%s",
				 "applicant": {"name": "%s", "idNumber": "%s", "phone": "%s", "role": "LEGAL_PERSON"},
				 "documents": [%s]}""".formatted(m.merchantNo(), m.terminalId(), reason, m.legalName(), m.idNumber(),
				m.phone(), documents);
	}

	static String application(Merchant m) {
		return application(m, "BUSINESS_CLOSED", "\"ID_CARD\", \"SETTLEMENT_CARD_COPY\"");
	}

	void cancel(String caseNumber) {
		String otp = consentCode("intake1", caseNumber, "CANCELLATION");
		assertThat(post("intake1", "/api/unbinding-cases/" + caseNumber + "/cancellation", "{\"otp\": \"" + otp + "\"}")
			.status()).isEqualTo(200);
	}

	long casesOf(Merchant m) {
		return jdbc.sql("select count(*) from unbinding_case where merchant_no = ?").param(m.merchantNo())
			.query(Long.class)
			.single();
	}

	@Test
	void opensACaseWithCreatedAndLocation() {
		Merchant m = registry.merchant();

		Response response = post("intake1", "/api/unbinding-cases", application(m));

		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		String caseNumber = body.get("caseNumber").asText();
		assertThat(caseNumber).matches("UB-\\d{8}-\\d{6,}");
		assertThat(response.location()).isEqualTo("/api/unbinding-cases/" + caseNumber);
		assertThat(body.get("status").asText()).isEqualTo("OPEN");
		assertThat(body.get("stage").asText()).isEqualTo("APPLICATION");
		assertThat(body.get("applicant").get("idNumber").asText()).isEqualTo("**************" + m.idNumber().substring(14));
		assertThat(body.get("applicant").get("phone").asText()).endsWith(m.phone().substring(7)).startsWith("*");
		assertThat(response.body()).doesNotContain(m.idNumber(), m.phone());
		assertThat(get("intake1", response.location()).json().get("caseNumber").asText()).isEqualTo(caseNumber);
	}

	@Test
	void followsACaseThroughReviewWithTasksTimelineAndNotices() {
		Merchant m = registry.merchant();
		String caseNumber = post("agent1", "/api/unbinding-cases", application(m)).json().get("caseNumber").asText();
		runAsyncSteps();

		JsonNode view = get("intake1", "/api/unbinding-cases/" + caseNumber).json();

		assertThat(view.get("stage").asText()).isEqualTo("REVIEW");
		assertThat(view.get("identityResult").asText()).isEqualTo("PASS");
		assertThat(view.get("riskLevel").asText()).isEqualTo("LOW");
		assertThat(view.get("terminal").get("status").asText()).isEqualTo("ACTIVE");
		// money as decimal strings, times with the business zone's offset (ISO-8601, to the second)
		assertThat(view.get("fee").isTextual()).isTrue();
		assertThat(view.get("fee").asText()).isEqualTo("0.00");
		assertThat(view.get("depositRefund").asText()).isEqualTo("299.00");
		String offset = java.time.ZonedDateTime.now().getOffset().getId().replace("Z", "+00:00");
		for (String time : List.of(view.get("openedAt").asText(), view.at("/openTasks/0/due").asText(),
				view.at("/openTasks/0/created").asText(), view.at("/timeline/0/startedAt").asText(),
				view.at("/notices/0/createdAt").asText())) {
			assertThat(time).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d").endsWith(offset);
		}
		assertThat(view.get("openTasks")).singleElement().satisfies(task -> {
			assertThat(task.get("name").asText()).startsWith("审核解绑申请 · " + caseNumber);
			assertThat(task.get("candidateGroups").toString()).isEqualTo("[\"reviewers\"]");
			assertThat(task.get("due").isNull()).isFalse();
		});
		List<String> steps = new ArrayList<>();
		view.get("timeline").forEach(e -> steps.add(e.get("step").asText()));
		assertThat(steps).containsSubsequence("Unbinding requested", "Register request", "Check documents",
				"Verify applicant identity", "Verify account status", "Assess fee", "Send fee notice", "Assess risk",
				"Review unbinding application");
		assertThat(view.get("notices")).singleElement()
			.satisfies(n -> assertThat(n.get("type").asText()).isEqualTo("FEE_NOTICE"));
		assertThat(get("intake1", "/api/unbinding-cases/" + caseNumber + "/notices").json()).hasSize(1);
	}

	@Test
	void repeatsWithTheSameIdempotencyKeyReturnTheSameCase() {
		Merchant m = registry.merchant();
		String key = "crm-" + m.merchantNo();

		Response first = post("intake1", "/api/unbinding-cases", application(m), "Idempotency-Key", key);
		Response repeat = post("intake1", "/api/unbinding-cases", application(m), "Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(repeat.status()).isEqualTo(201);
		assertThat(repeat.replayed()).isEqualTo("true");
		assertThat(repeat.json().get("caseNumber")).isEqualTo(first.json().get("caseNumber"));
		assertThat(casesOf(m)).isEqualTo(1);

		Response reused = post("intake1", "/api/unbinding-cases",
				application(m, "DEVICE_FAULT", "\"ID_CARD\""), "Idempotency-Key", key);
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.json().get("type").asText()).isEqualTo("https://unbinddesk.org/problems/idempotency-key-reused");
		assertThat(casesOf(m)).isEqualTo(1);
	}

	@Test
	void refusesASecondOpenCaseForATerminalNamingTheOpenOne() {
		Merchant m = registry.merchant();
		String open = post("intake1", "/api/unbinding-cases", application(m)).json().get("caseNumber").asText();

		Response second = post("intake1", "/api/unbinding-cases", application(m));

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.contentType()).startsWith("application/problem+json");
		assertThat(second.json().get("type").asText()).isEqualTo("https://unbinddesk.org/problems/open-case-exists");
		assertThat(second.json().get("openCase").asText()).isEqualTo(open);
		assertThat(second.json().get("detail").asText()).contains(open);
		assertThat(casesOf(m)).isEqualTo(1);
	}

	@Test
	void concurrentRequestsForOneTerminalOpenExactlyOneCase() throws Exception {
		Merchant m = registry.merchant();
		int callers = 6;
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			Callable<Integer> call = () -> {
				go.await();
				return post("intake1", "/api/unbinding-cases", application(m)).status();
			};
			results.add(pool.submit(call));
		}
		go.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> result : results) {
			statuses.add(result.get());
		}
		pool.shutdown();

		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
		assertThat(casesOf(m)).isEqualTo(1);
	}

	@Test
	void refusesARequestThatDoesNotMatchTheRegistryWithoutRecordingIt() {
		Merchant owner = registry.merchant();
		Merchant other = registry.merchant();
		String body = application(other).replace(other.terminalId(), owner.terminalId());

		Response response = post("intake1", "/api/unbinding-cases", body);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("type").asText()).isEqualTo("https://unbinddesk.org/problems/request-invalid");
		assertThat(response.json().get("reason").asText()).isEqualTo("TERMINAL_NOT_BOUND");
		assertThat(casesOf(other)).isZero();
	}

	@Test
	void passesDocumentsToACaseWaitingForThem() {
		Merchant m = registry.merchant(new Spec().company());
		String caseNumber = post("intake1", "/api/unbinding-cases", application(m, "BUSINESS_CLOSED", "\"ID_CARD\""))
			.json()
			.get("caseNumber")
			.asText();
		JsonNode waiting = get("intake1", "/api/unbinding-cases/" + caseNumber).json();
		assertThat(waiting.get("waitingFor").toString()).isEqualTo("[\"CancellationRequested\",\"DocumentsSupplied\"]");
		assertThat(waiting.get("documents").get("missing").toString())
			.isEqualTo("[\"SETTLEMENT_CARD_COPY\",\"BUSINESS_LICENCE\"]");

		Response supplied = post("intake1", "/api/unbinding-cases/" + caseNumber + "/documents",
				"{\"documents\": [\"SETTLEMENT_CARD_COPY\", \"BUSINESS_LICENCE\"]}");

		assertThat(supplied.status()).isEqualTo(200);
		assertThat(supplied.json().get("waitingFor").toString()).isEqualTo("[\"CancellationRequested\"]");
		assertThat(supplied.json().get("documents").get("missing")).isEmpty();

		Response again = post("intake1", "/api/unbinding-cases/" + caseNumber + "/documents",
				"{\"documents\": [\"ID_CARD\"]}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asText()).isEqualTo("https://unbinddesk.org/problems/not-waiting");
		assertThat(again.json().get("detail").asText()).contains("is not waiting for DocumentsSupplied");
		assertThat(again.json().get("waitingFor").toString()).isEqualTo("[\"CancellationRequested\"]");
	}

	@Test
	void passesTheMerchantsFeeDecision() {
		Merchant accepting = registry.merchant(new Spec().activatedDaysAgo(40).minimumTermMonths(24));
		Merchant declining = registry.merchant(new Spec().activatedDaysAgo(40).minimumTermMonths(24));
		String accepted = post("intake1", "/api/unbinding-cases",
				application(accepting, "SWITCHING_PROVIDER", "\"ID_CARD\", \"SETTLEMENT_CARD_COPY\""))
			.json().get("caseNumber").asText();
		String declined = post("intake1", "/api/unbinding-cases",
				application(declining, "SWITCHING_PROVIDER", "\"ID_CARD\", \"SETTLEMENT_CARD_COPY\""))
			.json().get("caseNumber").asText();
		assertThat(post("intake1", "/api/unbinding-cases/" + accepted + "/fee-decision",
				"{\"decision\": \"ACCEPT\", \"otp\": \"123456\"}").status()).as("before the fee notice").isEqualTo(409);
		assertThat(post("intake1", "/api/unbinding-cases/" + accepted + "/consent-codes", "{\"purpose\": \"FEE\"}")
			.status()).as("no code before the fee notice").isEqualTo(409);
		runAsyncSteps();

		Response accept = post("intake1", "/api/unbinding-cases/" + accepted + "/fee-decision",
				"{\"decision\": \"ACCEPT\", \"otp\": \"" + consentCode("intake1", accepted, "FEE") + "\"}");
		Response decline = post("intake1", "/api/unbinding-cases/" + declined + "/fee-decision",
				"{\"decision\": \"DECLINE\", \"reason\": \"太贵了\", \"otp\": \""
						+ consentCode("intake1", declined, "FEE") + "\"}");

		assertThat(accept.status()).isEqualTo(200);
		assertThat(accept.json().get("stage").asText()).isEqualTo("REVIEW");
		assertThat(accept.json().get("fee").asText()).isEqualTo("345.00");
		assertThat(decline.status()).isEqualTo(200);
		assertThat(decline.json().get("status").asText()).isEqualTo("CLOSED");
		assertThat(decline.json().get("outcome").asText()).isEqualTo("WITHDRAWN");
		assertThat(decline.json().get("outcomeReason").asText()).isEqualTo("the fee was declined");
	}

	@Test
	void cancelsACaseUntilTheUnbindStarts() {
		Merchant m = registry.merchant();
		String caseNumber = post("intake1", "/api/unbinding-cases", application(m)).json().get("caseNumber").asText();

		Response cancelled = post("agent1", "/api/unbinding-cases/" + caseNumber + "/cancellation",
				"{\"reason\": \"商户改变主意\", \"otp\": \"" + consentCode("agent1", caseNumber, "CANCELLATION") + "\"}");

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("outcome").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("outcomeReason").asText()).isEqualTo("商户改变主意");
		Response again = post("agent1", "/api/unbinding-cases/" + caseNumber + "/cancellation", "{\"otp\": \"123456\"}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("waitingFor")).isEmpty();
	}

	@Test
	void aReportedSuspiciousCallMakesTheCaseHighRiskAndTellsSupervisors() {
		Merchant m = registry.merchant();
		String caseNumber = post("intake1", "/api/unbinding-cases", application(m)).json().get("caseNumber").asText();
		runAsyncSteps();
		assertThat(get("intake1", "/api/unbinding-cases/" + caseNumber).json().get("riskLevel").asText())
			.isEqualTo("LOW");

		Response reported = post("intake1", "/api/unbinding-cases/" + caseNumber + "/suspicious-call",
				"{\"note\": \"自称客服来电，要求提供验证码，来电号码 13912345678\"}");

		assertThat(reported.status()).isEqualTo(200);
		JsonNode view = reported.json();
		assertThat(view.get("riskLevel").asText()).isEqualTo("HIGH");
		assertThat(view.get("openTasks")).extracting(t -> t.get("name").asText())
			.anyMatch(name -> name.startsWith("核查可疑来电 · " + caseNumber))
			.anyMatch(name -> name.startsWith("审核解绑申请 · " + caseNumber));
		assertThat(view.get("openTasks").toString()).contains("[\"supervisors\"]");
		assertThat(jdbc.sql("select detail from audit_entry where case_number = ? and action = 'SUSPICIOUS_CALL_REPORTED'")
			.param(caseNumber)
			.query(String.class)
			.single()).contains("Risk raised to HIGH").contains("*******5678").doesNotContain("13912345678");
	}

	/** The reviewer approves over the engine REST API, as Tasklist does; then the background steps run. */
	private void approve(String caseNumber) {
		JsonNode task = get("reviewer1", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
				+ "&taskDefinitionKey=Task_ReviewApplication").json().get(0);
		String id = task.get("id").asText();
		assertThat(post("reviewer1", "/engine-rest/task/" + id + "/claim", "{\"userId\": \"reviewer1\"}").status())
			.isEqualTo(204);
		assertThat(post("reviewer1", "/engine-rest/task/" + id + "/complete",
				"{\"variables\": {\"reviewDecision\": {\"value\": \"APPROVE\"}}}").status()).isEqualTo(204);
		runAsyncSteps();
	}

	@Test
	void recordsTheCourierALeasedDeviceWasSentBackWithAndShowsTheReturn() {
		Merchant m = registry.merchant();
		String caseNumber = post("intake1", "/api/unbinding-cases", application(m)).json().get("caseNumber").asText();
		runAsyncSteps();
		String path = "/api/unbinding-cases/" + caseNumber + "/device-return";

		Response early = post("intake1", path, "{\"courier\": \"SF\", \"waybillNumber\": \"SF1234567890\"}");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("type").asText()).endsWith("/not-waiting");

		approve(caseNumber);
		JsonNode waiting = get("intake1", "/api/unbinding-cases/" + caseNumber).json();
		assertThat(waiting.get("stage").asText()).isEqualTo("CONFIRMATION");
		assertThat(waiting.get("status").asText()).isEqualTo("OPEN");
		assertThat(waiting.at("/terminal/status").asText()).isEqualTo("DISABLED");
		assertThat(waiting.at("/deviceReturn/deadline").asText()).endsWith("T23:59:59" + waiting.get("openedAt").asText()
			.substring(19));
		assertThat(waiting.at("/deviceReturn/address").asText()).contains("终端回收中心");
		assertThat(waiting.at("/deviceReturn/courier").isNull()).isTrue();
		assertThat(waiting.get("openTasks")).anySatisfy(t -> {
			assertThat(t.get("name").asText()).startsWith("设备到货验收 · " + caseNumber);
			assertThat(t.get("candidateGroups").toString()).contains("\"warehouse\"", "\"agents\"");
			assertThat(t.get("due").asText()).isEqualTo(waiting.at("/deviceReturn/deadline").asText());
		});

		Response unknownCourier = post("intake1", path, "{\"courier\": \"DHL\", \"waybillNumber\": \"SF1234567890\"}");
		Response badWaybill = post("intake1", path, "{\"courier\": \"SF\", \"waybillNumber\": \"SF-12\"}");
		Response numberAsCourier = post("intake1", path, "{\"courier\": 1, \"waybillNumber\": \"SF1234567890\"}");
		Response reviewer = post("reviewer1", path, "{\"courier\": \"SF\", \"waybillNumber\": \"SF1234567890\"}");
		assertThat(List.of(unknownCourier.status(), badWaybill.status(), numberAsCourier.status(), reviewer.status()))
			.containsExactly(400, 400, 400, 403);
		assertThat(get("intake1", "/api/unbinding-cases/" + caseNumber).json().at("/deviceReturn/courier").isNull())
			.isTrue();

		Response shipped = post("intake1", path, "{\"courier\": \"SF\", \"waybillNumber\": \"sf1234567890\"}");

		assertThat(shipped.status()).isEqualTo(200);
		assertThat(shipped.json().at("/deviceReturn/courier").asText()).isEqualTo("SF");
		assertThat(shipped.json().at("/deviceReturn/waybillNumber").asText()).isEqualTo("SF1234567890");
		assertThat(shipped.json().at("/deviceReturn/receivedAt").isNull()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_entry where case_number = ? and action = 'DEVICE_SHIPPED'")
			.param(caseNumber)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aCaseWithNoDeviceToReturnHasNoReturnAndRefusesACourier() {
		Merchant m = registry.merchant(new Spec().purchased());
		String caseNumber = post("intake1", "/api/unbinding-cases", application(m)).json().get("caseNumber").asText();
		runAsyncSteps();
		approve(caseNumber);

		JsonNode view = get("intake1", "/api/unbinding-cases/" + caseNumber).json();
		Response refused = post("intake1", "/api/unbinding-cases/" + caseNumber + "/device-return",
				"{\"courier\": \"SF\", \"waybillNumber\": \"SF1234567890\"}");

		assertThat(view.get("status").asText()).isEqualTo("CLOSED");
		assertThat(view.get("deviceReturn").isNull()).isTrue();
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asText()).endsWith("/case-closed");
	}

	@Test
	void aSuspiciousCallIsNotReportedToAClosedCase() {
		Merchant m = registry.merchant();
		String caseNumber = post("intake1", "/api/unbinding-cases", application(m)).json().get("caseNumber").asText();
		runAsyncSteps();
		cancel(caseNumber);

		Response refused = post("intake1", "/api/unbinding-cases/" + caseNumber + "/suspicious-call", "{}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asText()).endsWith("/case-closed");
		assertThat(jdbc.sql("select count(*) from audit_entry where case_number = ? and action = 'SUSPICIOUS_CALL_REPORTED'")
			.param(caseNumber)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void searchesCasesByMerchantStatusAndPage() {
		Merchant m = registry.merchant();
		String first = post("intake1", "/api/unbinding-cases", application(m)).json().get("caseNumber").asText();
		cancel(first);
		String second = post("intake1", "/api/unbinding-cases", application(m)).json().get("caseNumber").asText();

		JsonNode all = get("intake1", "/api/unbinding-cases?merchantNo=" + m.merchantNo()).json();
		JsonNode open = get("intake1", "/api/unbinding-cases?merchantNo=" + m.merchantNo() + "&status=OPEN").json();
		JsonNode paged = get("intake1", "/api/unbinding-cases?merchantNo=" + m.merchantNo() + "&size=1&page=1").json();
		JsonNode today = get("intake1", "/api/unbinding-cases?terminalId=" + m.terminalId() + "&from="
				+ java.time.LocalDate.now() + "&to=" + java.time.LocalDate.now()).json();

		assertThat(all.get("totalElements").asLong()).isEqualTo(2);
		assertThat(open.get("items")).singleElement()
			.satisfies(c -> assertThat(c.get("caseNumber").asText()).isEqualTo(second));
		assertThat(paged.get("items")).hasSize(1);
		assertThat(paged.get("totalPages").asInt()).isEqualTo(2);
		assertThat(today.get("totalElements").asLong()).isEqualTo(2);
	}

	@Test
	void limitsRequestsPerTerminalPerDay() {
		Merchant m = registry.merchant();
		for (int i = 0; i < 3; i++) {
			String caseNumber = post("intake1", "/api/unbinding-cases", application(m)).json().get("caseNumber").asText();
			cancel(caseNumber);
		}

		Response fourth = post("intake1", "/api/unbinding-cases", application(m));

		assertThat(fourth.status()).isEqualTo(429);
		assertThat(fourth.json().get("type").asText()).isEqualTo("https://unbinddesk.org/problems/too-many-requests");
		assertThat(fourth.json().get("detail").asText())
			.isEqualTo("The daily limit of unbinding requests for terminal " + m.terminalId() + " is reached (3 a day)");
		assertThat(casesOf(m)).isEqualTo(3);
	}

	@Test
	void answersUnknownCasesWith404() {
		Response response = get("intake1", "/api/unbinding-cases/UB-19990101-000001");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("type").asText()).isEqualTo("https://unbinddesk.org/problems/case-not-found");
		assertThat(post("intake1", "/api/unbinding-cases/UB-19990101-000001/cancellation", "{\"otp\": \"123456\"}").status())
			.isEqualTo(404);
	}

	@Test
	void requiresAuthenticationAndTheRightGroup() {
		Merchant m = registry.merchant();

		Response anonymous = post(null, "/api/unbinding-cases", application(m));
		Response reviewer = post("reviewer1", "/api/unbinding-cases", application(m));
		Response reviewerReads = get("reviewer1", "/api/unbinding-cases?size=1");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.json().get("type").asText()).isEqualTo("https://unbinddesk.org/problems/unauthorized");
		assertThat(reviewer.status()).isEqualTo(403);
		assertThat(reviewer.json().get("type").asText()).isEqualTo("https://unbinddesk.org/problems/forbidden");
		assertThat(reviewerReads.status()).isEqualTo(200);
		assertThat(casesOf(m)).isZero();
	}

	@Test
	void describesTheApiInOpenApi() {
		Response docs = get(null, "/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/unbinding-cases")).isTrue();
		assertThat(docs.json().get("paths").has("/api/unbinding-cases/{caseNumber}/fee-decision")).isTrue();
	}

}
