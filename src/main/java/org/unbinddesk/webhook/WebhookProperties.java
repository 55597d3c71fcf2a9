package org.unbinddesk.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.unbinddesk.notice.NoticeProperties.Dispatch;

/**
 * @param dispatch how events are sent: the same settings as notices (5 tries over 30 minutes by default)
 */
@ConfigurationProperties("unbinddesk.webhooks")
public record WebhookProperties(@DefaultValue Dispatch dispatch) {
}
