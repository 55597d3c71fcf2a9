package org.unbinddesk.runtime;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Where a system Unbind Desk depends on in production answers, with its own timeouts. A slow or failing neighbour
 * surfaces as an exception: the engine retries the step and then raises an incident.
 *
 * @param baseUrl where the service answers
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
public record HttpEndpoint(String baseUrl, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout) {

	public RestClient client() {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(readTimeout);
		return RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
	}

}
