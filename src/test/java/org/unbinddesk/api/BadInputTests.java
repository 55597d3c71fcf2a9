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
 * Bad input of every kind gets a 4xx problem, never a 500, and opens no case.
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
		String huge = "张".repeat(10_000);
		String tooLarge = "x".repeat(70_000);
		return Stream.of(
				bad("empty body", ""),
				bad("JSON null", "null"),
				bad("JSON array", "[]"),
				bad("truncated JSON", "{\"channel\": \"PHONE\""),
				bad("not JSON at all", "unbind my terminal please"),
				bad("empty object", "{}"),
				bad("unknown field", VALID.replace("\"channel\"", "\"extra\": 1, \"channel\"")),
				bad("merchant number of 14 digits", VALID.replace("@MERCHANT@", "89811000000000")),
				bad("merchant number with letters", VALID.replace("@MERCHANT@", "89811000000000A")),
				bad("merchant number as a JSON number", VALID.replace("\"@MERCHANT@\"", "898110000000001")),
				bad("SQL injection in merchant number", VALID.replace("@MERCHANT@", "898110000000001' OR '1'='1")),
				bad("full-width digits in merchant number", VALID.replace("@MERCHANT@", "８９８１１００００００００01")),
				bad("terminal id of 9 characters", VALID.replace("@TERMINAL@", "T00000001")),
				bad("script in terminal id", VALID.replace("@TERMINAL@", "<script>alert(1)</script>")),
				bad("no terminal at all", VALID.replace("\"terminalId\": \"@TERMINAL@\",", "")),
				bad("unknown reason", VALID.replace("BUSINESS_CLOSED", "BORED")),
				bad("reason in lower case", VALID.replace("BUSINESS_CLOSED", "business_closed")),
				bad("channel null", VALID.replace("\"PHONE\"", "null")),
				bad("channel as a number", VALID.replace("\"PHONE\"", "5")),
				bad("applicant missing", VALID.replaceAll("\"applicant\": \\{[^}]*\\},", "")),
				bad("applicant as a string", VALID.replaceAll("\\{\"name\"[^}]*\\}", "\"张伟\"")),
				bad("blank name", VALID.replace("@NAME@", "   ")),
				bad("name of 101 characters", VALID.replace("@NAME@", "a".repeat(101))),
				bad("name of 10,000 characters", VALID.replace("@NAME@", huge)),
				bad("control character in name", VALID.replace("@NAME@", "张\\u0000伟")),
				bad("ID number with a wrong check digit", VALID.replace("@ID@", "110101198001011233")),
				bad("ID number of 17 digits", VALID.replace("@ID@", "11010119800101123")),
				bad("ID number with month 13", VALID.replace("@ID@", "110101198013011232")),
				bad("landline phone", VALID.replace("@PHONE@", "010-12345678")),
				bad("phone of 12 digits", VALID.replace("@PHONE@", "138000000011")),
				bad("unknown role", VALID.replace("LEGAL_PERSON", "OWNER")),
				bad("documents not a list", VALID.replace("[\"ID_CARD\", \"SETTLEMENT_CARD_COPY\"]", "\"ID_CARD\"")),
				bad("document code in lower case", VALID.replace("\"ID_CARD\"", "\"id_card\"")),
				bad("SQL injection as a document", VALID.replace("\"ID_CARD\"", "\"'; DROP TABLE notice; --\"")),
				bad("21 documents", VALID.replace("\"ID_CARD\", \"SETTLEMENT_CARD_COPY\"",
						String.join(",", java.util.Collections.nCopies(21, "\"ID_CARD\"")))),
				bad("replacement SN with spaces", VALID.replace("\"documents\"",
						"\"replacementTerminalSn\": \"SN 1 2\", \"documents\"")),
				bad("body over 64 KiB", VALID.replace("@NAME@", tooLarge)),
				Arguments.of("plain text content type", "text/plain", VALID, null),
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
