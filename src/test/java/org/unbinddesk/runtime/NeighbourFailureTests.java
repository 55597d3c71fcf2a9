package org.unbinddesk.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The identity service and the settlement system as HTTP neighbours (WireMock): a slow, failing or garbled answer
 * makes the engine retry and then raise an incident; once the neighbour is back, retrying the incident completes the
 * case, and nothing was recorded twice.
 */
// a context of its own: its engine must not take the name of the shared one, whose REST API and web apps find it by name
@TestPropertySource(properties = { "camunda.bpm.generate-unique-process-engine-name=true",
		"spring.datasource.url=jdbc:h2:mem:unbinddesk-neighbours;DB_CLOSE_DELAY=-1", "unbinddesk.identity.mode=http", "unbinddesk.settlement.mode=http", "unbinddesk.identity.http.read-timeout=1500ms",
		"unbinddesk.settlement.http.read-timeout=1500ms" })
class NeighbourFailureTests extends ProcessTestSupport {

	static final WireMockServer neighbours = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		neighbours.start();
	}

	@DynamicPropertySource
	static void neighbourUrls(DynamicPropertyRegistry properties) {
		properties.add("unbinddesk.identity.http.base-url", neighbours::baseUrl);
		properties.add("unbinddesk.settlement.http.base-url", neighbours::baseUrl);
	}

	@AfterAll
	static void stop() {
		neighbours.stop();
	}

	@BeforeEach
	void healthyNeighbours() {
		neighbours.resetAll();
		neighbours.stubFor(post(urlPathEqualTo("/verifications")).willReturn(okJson("{\"result\": \"PASS\"}")));
		neighbours.stubFor(get(urlPathMatching("/merchants/.*/unbind-status"))
			.willReturn(okJson("{\"unsettled\": false, \"blockReasons\": []}")));
		neighbours.stubFor(get(urlPathMatching("/merchants/.*/post-unbind-check")).willReturn(okJson("{\"issues\": []}")));
	}

	private Job failUntilIncident(ProcessInstance pi, String message) {
		Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
		for (int attempt = 0; attempt < 3; attempt++) {
			String id = job.getId();
			assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining(message);
			job = management.createJobQuery().jobId(id).singleResult();
		}
		assertThat(job.getRetries()).isZero();
		return job;
	}

	@Test
	void failingIdentityServiceRaisesAnIncidentAndTheRetryCompletesTheCase() {
		Merchant m = registry.merchant();
		neighbours.stubFor(post(urlPathEqualTo("/verifications")).willReturn(aResponse().withStatus(503)));
		ProcessInstance pi = start(applicationFor(m, "BUSINESS_CLOSED"));

		Job job = failUntilIncident(pi, "503");

		Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
		assertThat(incident.getActivityId()).isEqualTo("Task_VerifyIdentity");
		assertThat(pi).isWaitingAt("Task_VerifyIdentity");

		healthyNeighbours();
		management.setJobRetries(job.getId(), 1);
		runAsyncSteps(pi);

		assertThat(pi).isWaitingAt("Task_ReviewApplication");
		assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
		assertThat(auditActionsOf(pi)).containsOnlyOnce("IDENTITY_CHECKED");
		// one call since the service came back (resetting the stubs cleared the failed ones)
		neighbours.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/verifications")));
	}

	@Test
	void slowSettlementSystemTimesOutIntoAnIncidentAndTheRetryCompletesTheCase() {
		Merchant m = registry.merchant();
		neighbours.stubFor(get(urlPathMatching("/merchants/.*/unbind-status"))
			.willReturn(okJson("{\"unsettled\": false, \"blockReasons\": []}").withFixedDelay(6000)));
		ProcessInstance pi = start(applicationFor(m, "BUSINESS_CLOSED"));
		management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
		assertThat(pi).isWaitingAt("Task_VerifyAccountStatus");

		Job job = failUntilIncident(pi, "I/O error on GET request");

		assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult().getActivityId())
			.isEqualTo("Task_VerifyAccountStatus");
		healthyNeighbours();
		management.setJobRetries(job.getId(), 1);
		runAsyncSteps(pi);
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		runAsyncSteps(pi);
		returnDevice(pi);

		assertThat(pi).isEnded().hasPassed("Event_TerminalUnbound");
		assertThat(auditActionsOf(pi)).containsOnlyOnce("ACCOUNT_CHECKED").containsOnlyOnce("TERMINAL_UNBOUND");
	}

	@Test
	void garbledAnswersAreTechnicalFailuresNotBusinessOutcomes() {
		Merchant m = registry.merchant();
		neighbours.stubFor(post(urlPathEqualTo("/verifications")).willReturn(okJson("{\"result\": \"MAYBE\"}")));
		ProcessInstance pi = start(applicationFor(m, "BUSINESS_CLOSED"));

		failUntilIncident(pi, "unknown result: MAYBE");

		assertThat(pi).isWaitingAt("Task_VerifyIdentity");
		assertThat(caseOf(pi).getOutcome()).isNull();
		neighbours.stubFor(post(urlPathEqualTo("/verifications")).willReturn(okJson("[1, 2")));
		Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
		management.setJobRetries(job.getId(), 1);
		assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
		assertThat(pi).isWaitingAt("Task_VerifyIdentity");
	}

}
