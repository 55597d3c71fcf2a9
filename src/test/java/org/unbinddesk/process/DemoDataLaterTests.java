package org.unbinddesk.process;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo data's paths 30 days after the database was made: a service whose clock is 30 days on starts on a fresh
 * demo database (its migrations stamp the rows with the database's own today) and must still show every row of the
 * README's table, because each start of the demo profile counts the dates again from the service's clock.
 */
@Import(DemoDataLaterTests.ThirtyDaysOn.class)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:unbinddesk-demo-later;DB_CLOSE_DELAY=-1",
		"camunda.bpm.process-engine-name=demoLater" })
class DemoDataLaterTests extends DemoDataTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class ThirtyDaysOn {

		@Bean
		@Primary
		Clock thirtyDaysOn(@org.springframework.beans.factory.annotation.Value("${unbinddesk.business-zone}") ZoneId zone) {
			return Clock.offset(Clock.system(zone), Duration.ofDays(30));
		}

	}

}
