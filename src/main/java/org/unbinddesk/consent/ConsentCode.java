package org.unbinddesk.consent;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A one-time code sent to the legal person's phone on file. Only a salted hash is kept; the code is good for one
 * use, until it expires or too many wrong codes were tried.
 */
@Entity
@Table(name = "consent_code")
class ConsentCode {

	static final String ACTIVE = "ACTIVE";

	static final String USED = "USED";

	static final String INVALIDATED = "INVALIDATED";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "case_number")
	private String caseNumber;

	@Enumerated(EnumType.STRING)
	private ConsentPurpose purpose;

	@Column(name = "code_hash")
	private String codeHash;

	private String salt;

	@Column(name = "wrong_tries")
	private int wrongTries;

	private String status;

	@Column(name = "created_at")
	private LocalDateTime createdAt;

	@Column(name = "expires_at")
	private LocalDateTime expiresAt;

	@Column(name = "used_at")
	private LocalDateTime usedAt;

	protected ConsentCode() {
	}

	ConsentCode(String caseNumber, ConsentPurpose purpose, String codeHash, String salt, LocalDateTime createdAt,
			LocalDateTime expiresAt) {
		this.caseNumber = caseNumber;
		this.purpose = purpose;
		this.codeHash = codeHash;
		this.salt = salt;
		this.status = ACTIVE;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	boolean usableAt(LocalDateTime now) {
		return ACTIVE.equals(status) && now.isBefore(expiresAt);
	}

	/** A wrong code: answers the tries left; none left invalidates the code. */
	int wrong(int maxWrongTries) {
		wrongTries++;
		if (wrongTries >= maxWrongTries) {
			status = INVALIDATED;
		}
		return Math.max(0, maxWrongTries - wrongTries);
	}

	void use(LocalDateTime at) {
		status = USED;
		usedAt = at;
	}

	void invalidate() {
		status = INVALIDATED;
	}

	String getCodeHash() {
		return codeHash;
	}

	String getSalt() {
		return salt;
	}

	LocalDateTime getCreatedAt() {
		return createdAt;
	}

	LocalDateTime getExpiresAt() {
		return expiresAt;
	}

}
