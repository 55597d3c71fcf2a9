package org.unbinddesk.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.unbinddesk.problem.ProblemResponses;
import org.unbinddesk.problem.ProblemTypes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;

/**
 * Delivery receipts from the SMS and WeChat gateways: {@code POST /api/notice-receipts} with
 * {@code {"outId": "<delivery id>", "status": "DELIVERED" | "FAILED", "error": …}}. Gateways hold no product login;
 * each receipt is signed instead: {@code X-Signature} is the hex HMAC-SHA256, with the shared callback secret, of
 * {@code X-Signature-Timestamp} (epoch seconds, at most 5 minutes old), a dot, and the body.
 */
@RestController
class DeliveryReceipts {

	private static final Logger log = LoggerFactory.getLogger(DeliveryReceipts.class);

	private static final Duration MAX_AGE = Duration.ofMinutes(5);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final NoticeRepository notices;

	private final NoticeProperties properties;

	private final Clock clock;

	DeliveryReceipts(NoticeRepository notices, NoticeProperties properties, Clock clock) {
		this.notices = notices;
		this.properties = properties;
		this.clock = clock;
	}

	@PostMapping(path = "/api/notice-receipts", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "receiveNoticeReceipt",
			summary = "A gateway's delivery receipt for a notice, signed with the callback secret (X-Signature)")
	@ProblemResponses({ ProblemTypes.UNAUTHORIZED, ProblemTypes.NOT_FOUND })
	@Transactional
	ResponseEntity<?> receive(@RequestBody String body,
			@RequestHeader(name = "X-Signature", required = false) String signature,
			@RequestHeader(name = "X-Signature-Timestamp", required = false) String timestamp) {
		if (!signedByGateway(body, signature, timestamp)) {
			return problem(ProblemTypes.UNAUTHORIZED, "The receipt is not signed with the callback secret");
		}
		JsonNode receipt;
		try {
			receipt = JSON.readTree(body);
		}
		catch (Exception ex) {
			receipt = null;
		}
		String status = receipt == null ? "" : receipt.path("status").asText("");
		if (receipt == null || !receipt.path("outId").isTextual() || !(status.equals("DELIVERED") || status.equals("FAILED"))) {
			return problem(ProblemTypes.MALFORMED_REQUEST,
					"A receipt is {\"outId\": \"…\", \"status\": \"DELIVERED\" | \"FAILED\"}");
		}
		String outId = receipt.path("outId").asText();
		Notice notice = notices.findByDeliveryId(outId).orElse(null);
		if (notice == null) {
			return problem(ProblemTypes.NOT_FOUND, "No notice with that outId");
		}
		notice.receipt(status.equals("DELIVERED"), brief(receipt.path("error").asText("failed at the provider")),
				LocalDateTime.now(clock));
		if (Notice.FAILED.equals(notice.getStatus())) {
			log.warn("Notice {} of {} not delivered: {}", outId, notice.getCaseNumber(), notice.getFailureReason());
		}
		return ResponseEntity.noContent().build();
	}

	private boolean signedByGateway(String body, String signature, String timestamp) {
		String secret = properties.callbackSecret();
		if (secret == null || secret.isBlank() || signature == null || timestamp == null) {
			return false;
		}
		try {
			Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp));
			if (Duration.between(at, clock.instant()).abs().compareTo(MAX_AGE) > 0) {
				return false;
			}
		}
		catch (NumberFormatException ex) {
			return false;
		}
		String expected = sign(secret, timestamp + "." + body);
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
	}

	static String sign(String secret, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String brief(String text) {
		String masked = org.unbinddesk.privacy.Masks.scrub(text, 200);
		return masked == null ? null : masked.replaceAll("\\s+", " ");
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemTypes type, String detail) {
		return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(type.problem(detail));
	}

}
