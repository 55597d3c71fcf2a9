package org.unbinddesk.webhook;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes an event for the intake client that opened the case (if it subscribed), in the transaction of the change it
 * reports (so an event is sent exactly when its change committed). The payload is fixed when written: a retry sends the
 * same bytes.
 */
@Service
class WebhookEvents {

	/** The service's own mapper: times and amounts written as in every answer of the API. */
	private final ObjectMapper json;

	private final JdbcClient jdbc;

	private final Clock clock;

	WebhookEvents(JdbcClient jdbc, Clock clock, ObjectMapper json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
	}

	void record(String caseNumber, String type, Map<String, Object> data) {
		// a client hears of the cases it opened, never of another client's
		List<String> clients = jdbc.sql("""
				select s.client_id from webhook_subscription s
				join unbinding_case c on c.opened_by = s.client_id where c.case_number = ?""")
			.param(caseNumber)
			.query(String.class)
			.list();
		LocalDateTime now = LocalDateTime.now(clock);
		for (String client : clients) {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("eventId", UUID.randomUUID().toString());
			event.put("type", type);
			event.put("caseNumber", caseNumber);
			event.put("occurredAt", now);
			event.put("data", data);
			String payload;
			try {
				payload = json.writeValueAsString(event);
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException(ex);
			}
			jdbc.sql("""
					insert into webhook_event (client_id, case_number, event_type, payload, status, attempts,
					    next_attempt_at, created_at) values (?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
				.params(client, caseNumber, type, payload, now, now)
				.update();
		}
	}

}
