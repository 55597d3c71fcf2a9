package org.unbinddesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.bench.Measure.Result;
import org.unbinddesk.support.RegistryFixtures.Merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The load generator's side of the wire: intake systems opening cases, agents starting them through Camunda's REST
 * API, a pool of reviewers deciding in turn, a supervisor reading the dashboard. Requests go to the nodes given in
 * turn, as a round-robin balancer would send them.
 */
final class HttpLoad {

	/** Whole cases carry their own reason, to tell them from the cases of the start measurements. */
	static final String WHOLE_CASE_REASON = "DEVICE_REPLACEMENT";

	static final int REVIEWERS = 32;

	/** A case's open review, found by case number (the business key, an indexed column). */
	static final String REVIEW_OF_CASE = "/engine-rest/task?taskDefinitionKey=Task_ReviewApplication"
			+ "&candidateGroup=reviewers&processInstanceBusinessKey=";

	/** The same review found by its process instance, the key Camunda's task query can start from on H2. */
	static final String REVIEW_OF_PROCESS = "/engine-rest/task?taskDefinitionKey=Task_ReviewApplication"
			+ "&candidateGroup=reviewers&processInstanceId=";

	record WholeCases(Result result, List<String> caseNumbers) {
	}

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final ObjectMapper json = new ObjectMapper();

	private final AtomicInteger nextNode = new AtomicInteger();

	private volatile int[] ports;

	/** Completions the engine refused (and the simulated reviewer retried), since the last call of {@link #refused}. */
	private final AtomicInteger refusedCompletions = new AtomicInteger();

	/** Look-ups of a case's review by the simulated reviewers, since the last call of {@link #reviewLookups}. */
	private final AtomicInteger reviewLookups = new AtomicInteger();

	HttpLoad(int... ports) {
		this.ports = ports;
	}

	void sendTo(int... ports) {
		this.ports = ports;
	}

	int refused() {
		return refusedCompletions.getAndSet(0);
	}

	int reviewLookups() {
		return reviewLookups.getAndSet(0);
	}

	/**
	 * Reviewers of their own ({@code benchreviewer1} …), members of {@code reviewers}, created by the demo admin: two
	 * simulated reviewers acting as the same user could both claim one task and race to complete it.
	 */
	void createReviewers() throws Exception {
		for (int r = 1; r <= REVIEWERS; r++) {
			String id = "benchreviewer" + r;
			expect(post("admin", "admin", "/engine-rest/user/create", """
					{"profile": {"id": "%s", "firstName": "Bench", "lastName": "Reviewer %d", "email": "%s@bench.invalid"},
					 "credentials": {"password": "demo"}}""".formatted(id, r, id)), 204);
			expect(send("admin", "admin", "/engine-rest/group/reviewers/members/" + id,
					HttpRequest.BodyPublishers.noBody(), "PUT"), 204);
		}
	}

	Result apiStarts(List<Merchant> merchants, int concurrency) throws Exception {
		return Measure.run("start via POST /api/unbinding-cases", concurrency, merchants.size(),
				i -> expect(post("intake1", "/api/unbinding-cases", application(merchants.get(i))), 201));
	}

	Result engineRestStarts(List<Merchant> merchants, int concurrency) throws Exception {
		return Measure.run("start via engine REST", concurrency, merchants.size(),
				i -> expect(post("agent1", "/engine-rest/process-definition/key/TerminalUnbinding/start",
						engineStart(merchants.get(i))), 200));
	}

