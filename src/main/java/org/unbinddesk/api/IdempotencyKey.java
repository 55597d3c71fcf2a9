package org.unbinddesk.api;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Remembers which case a client's {@code Idempotency-Key} opened, and a hash of the request it came with.
 */
@Entity
@Table(name = "idempotency_key")
class IdempotencyKey {

	@Id
	@Column(name = "idempotency_key")
	private String key;

	@Column(name = "request_hash")
	private String requestHash;

	@Column(name = "case_number")
	private String caseNumber;

	@Column(name = "created_at")
	private LocalDateTime createdAt;

	protected IdempotencyKey() {
	}

	IdempotencyKey(String key, String requestHash, String caseNumber, LocalDateTime createdAt) {
		this.key = key;
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

}
