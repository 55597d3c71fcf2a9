package org.unbinddesk.webhook;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.unbinddesk.privacy.Masks;

/**
 * POSTs webhook events to each client's URL, in order per case: an event is due only when no earlier event of the
 * same client and case still waits, so a receiver never sees a case go back. Each POST carries
 * {@code X-UnbindDesk-Signature: sha256=<hex HMAC-SHA256 of the body with the client's secret>},
 * {@code X-UnbindDesk-Timestamp} and {@code X-UnbindDesk-Event-Id}; a 2xx answer delivers it, anything else is tried
 * again with doubling waits, then the event is FAILED and the case's next event goes. Nodes claim events as they claim
 * notices.
 */
@Component
public class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final JdbcClient jdbc;

	private final WebhookProperties properties;

	private final RestClient client;

	private final Clock clock;

	private final String node;

	WebhookDispatcher(JdbcClient jdbc, WebhookProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(Duration.ofSeconds(5));
		this.client = RestClient.builder().requestFactory(requests).build();
		this.node = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Scheduled(fixedDelayString = "${unbinddesk.webhooks.dispatch.interval:PT5S}", initialDelayString = "PT15S")
	void dispatchOnSchedule() {
		if (properties.dispatch().enabled()) {
			dispatchDue();
		}
	}

	/** Sends the events due now, each case's oldest waiting one first; answers how many were attempted. */
	public int dispatchDue() {
		int attempted = 0;
		int round;
		// an event delivered makes its case's next one due: go on until a round sends nothing
		do {
			round = round();
			attempted += round;
		}
		while (round > 0 && attempted < properties.dispatch().batch() * 10);
		return attempted;
	}

	private int round() {
		LocalDateTime now = LocalDateTime.now(clock);
		List<Long> due = jdbc.sql("""
				select e.id from webhook_event e
				 where e.status = 'PENDING' and e.next_attempt_at <= ?
				   and (e.claimed_until is null or e.claimed_until < ?)
				   and not exists (select 1 from webhook_event p where p.client_id = e.client_id
				                   and p.case_number = e.case_number and p.id < e.id and p.status = 'PENDING')
				 order by e.id
				 fetch first ? rows only""")
			.params(now, now, properties.dispatch().batch())
			.query(Long.class)
			.list();
		int attempted = 0;
		for (Long id : due) {
			int claimed = jdbc.sql("""
					update webhook_event set claimed_by = ?, claimed_until = ?
					 where id = ? and status = 'PENDING' and next_attempt_at <= ?
					   and (claimed_until is null or claimed_until < ?)""")
				.params(node, now.plus(properties.dispatch().lease()), id, now, now)
				.update();
			if (claimed == 1) {
				attempted++;
				send(id);
			}
		}
		return attempted;
	}

	private void send(Long id) {
		Event event = jdbc.sql("""
				select e.id, e.case_number, e.payload, e.attempts, s.url, s.secret from webhook_event e
				  left join webhook_subscription s on s.client_id = e.client_id where e.id = ?""")
			.param(id)
			.query(Event.class)
			.single();
		LocalDateTime now = LocalDateTime.now(clock);
		String error;
		if (event.url() == null) {
			error = "the client has no subscription any more";
		}
		else {
			try {
				String eventId = JSON_EVENT_ID.matcher(event.payload()).results().findFirst().map(m -> m.group(1)).orElse("");
				client.post()
					.uri(event.url())
					.contentType(MediaType.APPLICATION_JSON)
					.header("X-UnbindDesk-Event-Id", eventId)
					.header("X-UnbindDesk-Timestamp", String.valueOf(clock.instant().getEpochSecond()))
					.header("X-UnbindDesk-Signature", "sha256=" + sign(event.secret(), event.payload()))
					.body(event.payload().getBytes(StandardCharsets.UTF_8))
					.retrieve()
					.toBodilessEntity();
				jdbc.sql("update webhook_event set status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?, "
						+ "claimed_by = null, claimed_until = null, last_error = null where id = ?")
					.params(now, id)
					.update();
				return;
			}
			catch (RuntimeException ex) {
				error = Masks.scrub(ex.getClass().getSimpleName() + " " + ex.getMessage(), 300);
			}
		}
		Duration wait = event.url() == null ? null : properties.dispatch().backoff(event.attempts() + 1);
		jdbc.sql("update webhook_event set status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
				+ "claimed_by = null, claimed_until = null where id = ?")
			.params(wait == null ? "FAILED" : "PENDING", wait == null ? null : now.plus(wait), error, id)
			.update();
		log.info("Webhook event {} of {}: attempt {} failed ({}){}", id, event.caseNumber(), event.attempts() + 1,
				error, wait == null ? ", given up" : ", next in " + wait);
	}

	private static final java.util.regex.Pattern JSON_EVENT_ID = java.util.regex.Pattern
		.compile("\"eventId\":\"([^\"]+)\"");

	/** The hex HMAC-SHA256 of the body with the client's secret, as receivers recompute it. */
	public static String sign(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Event(Long id, String caseNumber, String payload, int attempts, String url, String secret) {
	}

}
