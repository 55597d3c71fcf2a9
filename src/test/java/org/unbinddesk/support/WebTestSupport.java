package org.unbinddesk.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The application on a random port, called over real HTTP with the JDK client (so tests control every byte: content
 * types, bodies, headers). The job executor is off: tests run asynchronous steps themselves.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles(resolver = TestProfiles.class)
public abstract class WebTestSupport {

	protected static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	protected int port;

	@Autowired
	protected RegistryFixtures registry;

	@Autowired
	protected ManagementService management;

	protected Response get(String user, String path) {
		return send(user, HttpRequest.newBuilder(uri(path)).GET());
	}

	protected Response post(String user, String path, String json, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.setHeader(headers[i], headers[i + 1]);
		}
		return send(user, builder);
	}

	protected Response send(String user, HttpRequest.Builder builder) {
		if (user != null) {
			builder.setHeader("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<String> response = client.send(builder.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null), response.body(),
					response.headers().firstValue("Idempotent-Replayed").orElse(null));
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** Runs the asynchronous steps and due timers of every case until none is due. */
	protected void runAsyncSteps() {
		Jobs.runAll(management, () -> management.createJobQuery().executable());
	}

	public record Response(int status, String contentType, String location, String body, String replayed) {

		public JsonNode json() {
			try {
				return JSON.readTree(body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON: " + body, ex);
			}
		}

	}

}
