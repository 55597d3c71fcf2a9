package org.unbinddesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.WebTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each group sees and does only what it should, through the engine REST API and the web apps' login.
 */
class AuthorizationTests extends WebTestSupport {

	private String caseAtReview() {
		Merchant m = registry.merchant();
		String body = m.applicationJson("PHONE", "BUSINESS_CLOSED");
		String caseNumber = post("intake1", "/api/unbinding-cases", body).json().get("caseNumber").asText();
		runAsyncSteps();
		return caseNumber;
	}

	private JsonNode tasksOf(String user, String caseNumber) {
		return get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber).json();
	}

	@Test
	void onlyTheCandidateGroupSeesAndWorksAReviewTask() {
		String caseNumber = caseAtReview();

		assertThat(tasksOf("reviewer1", caseNumber)).hasSize(1);
		assertThat(tasksOf("agent1", caseNumber)).isEmpty();
		assertThat(tasksOf("intake1", caseNumber)).isEmpty();
		assertThat(tasksOf("ops1", caseNumber)).isEmpty();
		String taskId = tasksOf("reviewer1", caseNumber).get(0).get("id").asText();

		Response intakeCompletes = post("intake1", "/engine-rest/task/" + taskId + "/complete",
				"{\"variables\": {\"reviewDecision\": {\"value\": \"APPROVE\"}}}");
		Response agentClaims = post("agent1", "/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"agent1\"}");

		assertThat(intakeCompletes.status()).isEqualTo(403);
		assertThat(agentClaims.status()).isEqualTo(403);
		assertThat(tasksOf("reviewer1", caseNumber)).hasSize(1);
	}

	@Test
	void onlyIntakeAndAgentsStartCases() {
		String start = "{\"variables\": {}}";

		assertThat(post("reviewer1", "/engine-rest/process-definition/key/TerminalUnbinding/start", start).status())
			.isEqualTo(403);
		assertThat(post("ops1", "/engine-rest/process-definition/key/TerminalUnbinding/start", start).status())
			.isEqualTo(403);
		assertThat(post("agent1", "/engine-rest/process-definition/key/TerminalUnbinding/start", start).status())
			.isEqualTo(200);
	}

	@Test
	void nobodyButAdminsTouchesDeploymentsOrUsers() {
		String newUser = "{\"profile\": {\"id\": \"mallory\"}, \"credentials\": {\"password\": \"x\"}}";

		assertThat(get("reviewer1", "/engine-rest/deployment").json()).isEmpty();
		assertThat(post("intake1", "/engine-rest/user/create", newUser).status()).isEqualTo(403);
		assertThat(post("supervisor1", "/engine-rest/user/create", newUser).status()).isEqualTo(403);
		assertThat(get("intake1", "/engine-rest/user?id=admin").json()).isEmpty();
	}

	@Test
	void eachGroupLogsIntoItsOwnWebApps() {
		assertThat(webLogin("agent1", "tasklist")).isEqualTo(200);
		assertThat(webLogin("reviewer1", "tasklist")).isEqualTo(200);
		assertThat(webLogin("reviewer1", "admin")).isEqualTo(403);
		assertThat(webLogin("reviewer1", "cockpit")).isEqualTo(403);
		assertThat(webLogin("supervisor1", "cockpit")).isEqualTo(200);
		assertThat(webLogin("ops1", "cockpit")).isEqualTo(200);
		assertThat(webLogin("intake1", "tasklist")).isEqualTo(403);
		assertThat(webLogin("intake1", "cockpit")).isEqualTo(403);
	}

	/** Logs into a web app the way the browser does: CSRF cookie first, then the form post with its token. */
	private int webLogin(String user, String app) {
		try {
			java.net.CookieManager cookies = new java.net.CookieManager();
			java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
			browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).GET().build(),
					java.net.http.HttpResponse.BodyHandlers.discarding());
			String token = cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.findFirst()
				.orElseThrow()
				.getValue();
			return browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-XSRF-TOKEN", token)
				.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
				.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
