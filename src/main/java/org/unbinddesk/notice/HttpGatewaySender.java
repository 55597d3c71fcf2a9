package org.unbinddesk.notice;

import java.net.http.HttpClient;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.unbinddesk.notice.NoticeProperties.Gateway;
import org.unbinddesk.privacy.Masks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An HTTP message gateway (SMS, WeChat template messages): a JSON POST with our account and key, the delivery id as
 * {@code Idempotency-Key} and {@code outId} (the gateway drops a second message with the same id), answered
 * {@code {"code": "OK", "messageId": …}}. Anything else (no connection, a timeout, a 5xx, another code, an answer
 * that is not that JSON) is a failed attempt.
 */
abstract class HttpGatewaySender implements NoticeSender {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final RestClient client;

	private final String path;

	protected final Gateway gateway;

	HttpGatewaySender(Gateway gateway, String path) {
		this.gateway = gateway;
		this.path = path;
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(gateway.connectTimeout())
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(gateway.readTimeout());
		this.client = RestClient.builder()
			.baseUrl(gateway.url() == null ? "http://localhost" : gateway.url())
			.requestFactory(requests)
			.build();
	}

	abstract Map<String, Object> body(Delivery delivery);

	@Override
	public String send(Delivery delivery) {
		if (gateway.url() == null || gateway.url().isBlank()) {
			throw new DeliveryFailed(channel() + " gateway is not configured");
		}
		String answer;
		try {
			answer = client.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + (gateway.apiKey() == null ? "" : gateway.apiKey()))
				.header("Idempotency-Key", delivery.deliveryId())
				.body(body(delivery))
				.retrieve()
				.body(String.class);
		}
		catch (RuntimeException ex) {
			throw new DeliveryFailed(channel() + " gateway: " + ex.getClass().getSimpleName() + " " + brief(ex.getMessage()),
					ex);
		}
		JsonNode json;
		try {
			json = answer == null ? null : JSON.readTree(answer);
		}
		catch (Exception ex) {
			json = null;
		}
		if (json == null || !json.isObject()) {
			throw new DeliveryFailed(channel() + " gateway gave an answer that is not JSON");
		}
		String code = json.path("code").asText("");
		if (!"OK".equals(code)) {
			throw new DeliveryFailed(channel() + " gateway refused the message: " + brief(code + " "
					+ json.path("message").asText("")));
		}
		String messageId = json.path("messageId").asText("");
		if (messageId.isBlank()) {
			throw new DeliveryFailed(channel() + " gateway answered without a message id");
		}
		return brief(messageId);
	}

	private static String brief(String text) {
		if (text == null) {
			return "";
		}
		// a gateway may echo the request: never keep a phone number from it
		String oneLine = Masks.scrub(text.replaceAll("\\s+", " ").strip(), 500);
		return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 100);
	}

}
