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
 * A notice to a merchant in the outbox: a sender (SMS, e-mail, app push) picks up {@code PENDING} rows and sends the
 * text in the merchant's language. Both texts are kept so customer service can read what the merchant got.
 */
@Entity
@Table(name = "notice")
public class Notice {

	public static final String PENDING = "PENDING";

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

	protected Notice() {
	}

	Notice(String caseNumber, String merchantNo, NoticeType type, String language, String textZh, String textEn,
			LocalDateTime createdAt) {
		this.caseNumber = caseNumber;
		this.merchantNo = merchantNo;
		this.type = type;
		this.language = language;
		this.textZh = textZh;
		this.textEn = textEn;
		this.status = PENDING;
		this.createdAt = createdAt;
	}

	/** The text the merchant receives, in the merchant's language. */
	public String getText() {
		return language.startsWith("en") ? textEn : textZh;
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

}
