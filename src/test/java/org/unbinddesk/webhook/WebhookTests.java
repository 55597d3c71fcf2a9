package org.unbinddesk.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.notice.NoticeDispatcher;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.WebTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Webhooks to an intake client's receiver (WireMock): a case's stage changes and its notices' deliveries arrive as
 * JSON signed with HMAC-SHA256 of the body with the client's secret, in the order they happened; a receiver that
 * fails holds the case's later events back until it takes the earlier one. The tests share the service with the other
 * API tests; the subscription goes after each, so no other test's changes become events.
 */
class WebhookTests extends WebTestSupport {

	static final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		receiver.start();
	}

	@AfterAll
	static void stop() {
		receiver.stop();
	}

	private static final String SECRET = "intake-webhook-secret-0001";

	@Autowired
	WebhookDispatcher webhooks;

	@Autowired
	NoticeDispatcher notices;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void unsubscribe() {
		jdbc.sql("delete from webhook_subscription").update();
	}

	@BeforeEach
	void subscribe() {
		receiver.resetAll();
		receiver.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(204)));
		assertThat(put("intake1", "/api/webhook-subscription",
				"{\"url\": \"" + receiver.baseUrl() + "/hooks/crm\", \"secret\": \"" + SECRET + "\"}").status())
			.isEqualTo(200);
	}

	private Response put(String user, String path, String json) {
		return send(user, java.net.http.HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
	}

	private List<LoggedRequest> eventsOf(String caseNumber) {
		return receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/crm"))
			.withRequestBody(matchingJsonPath("$.caseNumber", WireMock.equalTo(caseNumber))));
	}

	private static JsonNode json(LoggedRequest request) {
		try {
			return JSON.readTree(request.getBodyAsString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String openCase(Merchant m) {
		String caseNumber = post("intake1", "/api/unbinding-cases", m.applicationJson("APP", "BUSINESS_CLOSED")).json()
			.get("caseNumber")
			.asText();
		runAsyncSteps();
		notices.dispatchDue();
		return caseNumber;
	}

	@Test
	void postsStageChangesAndNoticeDeliveriesSignedAndInOrder() {
		Merchant m = registry.merchant();
		String caseNumber = openCase(m);

		webhooks.dispatchDue();

		List<LoggedRequest> events = eventsOf(caseNumber);
		List<String> stages = events.stream()
			.map(WebhookTests::json)
			.filter(e -> e.get("type").asText().equals("case.stage-changed"))
			.map(e -> e.at("/data/stage").asText())
			.toList();
		assertThat(stages).containsExactly("CONTACT", "APPLICATION", "REVIEW");
		assertThat(events.stream().map(WebhookTests::json))
			.anySatisfy(e -> {
				assertThat(e.get("type").asText()).isEqualTo("notice.delivery-changed");
				assertThat(e.at("/data/noticeType").asText()).isEqualTo("FEE_NOTICE");
				assertThat(e.at("/data/status").asText()).isEqualTo("SENT");
			});
		for (LoggedRequest event : events) {
			assertThat(event.getHeader("X-UnbindDesk-Signature"))
				.isEqualTo("sha256=" + WebhookDispatcher.sign(SECRET, event.getBodyAsString()));
			assertThat(Long.parseLong(event.getHeader("X-UnbindDesk-Timestamp")))
				.isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 1);
			assertThat(event.getHeader("X-UnbindDesk-Event-Id")).isEqualTo(json(event).get("eventId").asText());
			assertThat(event.getBodyAsString()).doesNotContain(m.phone(), m.idNumber());
		}
		webhooks.dispatchDue();
		assertThat(eventsOf(caseNumber)).as("each event once").hasSameSizeAs(events);
	}

	@Test
	void aFailingReceiverHoldsBackTheCasesLaterEvents() {
		receiver.stubFor(WireMock.post(urlPathEqualTo("/hooks/crm")).atPriority(1)
			.inScenario("down").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("up"));
		Merchant m = registry.merchant();
		String caseNumber = openCase(m);

		webhooks.dispatchDue();

		List<LoggedRequest> first = eventsOf(caseNumber);
		assertThat(first).as("only the first event, refused").hasSize(1);
		assertThat(json(first.get(0)).at("/data/stage").asText()).isEqualTo("CONTACT");
		assertThat(jdbc.sql("select count(*) from webhook_event where case_number = ? and status = 'PENDING'")
			.param(caseNumber)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);

		jdbc.sql("update webhook_event set next_attempt_at = ? where case_number = ?")
			.params(LocalDateTime.now().minusSeconds(1), caseNumber)
			.update();
		webhooks.dispatchDue();

		List<JsonNode> all = eventsOf(caseNumber).stream().map(WebhookTests::json).toList();
		assertThat(all.get(1).get("eventId")).as("the refused event again, first").isEqualTo(all.get(0).get("eventId"));
		assertThat(all.stream()
			.filter(e -> e.get("type").asText().equals("case.stage-changed"))
			.map(e -> e.at("/data/stage").asText())
			.distinct()
			.toList()).containsExactly("CONTACT", "APPLICATION", "REVIEW");
		assertThat(jdbc.sql("select count(*) from webhook_event where case_number = ? and status <> 'DELIVERED'")
			.param(caseNumber)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSubscriptionNeedsAnHttpUrlALongSecretAndAnIntakeLogin() {
		Response badUrl = put("intake1", "/api/webhook-subscription",
				"{\"url\": \"ftp://crm.example/hooks\", \"secret\": \"" + SECRET + "\"}");
		Response shortSecret = put("intake1", "/api/webhook-subscription",
				"{\"url\": \"https://crm.example/hooks\", \"secret\": \"short\"}");
		Response reviewer = put("reviewer1", "/api/webhook-subscription",
				"{\"url\": \"https://crm.example/hooks\", \"secret\": \"" + SECRET + "\"}");

		assertThat(badUrl.status()).isEqualTo(400);
		assertThat(badUrl.json().get("errors").toString()).contains("\"field\":\"url\"");
		assertThat(shortSecret.status()).isEqualTo(400);
		assertThat(shortSecret.json().get("errors").toString()).contains("\"field\":\"secret\"");
		assertThat(reviewer.status()).isEqualTo(403);
		JsonNode mine = get("intake1", "/api/webhook-subscription").json();
		assertThat(mine.get("url").asText()).isEqualTo(receiver.baseUrl() + "/hooks/crm");
		assertThat(mine.has("secret")).isFalse();
	}

}
