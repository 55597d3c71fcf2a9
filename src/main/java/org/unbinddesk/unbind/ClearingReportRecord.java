package org.unbinddesk.unbind;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A terminal change to report to the clearing organisation (PBOC 银发〔2021〕259号 keeps one record per terminal: SN,
 * acquirer code, merchant code, merchant credit code or ID, settlement account, address). The full identity and
 * settlement account are kept encrypted ({@link ReportCipher}) for the daily export; the masked forms are what
 * everything else shows.
 */
@Entity
@Table(name = "clearing_report_record")
public class ClearingReportRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "case_number")
	private String caseNumber;

	@Column(name = "terminal_sn")
	private String terminalSn;

	@Column(name = "acquirer_code")
	private String acquirerCode;

	@Column(name = "merchant_no")
	private String merchantNo;

	@Column(name = "merchant_credit_code")
	private String merchantCreditCode;

	@Column(name = "settlement_account_masked")
	private String settlementAccountMasked;

	@Column(name = "registered_address")
	private String registeredAddress;

	@Column(name = "change_type")
	private String changeType;

	@Column(name = "recorded_at")
	private LocalDateTime recordedAt;

	private boolean reported;

	@Column(name = "merchant_identity_enc")
	private String merchantIdentityEncrypted;

	@Column(name = "settlement_account_enc")
	private String settlementAccountEncrypted;

	@Column(name = "report_file")
	private String reportFile;

	@Column(name = "report_checksum")
	private String reportChecksum;

	@Column(name = "reported_at")
	private LocalDateTime reportedAt;

	protected ClearingReportRecord() {
	}

	ClearingReportRecord(String caseNumber, String terminalSn, String acquirerCode, String merchantNo,
			String merchantCreditCode, String settlementAccountMasked, String registeredAddress, String changeType,
			LocalDateTime recordedAt) {
		this.caseNumber = caseNumber;
		this.terminalSn = terminalSn;
		this.acquirerCode = acquirerCode;
		this.merchantNo = merchantNo;
		this.merchantCreditCode = merchantCreditCode;
		this.settlementAccountMasked = settlementAccountMasked;
		this.registeredAddress = registeredAddress;
		this.changeType = changeType;
		this.recordedAt = recordedAt;
	}

	/** The full identifiers, encrypted, that only the clearing report carries. */
	void seal(String merchantIdentityEncrypted, String settlementAccountEncrypted) {
		this.merchantIdentityEncrypted = merchantIdentityEncrypted;
		this.settlementAccountEncrypted = settlementAccountEncrypted;
	}

	void markReported(String file, String checksum, LocalDateTime at) {
		this.reported = true;
		this.reportFile = file;
		this.reportChecksum = checksum;
		this.reportedAt = at;
	}

	Long getId() {
		return id;
	}

	String getMerchantIdentityEncrypted() {
		return merchantIdentityEncrypted;
	}

	String getSettlementAccountEncrypted() {
		return settlementAccountEncrypted;
	}

	public String getReportFile() {
		return reportFile;
	}

	public String getReportChecksum() {
		return reportChecksum;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public String getTerminalSn() {
		return terminalSn;
	}

	public String getAcquirerCode() {
		return acquirerCode;
	}

	public String getMerchantNo() {
		return merchantNo;
	}

	public String getMerchantCreditCode() {
		return merchantCreditCode;
	}

	public String getSettlementAccountMasked() {
		return settlementAccountMasked;
	}

	public String getRegisteredAddress() {
		return registeredAddress;
	}

	public String getChangeType() {
		return changeType;
	}

	public LocalDateTime getRecordedAt() {
		return recordedAt;
	}

	public boolean isReported() {
		return reported;
	}

}
