package org.unbinddesk.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The kinds of problem the API answers with (RFC 7807). Each has a stable type URI that clients may switch on; the
 * README lists them.
 */
public enum ProblemTypes {

	VALIDATION("validation", HttpStatus.BAD_REQUEST, "Invalid request"),
	MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
	PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large"),
	UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
	CASE_NOT_FOUND("case-not-found", HttpStatus.NOT_FOUND, "Case not found"),
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
	METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
	OPEN_CASE_EXISTS("open-case-exists", HttpStatus.CONFLICT, "Terminal already has an open case"),
	NOT_WAITING("not-waiting", HttpStatus.CONFLICT, "Case is not waiting for this"),
	CASE_CLOSED("case-closed", HttpStatus.CONFLICT, "Case is closed"),
	REQUEST_INVALID("request-invalid", HttpStatus.UNPROCESSABLE_ENTITY, "Request does not match the registry"),
	IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_ENTITY,
			"Idempotency key used for another request"),
	CONSENT_CODE_WRONG("consent-code-wrong", HttpStatus.UNPROCESSABLE_ENTITY, "Wrong one-time code"),
	CONSENT_CODE_INVALID("consent-code-invalid", HttpStatus.UNPROCESSABLE_ENTITY, "No valid one-time code"),
	CONSENT_CODE_NOT_SENT("consent-code-not-sent", HttpStatus.SERVICE_UNAVAILABLE, "One-time code could not be sent"),
	TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
	DOCUMENT_DAMAGED("document-damaged", HttpStatus.INTERNAL_SERVER_ERROR,
			"Stored document does not match its checksum"),
	INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

	public static final String BASE = "https://unbinddesk.org/problems/";

	private final URI type;

	private final HttpStatus status;

	private final String title;

	ProblemTypes(String slug, HttpStatus status, String title) {
		this.type = URI.create(BASE + slug);
		this.status = status;
		this.title = title;
	}

	public ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	public HttpStatus status() {
		return status;
	}

	public URI type() {
		return type;
	}

	public String title() {
		return title;
	}

}
