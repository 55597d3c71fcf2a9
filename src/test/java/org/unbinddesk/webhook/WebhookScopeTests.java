package org.unbinddesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.access.Groups;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.WebTestSupport;

/** A client hears of the cases it opened, never of another client's (their numbers, stages and notices). */
class WebhookScopeTests extends WebTestSupport {

	private static final String OTHER_CLIENT = "intake9";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityService identity;

	@AfterEach
	void unsubscribe() {
		jdbc.sql("delete from webhook_event").update();
		jdbc.sql("delete from webhook_subscription").update();
	}

	@Test
	void eventsGoOnlyToTheClientThatOpenedTheCase() {
		if (identity.createUserQuery().userId(OTHER_CLIENT).count() == 0) {
			User user = identity.newUser(OTHER_CLIENT);
			user.setPassword("demo");
			identity.saveUser(user);
			identity.createMembership(OTHER_CLIENT, Groups.INTAKE);
		}
		subscribe("intake1");
		subscribe(OTHER_CLIENT);

		Merchant m = registry.merchant();
		String caseNumber = post("intake1", "/api/unbinding-cases", m.applicationJson("APP", "BUSINESS_CLOSED")).json()
			.get("caseNumber")
			.asText();
		runAsyncSteps();

		assertThat(eventsFor(caseNumber, "intake1")).isPositive();
		assertThat(eventsFor(caseNumber, OTHER_CLIENT)).isZero();
		assertThat(jdbc.sql("select opened_by from unbinding_case where case_number = ?")
			.param(caseNumber)
			.query(String.class)
			.single()).isEqualTo("intake1");
	}

	private void subscribe(String client) {
		Response response = send(client, HttpRequest.newBuilder(uri("/api/webhook-subscription"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(
					"{\"url\": \"http://localhost:9/hooks/" + client + "\", \"secret\": \"webhook-secret-of-" + client
							+ "-0001\"}")));
		assertThat(response.status()).isEqualTo(200);
	}

	private long eventsFor(String caseNumber, String client) {
		return jdbc.sql("select count(*) from webhook_event where case_number = ? and client_id = ?")
			.params(caseNumber, client)
			.query(Long.class)
			.single();
	}

}