	/**
	 * Cases from contact to "Terminal unbound": intake opens them over the case API while {@code concurrency}
	 * reviewers claim and approve them over the engine REST API; the service's job executor runs the rest. Ends when
	 * the registry says every one is unbound (fails after 10 minutes).
	 */
	WholeCases wholeCases(JdbcClient jdbc, List<Merchant> merchants, int concurrency) throws Exception {
		int count = merchants.size();
		BlockingQueue<String> toReview = new LinkedBlockingQueue<>();
		List<String> caseNumbers = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger startErrors = new AtomicInteger();
		long t0 = System.nanoTime();
		Thread intake = new Thread(() -> {
			try {
				Result starts = Measure.run("starts", concurrency, count, i -> {
					HttpResponse<String> r = expect(post("intake1", "/api/unbinding-cases",
							application(merchants.get(i)).replace("BUSINESS_CLOSED", WHOLE_CASE_REASON)), 201);
					String caseNumber = json.readTree(r.body()).get("caseNumber").asText();
					caseNumbers.add(caseNumber);
					toReview.add(caseNumber);
				});
				startErrors.set(starts.errors());
			}
			catch (Exception ex) {
				startErrors.set(count);
			}
		});
		intake.start();
		AtomicInteger nextReviewer = new AtomicInteger();
		ThreadLocal<String> reviewer = ThreadLocal
			.withInitial(() -> "benchreviewer" + (1 + nextReviewer.getAndIncrement() % REVIEWERS));
		Result reviews = Measure.run("reviews", concurrency, count, i -> {
			String caseNumber = toReview.poll(2, TimeUnit.MINUTES);
			if (caseNumber == null) {
				throw new IllegalStateException("no case to review came in 2 minutes");
			}
			review(reviewer.get(), caseNumber);
		});
		intake.join();
		List<String> mine = List.copyOf(caseNumbers);
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		long unbound;
		while ((unbound = jdbc.sql("select count(*) from unbinding_case where outcome = 'UNBOUND' and case_number in (:c)")
			.param("c", mine)
			.query(Long.class)
			.single()) < count) {
			assertThat(System.nanoTime()).as("%d of %d whole cases unbound after 10 minutes", unbound, count)
				.isLessThan(deadline);
			Thread.sleep(100);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		return new WholeCases(new Result("whole case over HTTP (contact → terminal unbound)", concurrency, count,
				reviews.errors() + startErrors.get() + (count - mine.size()), seconds, reviews.p50Millis(),
				reviews.p99Millis()), mine);
	}

	/**
	 * A reviewer takes the next case in: waits for its review task (the checks before review run in the background),
	 * claims it and approves it, within 2 minutes.
	 */
	private void review(String user, String caseNumber) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			reviewLookups.incrementAndGet();
			JsonNode open = json.readTree(get(user, REVIEW_OF_CASE + caseNumber).body());
			if (open.isEmpty()) {
				// not at review yet: look again shortly, as a reviewer refreshing Tasklist would
				Thread.sleep(100);
				continue;
			}
			String id = open.get(0).get("id").asText();
			expect(post(user, "/engine-rest/task/" + id + "/claim", "{\"userId\": \"" + user + "\"}"), 204);
			HttpResponse<String> done = post(user, "/engine-rest/task/" + id + "/complete",
					"{\"variables\": {\"reviewDecision\": {\"value\": \"APPROVE\"}}}");
			if (done.statusCode() == 204) {
				return;
			}
			refusedCompletions.incrementAndGet();
			post(user, "/engine-rest/task/" + id + "/unclaim", "{}");
		}
		throw new IllegalStateException(caseNumber + " not reviewed in 2 minutes");
	}

	/**
	 * Reviewers looking cases' open reviews up without claiming them, {@code concurrency} at a time: one call per key,
	 * {@code query} followed by the key; a call that does not find exactly one review is an error.
	 */
	Result lookUpReviews(String query, List<String> keys, int concurrency) throws Exception {
		return Measure.run("review look-up", concurrency, keys.size(), i -> {
			String reviewer = "benchreviewer" + (1 + i % REVIEWERS);
			JsonNode open = json.readTree(expect(get(reviewer, query + keys.get(i)), 200).body());
			if (open.size() != 1) {
				throw new IllegalStateException(open.size() + " reviews found for " + keys.get(i));
			}
		});
	}

	/** Median time of {@code GET /api/dashboard} over 20 calls, after 5 to warm up. */
	double dashboardMillis() throws Exception {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			long t0 = System.nanoTime();
			expect(get("supervisor1", "/api/dashboard"), 200);
			if (i >= 5) {
				times.add(System.nanoTime() - t0);
			}
		}
		times.sort(Long::compare);
		return Measure.percentile(times, 0.5);
	}

	// ------------------------------------------------------------------ requests

	static Map<String, Object> variables(Merchant m) {
		Map<String, Object> v = new HashMap<>();
		v.putAll(Map.of("channel", "APP", "merchantNo", m.merchantNo(), "terminalId", m.terminalId(), "reason",
				"BUSINESS_CLOSED", "applicantName", m.legalName(), "applicantIdNumber", m.idNumber(), "applicantPhone",
				m.phone(), "applicantRole", "LEGAL_PERSON", "documents", "ID_CARD,SETTLEMENT_CARD_COPY"));
		return v;
	}

	private static String application(Merchant m) {
		return m.applicationJson("APP", "BUSINESS_CLOSED");
	}

	private static String engineStart(Merchant m) {
		StringBuilder body = new StringBuilder("{\"variables\": {");
		variables(m).forEach((k, v) -> body.append("\"").append(k).append("\": {\"value\": \"").append(v).append("\"},"));
		body.setLength(body.length() - 1);
		return body.append("}}").toString();
	}

	private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return response;
	}

	private HttpResponse<String> post(String user, String path, String body) throws Exception {
		return post(user, "demo", path, body);
	}

	private HttpResponse<String> post(String user, String password, String path, String body) throws Exception {
		return send(user, password, path, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), "POST");
	}

	private HttpResponse<String> send(String user, String password, String path, HttpRequest.BodyPublisher body,
			String method) throws Exception {
		return http.send(request(user, password, path).header("Content-Type", "application/json")
			.method(method, body)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String user, String path) throws Exception {
		return http.send(request(user, "demo", path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String user, String password, String path) {
		int[] nodes = ports;
		int port = nodes[Math.floorMod(nextNode.getAndIncrement(), nodes.length)];
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

}
