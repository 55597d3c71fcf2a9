package org.unbinddesk.runtime;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's clock, in the business time zone (default Asia/Shanghai, whatever the server's zone): case numbers'
 * dates, deadlines, working days and the times on the registry's rows are the acquirer's local time.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock(@Value("${unbinddesk.business-zone:Asia/Shanghai}") ZoneId businessZone) {
		return Clock.system(businessZone);
	}

}
