package org.unbinddesk.consent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param codeLifetime how long a one-time code is good for
 * @param maxWrongTries wrong codes that invalidate it
 * @param resendInterval the least time between two codes for one case and purpose (each is an SMS to the merchant)
 */
@ConfigurationProperties("unbinddesk.consent")
public record ConsentSettings(@DefaultValue("PT10M") Duration codeLifetime, @DefaultValue("5") int maxWrongTries,
		@DefaultValue("PT1M") Duration resendInterval) {
}
