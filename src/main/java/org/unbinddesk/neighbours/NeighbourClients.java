package org.unbinddesk.neighbours;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * HTTP clients of the systems Unbind Desk depends on in production, each with its own base URL and timeouts. A slow or
 * failing neighbour surfaces as an exception: the engine retries the step and then raises an incident.
 */
public final class NeighbourClients {

	private NeighbourClients() {
	}

	/**
	 * @param baseUrl where the service answers
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for an answer
	 */
	public record Endpoint(String baseUrl, @DefaultValue("2s") Duration connectTimeout,
			@DefaultValue("5s") Duration readTimeout) {

		RestClient client() {
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(connectTimeout)
				.build();
			JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
			requests.setReadTimeout(readTimeout);
			return RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
		}
	}

	@ConfigurationProperties("unbinddesk.identity")
	public record IdentityServiceProperties(Endpoint http) {
	}

	@ConfigurationProperties("unbinddesk.settlement")
	public record SettlementServiceProperties(Endpoint http) {
	}

}
