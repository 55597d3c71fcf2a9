package org.unbinddesk.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many unbinding requests one terminal and one merchant may make in a day (DOMAIN: a daily limit per
 * terminal/merchant resists impostors trying again and again). Counted from midnight, every outcome included.
 */
@ConfigurationProperties("unbinddesk.limits")
public record CaseLimits(@DefaultValue("3") int casesPerTerminalPerDay, @DefaultValue("10") int casesPerMerchantPerDay) {

}
