package org.unbinddesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;
import org.unbinddesk.support.WebTestSupport;

/**
 * What the Grafana dashboard reads from every node's {@code /actuator/prometheus}: histogram buckets (so p99 and the
 * review percentiles are computed across nodes) and engine metrics no older than a minute.
 */
// the Prometheus registry, as in production (tests otherwise run without one); so a context, engine and database of
// its own
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = { "camunda.bpm.generate-unique-process-engine-name=true",
		"spring.datasource.url=jdbc:h2:mem:unbinddesk-prometheus;DB_CLOSE_DELAY=-1" })
class MetricsForPrometheusTests extends WebTestSupport {

	private static final Pattern REVIEW_BUCKET = Pattern
		.compile("(?m)^unbinddesk_review_waiting_seconds_bucket\\{.*le=\"([0-9.eE+]+)\".*\\} ([0-9.eE+]+)$");

	@Autowired
	CaseMetrics caseMetrics;

	@Autowired
	ProcessEngine engine;

	String scrape() {
		Response response = get("ops1", "/actuator/prometheus");
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

	@Test
	void httpRequestsOfTheApiAreCountedInHistogramBuckets() {
		assertThat(get("intake1", "/api/unbinding-cases?size=1").status()).isEqualTo(200);

		String scraped = scrape();
		String request = "(?m)^http_server_requests_seconds_bucket\\{.*method=\"GET\".*uri=\"/api/unbinding-cases\"";
		assertThat(scraped).containsPattern(request + ".*le=\"0\\.001\".*\\} 0(\\.0)?$")
			.containsPattern(request + ".*le=\"\\+Inf\".*\\} 1(\\.0)?$");
	}

	@Test
	void reviewWaitingTimesOfHoursFallIntoBucketsUpToDays() {
		caseMetrics.reviewDecided(Duration.ofHours(3));

		Map<Double, Double> countUpTo = new TreeMap<>();
		Matcher bucket = REVIEW_BUCKET.matcher(scrape());
		while (bucket.find()) {
			countUpTo.put(Double.valueOf(bucket.group(1)), Double.valueOf(bucket.group(2)));
		}

		assertThat(countUpTo.keySet()).first().satisfies(le -> assertThat(le).isLessThanOrEqualTo(120.0));
		assertThat(countUpTo.keySet()).anySatisfy(le -> assertThat(le).isGreaterThanOrEqualTo(7 * 86_400.0));
		// a wait of 3 hours is told from one of 2 hours and one of 4 (the default buckets end at 30 seconds)
		double upTo2h = countUpTo.entrySet().stream().filter(e -> e.getKey() <= 2 * 3600).mapToDouble(Map.Entry::getValue)
			.max().orElseThrow();
		double upTo4h = countUpTo.entrySet().stream().filter(e -> e.getKey() >= 4 * 3600).mapToDouble(Map.Entry::getValue)
			.min().orElseThrow();
		assertThat(upTo4h - upTo2h).isEqualTo(1.0);
	}

	@Test
	void theEngineWritesItsMetricsEveryMinute() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();

		assertThat(configuration.getDbMetricsReporter().getReportingIntervalInSeconds()).isEqualTo(60);
	}

}
