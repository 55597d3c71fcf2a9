package org.unbinddesk.api;

import java.io.Serializable;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Remembers which case a client's {@code Idempotency-Key} opened, and a hash of the request it came with. Keys belong
 * to the client (the logged-in user) that sent them: another client's same key is another key.
 */
@Entity
@Table(name = "client_idempotency_key")
class ClientIdempotencyKey {

	@EmbeddedId
	private Id id;

	@Column(name = "request_hash")
	private String requestHash;

	@Column(name = "case_number")
	private String caseNumber;

	@Column(name = "created_at")
	private LocalDateTime createdAt;

	protected ClientIdempotencyKey() {
	}

	ClientIdempotencyKey(Id id, String requestHash, String caseNumber, LocalDateTime createdAt) {
		this.id = id;
		this.requestHash = requestHash;
		this.caseNumber = caseNumber;
		this.createdAt = createdAt;
	}

	String getRequestHash() {
		return requestHash;
	}

	String getCaseNumber() {
		return caseNumber;
	}

	LocalDateTime getCreatedAt() {
		return createdAt;
	}

	@Embeddable
	record Id(@Column(name = "client_id") String clientId, @Column(name = "idempotency_key") String key)
			implements Serializable {
	}

}
