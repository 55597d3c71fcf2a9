package org.unbinddesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.unbinddesk.support.ServiceTest;
import org.unbinddesk.support.Jobs;
import org.unbinddesk.cases.UnbindingCaseRepository;
import org.unbinddesk.support.RegistryFixtures;
import org.unbinddesk.support.RegistryFixtures.Merchant;

/**
 * The engine REST API over real HTTP: authentication first, then a case started the way a generic Camunda client
 * starts it reaches the reviewers.
 */
@ServiceTest
class EngineRestTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	RegistryFixtures registry;

	@Autowired
	ManagementService management;

	@Autowired
	UnbindingCaseRepository cases;

	@Test
	void refusesRequestsWithoutValidCredentials() {
		assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.withBasicAuth("nobody", "wrong")
			.getForEntity("/engine-rest/process-definition", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.withBasicAuth("reviewer1", "demo")
			.getForEntity("/engine-rest/process-definition", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void caseStartedThroughEngineRestShowsUpForReviewers() {
		Merchant m = registry.merchant();
		Map<String, Object> body = Map.of("variables", Map.of("channel", value("PHONE"), "merchantNo",
				value(m.merchantNo()), "terminalId", value(m.terminalId()), "reason", value("BUSINESS_CLOSED"),
				"applicantName", value(m.legalName()), "applicantIdNumber", value(m.idNumber()), "applicantPhone",
				value(m.phone()), "applicantRole", value("LEGAL_PERSON"), "documents",
				value("ID_CARD,SETTLEMENT_CARD_COPY")));
		ResponseEntity<Map<String, Object>> started = startThroughEngineRest(body);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String caseNumber = (String) started.getBody().get("businessKey");
		assertThat(caseNumber).matches("UB-\\d{8}-\\d{6,}");
		// who started it is the case's record (not a process variable)
		assertThat(cases.findById(caseNumber).orElseThrow().getOpenedBy()).isEqualTo("agent1");
		String processInstanceId = (String) started.getBody().get("id");
		Jobs.runAll(management, () -> management.createJobQuery().processInstanceId(processInstanceId).executable());

		ResponseEntity<List<Map<String, Object>>> reviews = http.withBasicAuth("reviewer1", "demo")
			.exchange("/engine-rest/task?candidateGroup=reviewers&processInstanceBusinessKey=" + caseNumber,
					HttpMethod.GET, null, new ParameterizedTypeReference<>() {
					});
		assertThat(reviews.getBody()).singleElement()
			.satisfies(task -> assertThat((String) task.get("name")).startsWith("审核解绑申请 · "
					+ caseNumber));
	}

	private ResponseEntity<Map<String, Object>> startThroughEngineRest(Map<String, Object> body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.withBasicAuth("agent1", "demo")
			.exchange("/engine-rest/process-definition/key/TerminalUnbinding/start", HttpMethod.POST,
					new HttpEntity<>(body, headers), new ParameterizedTypeReference<>() {
					});
	}

	private static Map<String, Object> value(String v) {
		return Map.of("value", v, "type", "String");
	}


	@Test
	void caseStartedThroughEngineRestWithBadVariablesEndsAsRequestInvalid() {
		Map<String, Object> body = Map.of("variables", Map.of("merchantNo", Map.of("value", 42, "type", "Integer"),
				"reason", value("BORED")));
		ResponseEntity<Map<String, Object>> started = startThroughEngineRest(body);

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(started.getBody().get("ended")).isEqualTo(true);
		ResponseEntity<Map<String, Object>> view = http.withBasicAuth("agent1", "demo")
			.exchange("/api/unbinding-cases/" + started.getBody().get("businessKey"), HttpMethod.GET, null,
					new ParameterizedTypeReference<>() {
					});
		assertThat(view.getBody()).containsEntry("status", "CLOSED").containsEntry("outcome", "REQUEST_INVALID");
		assertThat((String) view.getBody().get("outcomeReason")).startsWith("The request is incomplete or malformed");
	}

}
