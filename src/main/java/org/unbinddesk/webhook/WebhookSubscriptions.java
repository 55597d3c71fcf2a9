package org.unbinddesk.webhook;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * An intake client registers the URL its events go to, and the secret they are signed with: {@code PUT
 * /api/webhook-subscription}. One subscription per client (the logged-in user); the secret is never shown again.
 */
@RestController
@Tag(name = "Webhooks")
@SecurityRequirement(name = "basic")
class WebhookSubscriptions {

	private final JdbcClient jdbc;

	private final Clock clock;

	WebhookSubscriptions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Subscription(
			@NotNull @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
			@NotNull @Size(min = 16, max = 200, message = "must be 16 to 200 characters") String secret) {
	}

	@PutMapping(path = "/api/webhook-subscription", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Transactional
	@Operation(operationId = "putWebhookSubscription", summary = "Register (or replace) where this client's events go",
			description = "Stage changes and notice deliveries of every case are POSTed as JSON, signed X-UnbindDesk-Signature: sha256=HMAC-SHA256(body, secret), in order per case.")
	ResponseEntity<Map<String, String>> subscribe(@Valid @RequestBody Subscription subscription, Principal client) {
		jdbc.sql("delete from webhook_subscription where client_id = ?").param(client.getName()).update();
		jdbc.sql("insert into webhook_subscription (client_id, url, secret, created_at) values (?, ?, ?, ?)")
			.params(client.getName(), subscription.url(), subscription.secret(), LocalDateTime.now(clock))
			.update();
		return ResponseEntity.ok(Map.of("client", client.getName(), "url", subscription.url()));
	}

	@GetMapping("/api/webhook-subscription")
	@Operation(operationId = "getWebhookSubscription", summary = "Where this client's events go")
	@ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The client and its URL")
	@ApiResponse(responseCode = "404", description = "This client has no subscription (no body)", content = @Content)
	ResponseEntity<Map<String, String>> current(Principal client) {
		return jdbc.sql("select url from webhook_subscription where client_id = ?")
			.param(client.getName())
			.query(String.class)
			.optional()
			.map(url -> ResponseEntity.ok(Map.of("client", client.getName(), "url", url)))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@DeleteMapping("/api/webhook-subscription")
	@Operation(operationId = "deleteWebhookSubscription", summary = "Send this client's events nowhere")
	@ApiResponse(responseCode = "204", description = "No subscription any more")
	@Transactional
	ResponseEntity<Void> unsubscribe(Principal client) {
		jdbc.sql("delete from webhook_subscription where client_id = ?").param(client.getName()).update();
		return ResponseEntity.noContent().build();
	}


}
