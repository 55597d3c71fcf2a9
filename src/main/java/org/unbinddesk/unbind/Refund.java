package org.unbinddesk.unbind;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** Money the acquirer pays back to a merchant for a case; finance pays out {@code STARTED} rows. One per case. */
@MappedSuperclass
public abstract class Refund {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "case_number")
	private String caseNumber;

	@Column(name = "terminal_sn")
	private String terminalSn;

	@Column(name = "merchant_no")
	private String merchantNo;

	private BigDecimal amount;

	private String status;

	@Column(name = "created_at")
	private LocalDateTime createdAt;

	protected Refund() {
	}

	protected Refund(String caseNumber, String terminalSn, String merchantNo, BigDecimal amount,
			LocalDateTime createdAt) {
		this.caseNumber = caseNumber;
		this.terminalSn = terminalSn;
		this.merchantNo = merchantNo;
		this.amount = amount;
		this.status = "STARTED";
		this.createdAt = createdAt;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public String getStatus() {
		return status;
	}

}
