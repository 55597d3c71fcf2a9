package org.unbinddesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.WebTestSupport;

/**
 * Bad input over real HTTP, through the whole service (security chain, body-size filter, strict JSON, the database):
 * a 4xx problem, never a 500, and no case opened. Each field's rule and the problem naming it are proved on the web
 * layer alone by {@link CaseApiContractTests}; these rows are one of each kind, and what only the full stack has.
 */
class BadInputTests extends WebTestSupport {

	private static final String VALID = """
			{"channel": "PHONE", "merchantNo": "@MERCHANT@", "terminalId": "@TERMINAL@", "reason": "BUSINESS_CLOSED",
			 "applicant": {"name": "@NAME@", "idNumber": "@ID@", "phone": "@PHONE@", "role": "LEGAL_PERSON"},
			 "documents": ["ID_CARD", "SETTLEMENT_CARD_COPY"]}""";

	@Autowired
	JdbcClient jdbc;

	Merchant merchant;

	@BeforeEach
	void merchant() {
		merchant = registry.merchant();
	}

	static Stream<Arguments> badRequests() {
		String tooLarge = "x".repeat(70_000);
		return Stream.of(
				bad("empty body", ""),
				bad("not JSON at all", "unbind my terminal please"),
				bad("unknown field", VALID.replace("\"channel\"", "\"extra\": 1, \"channel\"")),
				bad("SQL injection in merchant number", VALID.replace("@MERCHANT@", "898110000000001' OR '1'='1")),
				bad("ID number with a wrong check digit", VALID.replace("@ID@", "110101198001011233")),
				bad("SQL injection as a document", VALID.replace("\"ID_CARD\"", "\"'; DROP TABLE notice; --\"")),
				bad("body over 64 KiB", VALID.replace("@NAME@", tooLarge)),
				Arguments.of("XML content type", "application/xml", "<case/>", null),
				Arguments.of("idempotency key of 101 characters", "application/json", VALID, "k".repeat(101)));
	}

	private static Arguments bad(String name, String body) {
		return Arguments.of(name, "application/json", body, null);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void badInputGetsAProblemAndOpensNoCase(String name, String contentType, String body, String idempotencyKey) {
		long casesBefore = jdbc.sql("select count(*) from unbinding_case").query(Long.class).single();
		String filled = body.replace("@MERCHANT@", merchant.merchantNo())
			.replace("@TERMINAL@", merchant.terminalId())
			.replace("@NAME@", merchant.legalName())
			.replace("@ID@", merchant.idNumber())
			.replace("@PHONE@", merchant.phone());
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/unbinding-cases"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(filled, StandardCharsets.UTF_8));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}

		Response response = send("intake1", request);

		assertThat(response.status()).as(name + ": " + response.body()).isBetween(400, 499);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asText()).startsWith("https://unbinddesk.org/problems/");
		assertThat(response.body()).doesNotContain("Exception", "org.unbinddesk", "SQL", "at org.");
		assertThat(jdbc.sql("select count(*) from unbinding_case").query(Long.class).single()).isEqualTo(casesBefore);
	}

}
