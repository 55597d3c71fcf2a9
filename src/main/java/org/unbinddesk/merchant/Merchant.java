package org.unbinddesk.merchant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A merchant (商户) and its legal person (法人) on file. The legal person's ID number and phone stay in the registry:
 * everywhere else they are masked to the last four.
 */
@Entity
@Table(name = "merchant")
public class Merchant {

	@Id
	@Column(name = "merchant_no")
	private String merchantNo;

	private String name;

	@Column(name = "merchant_type")
	private String merchantType;

	@Column(name = "credit_code")
	private String creditCode;

	private String status;

	@Column(name = "legal_person_name")
	private String legalPersonName;

	@Column(name = "legal_person_id_number")
	private String legalPersonIdNumber;

	@Column(name = "legal_person_phone")
	private String legalPersonPhone;

	@Column(name = "preferred_language")
	private String preferredLanguage;

	/** T1 (paid by the next working day's settlement run) or D0 (paid the same day). */
	@Column(name = "settlement_mode")
	private String settlementMode;

	/** SMS, EMAIL or WECHAT: where the merchant reads notices (SMS to the legal person's phone by default). */
	@Column(name = "notice_channel")
	private String noticeChannel;

	private String email;

	@Column(name = "wechat_open_id")
	private String wechatOpenId;

	protected Merchant() {
	}

	public String getMerchantNo() {
		return merchantNo;
	}

	public String getName() {
		return name;
	}

	public String getMerchantType() {
		return merchantType;
	}

	public String getCreditCode() {
		return creditCode;
	}

	public String getStatus() {
		return status;
	}

	public String getLegalPersonName() {
		return legalPersonName;
	}

	public String getLegalPersonIdNumber() {
		return legalPersonIdNumber;
	}

	public String getLegalPersonPhone() {
		return legalPersonPhone;
	}

	public String getSettlementMode() {
		return settlementMode;
	}

	public String getPreferredLanguage() {
		return preferredLanguage;
	}

	public String getNoticeChannel() {
		return noticeChannel;
	}

	public String getEmail() {
		return email;
	}

	public String getWechatOpenId() {
		return wechatOpenId;
	}

}
