package org.unbinddesk.notice;

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
 * A notice to a merchant in the outbox. The row commits with the step that wrote it; {@link NoticeDispatcher} then
 * delivers it over the merchant's channel: {@code PENDING} → {@code SENT} (the provider took it) → {@code DELIVERED}
 * or {@code FAILED} (the provider's receipt, or no attempt succeeded). Both texts are kept so customer service can read
 * what the merchant got. The recipient is not kept here: it is read from the registry when the notice is sent.
 */
@Entity
@Table(name = "notice")
public class Notice {

	public static final String PENDING = "PENDING";

	public static final String SENT = "SENT";

	public static final String DELIVERED = "DELIVERED";

	public static final String FAILED = "FAILED";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "case_number")
	private String caseNumber;

	@Column(name = "merchant_no")
	private String merchantNo;

	@Enumerated(EnumType.STRING)
	@Column(name = "notice_type")
	private NoticeType type;

	private String language;

	@Column(name = "text_zh")
	private String textZh;

	@Column(name = "text_en")
	private String textEn;

	private String status;

	@Column(name = "created_at")
	private LocalDateTime createdAt;

	@Enumerated(EnumType.STRING)
	private NoticeChannel channel;

	/** What the provider deduplicates on: a second send of the same notice is not shown to the merchant twice. */
	@Column(name = "delivery_id")
	private String deliveryId;

	private int attempts;

	@Column(name = "next_attempt_at")
	private LocalDateTime nextAttemptAt;

	/** The node sending this notice now, and until when: another node takes it over only after that. */
	@Column(name = "claimed_by")
	private String claimedBy;

	@Column(name = "claimed_until")
	private LocalDateTime claimedUntil;

	@Column(name = "provider_message_id")
	private String providerMessageId;

	@Column(name = "sent_at")
	private LocalDateTime sentAt;

	@Column(name = "delivered_at")
	private LocalDateTime deliveredAt;

	@Column(name = "failure_reason")
	private String failureReason;

	protected Notice() {
	}

	Notice(String caseNumber, String merchantNo, NoticeType type, String language, String textZh, String textEn,
			NoticeChannel channel, String deliveryId, LocalDateTime createdAt) {
		this.caseNumber = caseNumber;
		this.merchantNo = merchantNo;
		this.type = type;
		this.language = language;
		this.textZh = textZh;
		this.textEn = textEn;
		this.status = PENDING;
		this.channel = channel;
		this.deliveryId = deliveryId;
		this.createdAt = createdAt;
		this.nextAttemptAt = createdAt;
	}

	/** The text the merchant receives, in the merchant's language. */
	public String getText() {
		return language.startsWith("en") ? textEn : textZh;
	}

	/** Kept out of the dispatcher's reach: a one-time code's SMS is sent at once, and only then. */
	void notDue() {
		this.nextAttemptAt = null;
	}

	void sent(String providerMessageId, LocalDateTime at) {
		this.attempts++;
		this.status = SENT;
		this.providerMessageId = providerMessageId;
		this.sentAt = at;
		this.nextAttemptAt = null;
		this.failureReason = null;
		release();
	}

	/** A failed attempt: tried again at {@code retryAt}, or failed for good when there is none. */
	void attemptFailed(String reason, LocalDateTime retryAt) {
		this.attempts++;
		this.failureReason = reason;
		this.nextAttemptAt = retryAt;
		if (retryAt == null) {
			this.status = FAILED;
		}
		release();
	}

	private void release() {
		this.claimedBy = null;
		this.claimedUntil = null;
	}

	/** The provider's receipt: delivered to the handset or mailbox, or given up by the provider. */
	void receipt(boolean delivered, String reason, LocalDateTime at) {
		if (DELIVERED.equals(status)) {
			return;
		}
		if (delivered) {
			this.status = DELIVERED;
			this.deliveredAt = at;
			this.failureReason = null;
		}
		else {
			this.status = FAILED;
			this.failureReason = reason;
		}
	}

	public Long getId() {
		return id;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public String getMerchantNo() {
		return merchantNo;
	}

	public NoticeType getType() {
		return type;
	}

	public String getLanguage() {
		return language;
	}

	public String getTextZh() {
		return textZh;
	}

	public String getTextEn() {
		return textEn;
	}

	public String getStatus() {
		return status;
	}

	public LocalDateTime getCreatedAt() {
		return createdAt;
	}

	public NoticeChannel getChannel() {
		return channel;
	}

	public String getDeliveryId() {
		return deliveryId;
	}

	public int getAttempts() {
		return attempts;
	}

	public LocalDateTime getNextAttemptAt() {
		return nextAttemptAt;
	}

	public String getProviderMessageId() {
		return providerMessageId;
	}

	public LocalDateTime getSentAt() {
		return sentAt;
	}

	public LocalDateTime getDeliveredAt() {
		return deliveredAt;
	}

	public String getFailureReason() {
		return failureReason;
	}

}
