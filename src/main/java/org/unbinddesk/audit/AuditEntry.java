package org.unbinddesk.audit;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Who did what to which case and terminal, and when. Audit rows are never deleted by this service.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "case_number")
	private String caseNumber;

	@Column(name = "terminal_sn")
	private String terminalSn;

	@Column(name = "merchant_no")
	private String merchantNo;

	private String action;

	private String actor;

	private String detail;

	@Column(name = "occurred_at")
	private LocalDateTime occurredAt;

	protected AuditEntry() {
	}

	AuditEntry(String caseNumber, String terminalSn, String merchantNo, String action, String actor, String detail,
			LocalDateTime occurredAt) {
		this.caseNumber = caseNumber;
		this.terminalSn = terminalSn;
		this.merchantNo = merchantNo;
		this.action = action;
		this.actor = actor;
		this.detail = detail;
		this.occurredAt = occurredAt;
	}

	public Long getId() {
		return id;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public String getTerminalSn() {
		return terminalSn;
	}

	public String getMerchantNo() {
		return merchantNo;
	}

	public String getAction() {
		return action;
	}

	public String getActor() {
		return actor;
	}

	public String getDetail() {
		return detail;
	}

	public LocalDateTime getOccurredAt() {
		return occurredAt;
	}

}
