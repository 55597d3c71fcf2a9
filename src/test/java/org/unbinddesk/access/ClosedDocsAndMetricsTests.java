package org.unbinddesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.unbinddesk.support.WebTestSupport;

/**
 * As the postgres profile sets it: Prometheus and the API docs need a login; health stays open for load balancers.
 */
// a context of its own: its engine must not take the name of the shared one, whose REST API and web apps find it by name
@TestPropertySource(properties = { "camunda.bpm.generate-unique-process-engine-name=true",
		"unbinddesk.security.open-docs-and-metrics=false",
		"spring.datasource.url=jdbc:h2:mem:unbinddesk-closed-docs;DB_CLOSE_DELAY=-1" })
class ClosedDocsAndMetricsTests extends WebTestSupport {

	@Test
	void prometheusAndApiDocsNeedALoginHealthDoesNot() {
		assertThat(get(null, "/actuator/prometheus").status()).isEqualTo(401);
		assertThat(get("reviewer1", "/actuator/prometheus").status()).isEqualTo(403);
		// let through (tests run without a metrics registry, so the endpoint itself answers 404 here)
		assertThat(get("ops1", "/actuator/prometheus").status()).isNotIn(401, 403);
		assertThat(get(null, "/v3/api-docs").status()).isEqualTo(401);
		assertThat(get("intake1", "/v3/api-docs").status()).isEqualTo(200);
		assertThat(get(null, "/actuator/health").status()).isEqualTo(200);
	}

}
