package org.unbinddesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unbinddesk.problem.ProblemTypes;
import org.unbinddesk.support.WebTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAPI description an intake system generates its client from (/v3/api-docs): what it promises for opening a
 * case, a name for every operation, the problems each answers with, and money as text.
 */
class ApiDocsTests extends WebTestSupport {

	static final Pattern MONEY = Pattern.compile("(?i).*(fee|refund|deposit|amount).*");

	JsonNode docs;

	record Op(String method, String path, JsonNode operation) {
	}

	List<Op> operations() {
		List<Op> ops = new ArrayList<>();
		docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
				method -> ops.add(new Op(method.getKey().toUpperCase(), path.getKey(), method.getValue()))));
		return ops;
	}

	@BeforeEach
	void fetchDocs() {
		Response response = get("intake1", "/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		docs = response.json();
	}

	@Test
	void openingACaseIsDocumentedAsCreatedWithItsLocation() {
		JsonNode responses = docs.at("/paths/~1api~1unbinding-cases/post/responses");

		assertThat(responses.has("201")).isTrue();
		assertThat(responses.has("200")).isFalse();
		assertThat(responses.at("/201/headers/Location/required").asBoolean()).isTrue();
		assertThat(responses.at("/201/content/application~1json/schema/$ref").asText()).endsWith("/CaseView");
		assertThat(responses.at("/409/description").asText())
			.contains("https://unbinddesk.org/problems/open-case-exists");
		assertThat(responses.at("/422/description").asText()).contains(
				"https://unbinddesk.org/problems/request-invalid",
				"https://unbinddesk.org/problems/idempotency-key-reused");
	}

	@Test
	void everyOperationHasItsOwnOperationId() {
		List<String> ids = new ArrayList<>();
		for (Op op : operations()) {
			assertThat(op.operation().path("operationId").asText()).as(op.method() + " " + op.path())
				.matches("[a-z][A-Za-z]+");
			ids.add(op.operation().get("operationId").asText());
		}

		assertThat(ids).hasSizeGreaterThan(15).doesNotHaveDuplicates().contains("openCase", "getCase", "decideFee");
	}

	@Test
	void everyApiOperationListsItsProblemsWithTheirTypes() {
		for (Op op : operations()) {
			assertThat(op.path()).startsWith("/api/");
			List<String> problems = new ArrayList<>();
			op.operation().get("responses").fields().forEachRemaining(r -> {
				if (r.getKey().startsWith("4") && r.getValue().at("/content/application~1problem+json/schema").has("$ref")) {
					assertThat(r.getValue().get("description").asText()).as(op.method() + " " + op.path() + " " + r.getKey())
						.contains(ProblemTypes.BASE);
					problems.add(r.getKey());
				}
			});
			assertThat(problems).as(op.method() + " " + op.path()).contains("401", "403");
		}
		assertThat(docs.at("/paths/~1api~1unbinding-cases~1{caseNumber}~1fee-decision/post/responses/422/description")
			.asText()).contains("consent-code-wrong", "consent-code-invalid");
		assertThat(docs.at("/components/schemas/Problem/properties/type/format").asText()).isEqualTo("uri");
	}

	@Test
	void noAmountOfMoneyIsANumber() {
		List<String> money = new ArrayList<>();
		docs.get("components").get("schemas").fields().forEachRemaining(schema -> {
			JsonNode properties = schema.getValue().path("properties");
			properties.fields().forEachRemaining(property -> {
				if (MONEY.matcher(property.getKey()).matches()) {
					JsonNode type = property.getValue();
					assertThat(type.path("type").asText()).as(schema.getKey() + "." + property.getKey())
						.isNotIn("number", "integer");
					if ("string".equals(type.path("type").asText())) {
						money.add(schema.getKey() + "." + property.getKey());
						assertThat(type.path("format").asText()).isEqualTo("decimal");
					}
				}
			});
		});

		assertThat(money).contains("CaseView.fee", "CaseView.depositRefund", "Money.amount");
	}

	@Test
	void timesAreDocumentedAsDateTimes() {
		Map<String, String> at = Map.of("openedAt", "CaseView", "due", "OpenTask", "generatedAt", "Dashboard");
		at.forEach((property, schema) -> assertThat(
				docs.at("/components/schemas/" + schema + "/properties/" + property + "/format").asText())
			.as(schema + "." + property)
			.isEqualTo("date-time"));
	}

}
