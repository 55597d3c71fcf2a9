package org.unbinddesk.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The application on a random port, called over real HTTP with the JDK client (so tests control every byte: content
 * types, bodies, headers). The job executor is off: tests run asynchronous steps themselves.
 */
@ServiceTest
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

	private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("验证码(\\d{6})|code to .* is (\\d{6})");

	/**
	 * What the merchant does before a fee decision or a cancellation: asks for a one-time code (FEE or CANCELLATION)
	 * and reads it from the SMS, here the demo outbox.
	 */
	protected String consentCode(String user, String caseNumber, String purpose) {
		Response sent = post(user, "/api/unbinding-cases/" + caseNumber + "/consent-codes",
				"{\"purpose\": \"" + purpose + "\"}");
		if (sent.status() != 202) {
			throw new IllegalStateException("No code sent: " + sent.status() + " " + sent.body());
		}
		return lastCodeFor(caseNumber);
	}

	/** The code in the latest one-time code SMS of the case in the demo outbox. */
	protected String lastCodeFor(String caseNumber) {
		JsonNode messages = get("intake1", "/api/demo/outbox?caseNumber=" + caseNumber).json();
		for (int i = messages.size() - 1; i >= 0; i--) {
			if ("CONSENT_CODE".equals(messages.get(i).get("type").asText())) {
				java.util.regex.Matcher m = CODE.matcher(messages.get(i).get("text").asText());
				if (m.find()) {
					return m.group(1) != null ? m.group(1) : m.group(2);
				}
			}
		}
		throw new IllegalStateException("No one-time code in the demo outbox for " + caseNumber);
	}

	/** When this test began: the jobs it may run are those made since (see {@link #runAsyncSteps()}). */
	private Date testBegan;

	@BeforeEach
	void rememberWhenTestBegan() {
		testBegan = new Date(System.currentTimeMillis() - 1);
	}

	/**
	 * Runs the asynchronous steps and due timers of the cases this test made until none is due. Jobs made before the
	 * test began are left alone: the engine is shared by the test classes, and a job another test left failing on
	 * purpose would otherwise fail this one.
	 */
	protected void runAsyncSteps() {
		Jobs.runAll(management, () -> management.createJobQuery().executable().createdAfter(testBegan));
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
