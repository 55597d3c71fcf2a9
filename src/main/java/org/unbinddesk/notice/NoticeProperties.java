package org.unbinddesk.notice;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notices are worded and delivered ({@code unbinddesk.notices.*}).
 * @param delivery {@code gateways}: the SMS and WeChat gateways and the mail server; {@code outbox}: the demo outbox
 * @param signature the acquirer's name every Chinese notice is signed with (【…】)
 * @param signatureEn the same name for English notices
 * @param hotline the official customer-service number every notice names
 * @param callbackSecret the key gateways sign their delivery receipts with (HMAC-SHA256)
 */
@ConfigurationProperties("unbinddesk.notices")
public record NoticeProperties(@DefaultValue("gateways") String delivery, String signature, String signatureEn,
		String hotline, String callbackSecret, @DefaultValue Dispatch dispatch, @DefaultValue Gateway sms,
		@DefaultValue Gateway wechat, @DefaultValue Mail mail) {

	public boolean toOutbox() {
		return "outbox".equals(delivery);
	}

	/**
	 * @param enabled whether this node sends (tests send themselves)
	 * @param batch notices taken per round
	 * @param lease how long a node holds the notices of a round; it sends while half of it is left, so more than
	 *        twice a gateway's timeouts
	 * @param maxAttempts tries before a notice is failed for good
	 * @param retryWindow the time the retries spread over, doubling each wait
	 */
	public record Dispatch(@DefaultValue("true") boolean enabled, @DefaultValue("20") int batch,
			@DefaultValue("PT2M") Duration lease, @DefaultValue("5") int maxAttempts,
			@DefaultValue("PT30M") Duration retryWindow) {

		/** The wait after the {@code failedAttempts}-th failure; null when no attempt is left. */
		public Duration backoff(int failedAttempts) {
			if (failedAttempts >= maxAttempts) {
				return null;
			}
			long parts = (1L << (maxAttempts - 1)) - 1;
			return retryWindow.multipliedBy(1L << (failedAttempts - 1)).dividedBy(Math.max(1, parts));
		}
	}

	/**
	 * An HTTP gateway (SMS, WeChat template messages).
	 * @param url base URL of the gateway
	 * @param account our account there (WeChat: the official account's app id)
	 * @param apiKey the key sent as a bearer token
	 * @param signName the SMS signature the gateway registered for us
	 * @param templates the gateway's template id for each notice type
	 */
	public record Gateway(String url, String account, String apiKey, String signName, Map<String, String> templates,
			@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {

		String template(String noticeType) {
			return templates == null ? null : templates.get(noticeType);
		}
	}

	/** @param from the sender address of notice e-mails */
	public record Mail(String from) {
	}

}
