package org.unbinddesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.unbinddesk.problem.ProblemTypes;
import org.unbinddesk.cases.CaseRequest;
import org.unbinddesk.cases.UnbindingCase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The case API's request contract on the web layer alone (seconds, no engine or database): what an intake system may
 * send, and the RFC 7807 problem, with the fields it names, for anything else. Who may call (the security chain), the
 * body-size limit (a servlet filter) and what a valid request does are proved over real HTTP by {@link BadInputTests}
 * and {@link CaseApiTests}.
 */
// the dashboard's controller is a WebMvcConfigurer too, which the slice would take in with its service
@WebMvcTest(controllers = CaseController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.unbinddesk\\.dashboard\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@Import(StrictJson.class)
class CaseApiContractTests {

	private static final String PROBLEMS = "https://unbinddesk.org/problems/";

	private static final String VALID = """
			{"channel": "PHONE", "merchantNo": "898110000000001", "terminalId": "T0000001", "reason": "BUSINESS_CLOSED",
			 "applicant": {"name": "张伟", "idNumber": "110101198001011232", "phone": "13800000001", "role": "LEGAL_PERSON"},
			 "documents": ["ID_CARD", "SETTLEMENT_CARD_COPY"]}""";

	private static final Principal INTAKE = () -> "intake1";

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CaseIntake intake;

	@MockitoBean
	CaseQueries queries;

	@MockitoBean
	CaseMessages messages;

	static Stream<Arguments> invalidFields() {
		return Stream.of(
				invalid("empty object", "{}", "channel", "merchantNo", "reason", "applicant", "terminalGiven"),
				invalid("unknown field", VALID.replace("\"channel\"", "\"extra\": 1, \"channel\""), "extra"),
				invalid("field given twice", VALID.replace("\"channel\"", "\"channel\": \"APP\", \"channel\""), "channel"),
				invalid("merchant number of 14 digits", VALID.replace("898110000000001", "89811000000000"), "merchantNo"),
				invalid("merchant number as a JSON number", VALID.replace("\"898110000000001\"", "898110000000001"),
						"merchantNo"),
				invalid("SQL injection in merchant number", VALID.replace("898110000000001", "898110000000001' OR '1'='1"),
						"merchantNo"),
				invalid("full-width digits in merchant number", VALID.replace("898110000000001", "８９８１１００００００００01"),
						"merchantNo"),
				invalid("terminal id of 9 characters", VALID.replace("T0000001", "T00000001"), "terminalId"),
				invalid("script in terminal id", VALID.replace("T0000001", "<script>alert(1)</script>"), "terminalId"),
				invalid("no terminal at all", VALID.replace("\"terminalId\": \"T0000001\",", ""), "terminalGiven"),
				invalid("unknown reason", VALID.replace("BUSINESS_CLOSED", "BORED"), "reason"),
				invalid("reason in lower case", VALID.replace("BUSINESS_CLOSED", "business_closed"), "reason"),
				invalid("channel null", VALID.replace("\"PHONE\"", "null"), "channel"),
				invalid("channel as a number", VALID.replace("\"PHONE\"", "5"), "channel"),
				invalid("applicant missing", VALID.replaceAll("\"applicant\": \\{[^}]*\\},", ""), "applicant"),
				invalid("applicant as a string", VALID.replaceAll("\\{\"name\"[^}]*\\}", "\"张伟\""), "applicant"),
				invalid("blank name", VALID.replace("张伟", "   "), "applicant.name"),
				invalid("name of 101 characters", VALID.replace("张伟", "a".repeat(101)), "applicant.name"),
				invalid("name of 10,000 characters", VALID.replace("张伟", "张".repeat(10_000)), "applicant.name"),
				invalid("control character in name", VALID.replace("张伟", "张\\u0000伟"), "applicant.name"),
				invalid("direction override in name", VALID.replace("张伟", "张\\u202E伟"), "applicant.name"),
				invalid("ID number with a wrong check digit", VALID.replace("110101198001011232", "110101198001011233"),
						"applicant.idNumber"),
				invalid("ID number of 17 digits", VALID.replace("110101198001011232", "11010119800101123"),
						"applicant.idNumber"),
				invalid("ID number with month 13", VALID.replace("110101198001011232", "110101198013011232"),
						"applicant.idNumber"),
				invalid("landline phone", VALID.replace("13800000001", "010-12345678"), "applicant.phone"),
				invalid("phone of 12 digits", VALID.replace("13800000001", "138000000011"), "applicant.phone"),
				invalid("unknown role", VALID.replace("LEGAL_PERSON", "OWNER"), "applicant.role"),
				invalid("documents not a list", VALID.replace("[\"ID_CARD\", \"SETTLEMENT_CARD_COPY\"]", "\"ID_CARD\""),
						"documents"),
				invalid("document code in lower case", VALID.replace("\"ID_CARD\"", "\"id_card\""), "documents[0]"),
				invalid("SQL injection as a document", VALID.replace("\"ID_CARD\"", "\"'; DROP TABLE notice; --\""),
						"documents[0]"),
				invalid("21 documents", VALID.replace("\"ID_CARD\", \"SETTLEMENT_CARD_COPY\"",
						String.join(",", Collections.nCopies(21, "\"ID_CARD\""))), "documents"),
				invalid("replacement SN with spaces",
						VALID.replace("\"documents\"", "\"replacementTerminalSn\": \"SN 1 2\", \"documents\""),
						"replacementTerminalSn"));
	}

	private static Arguments invalid(String name, String body, String... fields) {
		return Arguments.of(name, body, List.of(fields));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidFields")
	void namesEachInvalidFieldInAValidationProblem(String name, String body, List<String> fields) throws Exception {
		JsonNode problem = problem(open(body), 400, "validation");

		List<String> named = new ArrayList<>();
		problem.get("errors").forEach(error -> {
			named.add(error.get("field").asText());
			assertThat(error.get("message").asText()).as(name).isNotBlank();
		});
		assertThat(named).as(name).containsExactlyInAnyOrderElementsOf(fields);
		fields.forEach(field -> assertThat(problem.get("detail").asText()).as(name).contains(field + " "));
		verifyNoInteractions(intake);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedBodies")
	void answersABodyThatIsNotJsonForThisEndpointAsMalformed(String name, String body) throws Exception {
		JsonNode problem = problem(open(body), 400, "malformed-request");

		assertThat(problem.get("detail").asText()).isEqualTo("The request body is not valid JSON for this endpoint");
		verifyNoInteractions(intake);
	}

	static Stream<Arguments> malformedBodies() {
		return Stream.of(Arguments.of("empty body", ""), Arguments.of("JSON null", "null"),
				Arguments.of("JSON array", "[]"), Arguments.of("truncated JSON", "{\"channel\": \"PHONE\""),
				Arguments.of("not JSON at all", "unbind my terminal please"),
				Arguments.of("trailing data", VALID + " {}"));
	}

	@Test
	void answersAnUnknownFieldWithTheWholeProblemBody() throws Exception {
		MockHttpServletResponse response = open(VALID.replace("\"channel\"", "\"extra\": 1, \"channel\""));

		assertThat(JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8))).isEqualTo(JSON.readTree("""
				{"type": "https://unbinddesk.org/problems/validation", "title": "Invalid request", "status": 400,
				 "detail": "extra is not a known field", "instance": "/api/unbinding-cases",
				 "errors": [{"field": "extra", "message": "is not a known field"}]}"""));
	}

	@Test
	void listsTheReasonsAnUnknownEnumValueMayTake() throws Exception {
		JsonNode problem = problem(open(VALID.replace("BUSINESS_CLOSED", "BORED")), 400, "validation");

		assertThat(problem.get("errors").get(0).get("message").asText()).startsWith("must be one of [")
			.contains("DEVICE_FAULT", "LOST_DEVICE", "BUSINESS_CLOSED");
	}

	@Test
	void refusesContentOtherThanJson() throws Exception {
		JsonNode text = problem(send(post("/api/unbinding-cases").principal(INTAKE)
			.contentType(MediaType.TEXT_PLAIN)
			.content(VALID)), 415, "unsupported-media-type");
		JsonNode xml = problem(send(post("/api/unbinding-cases").principal(INTAKE)
			.contentType(MediaType.APPLICATION_XML)
			.content("<case/>")), 415, "unsupported-media-type");

		assertThat(text.get("detail").asText()).isEqualTo("Send the request body as application/json");
		assertThat(xml.get("detail").asText()).isEqualTo("Send the request body as application/json");
		verifyNoInteractions(intake);
	}

	@Test
	void refusesAnIdempotencyKeyThatIsTooLongOrNotPrintable() throws Exception {
		JsonNode tooLong = problem(open(VALID, "k".repeat(101)), 400, "validation");
		JsonNode unprintable = problem(open(VALID, "key with spaces"), 400, "validation");

		assertThat(tooLong.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
		assertThat(unprintable.get("errors").get(0))
			.isEqualTo(JSON.readTree("{\"field\": \"Idempotency-Key\", \"message\": \"must be printable ASCII\"}"));
		verifyNoInteractions(intake);
	}

	@Test
	void opensWithCreatedLocationAndWhetherItWasAReplay() throws Exception {
		String caseNumber = "UB-20261126-000001";
		given(intake.open(any(), eq("intake1"), eq("crm-4711")))
			.willReturn(new CaseIntake.Opened(openCase(caseNumber), false));
		given(queries.view(caseNumber)).willReturn(view(caseNumber));

		MockHttpServletResponse response = open(VALID, "crm-4711");

		assertThat(response.getStatus()).isEqualTo(201);
		assertThat(response.getHeader("Location")).isEqualTo("/api/unbinding-cases/" + caseNumber);
		assertThat(response.getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)).get("caseNumber").asText())
			.isEqualTo(caseNumber);
		verify(intake).open(any(), eq("intake1"), eq("crm-4711"));
	}

	@Test
	void answersAProblemOfTheIntakeWithItsStatusTypeAndProperties() throws Exception {
		given(intake.open(any(), any(), any())).willThrow(new ApiException(ProblemTypes.OPEN_CASE_EXISTS,
				"Terminal T0000001 already has open case UB-20261126-000001", Map.of("openCase", "UB-20261126-000001")));

		JsonNode problem = problem(open(VALID), 409, "open-case-exists");

		assertThat(problem.get("openCase").asText()).isEqualTo("UB-20261126-000001");
		assertThat(problem.toString()).doesNotContain("Exception", "org.unbinddesk");
	}

	@Test
	void refusesACaseNumberOrSearchParameterOfTheWrongShape() throws Exception {
		JsonNode caseNumber = problem(send(get("/api/unbinding-cases/UB-1").principal(INTAKE)), 400, "validation");
		JsonNode size = problem(send(get("/api/unbinding-cases?size=101").principal(INTAKE)), 400, "validation");
		JsonNode status = problem(send(get("/api/unbinding-cases?status=SLEEPING").principal(INTAKE)), 400,
				"validation");
		JsonNode day = problem(send(get("/api/unbinding-cases?from=26.11.2026").principal(INTAKE)), 400,
				"validation");

		assertThat(caseNumber.get("detail").asText()).isEqualTo("caseNumber is not a case number");
		assertThat(size.get("errors").get(0).get("field").asText()).isEqualTo("size");
		assertThat(status.get("errors").get(0).get("field").asText()).isEqualTo("status");
		assertThat(day.get("errors").get(0).get("field").asText()).isEqualTo("from");
		verifyNoInteractions(queries);
	}

	private MockHttpServletResponse open(String body) throws Exception {
		return send(post("/api/unbinding-cases").principal(INTAKE)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8)));
	}

	private MockHttpServletResponse open(String body, String idempotencyKey) throws Exception {
		return send(post("/api/unbinding-cases").principal(INTAKE)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", idempotencyKey)
			.content(body.getBytes(StandardCharsets.UTF_8)));
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	/** The response as a problem of the given status and type, in application/problem+json. */
	private static JsonNode problem(MockHttpServletResponse response, int status, String type) throws Exception {
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isEqualTo(status);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.get("type").asText()).isEqualTo(PROBLEMS + type);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		return problem;
	}

	private static UnbindingCase openCase(String caseNumber) {
		return new UnbindingCase(caseNumber, "pi-1", new CaseRequest("PHONE", "898110000000001", "T0000001", null,
				"BUSINESS_CLOSED", "张伟", "110101198001011232", "13800000001", "LEGAL_PERSON", null),
				LocalDateTime.of(2026, 11, 26, 10, 0));
	}

	private static CaseView view(String caseNumber) {
		return new CaseView(caseNumber, "OPEN", "APPLICATION", null, null, LocalDateTime.of(2026, 11, 26, 10, 0), null,
				"PHONE", "BUSINESS_CLOSED", null, null, null, null, null, null, List.of(), null, List.of(), null, null,
				null, null, null, List.of(), List.of(), List.of(), List.of(), List.of());
	}

}
