package org.unbinddesk.merchant;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A settlement account (结算卡) of a merchant. {@code changedAt} is when the card last changed: a recent change is a
 * risk signal.
 */
@Entity
@Table(name = "settlement_account")
public class SettlementAccount {

	@Id
	private Long id;

	@Column(name = "merchant_no")
	private String merchantNo;

	@Column(name = "account_name")
	private String accountName;

	@Column(name = "card_number")
	private String cardNumber;

	@Column(name = "bank_name")
	private String bankName;

	private String status;

	@Column(name = "frozen_amount")
	private BigDecimal frozenAmount;

	@Column(name = "changed_at")
	private LocalDateTime changedAt;

	protected SettlementAccount() {
	}

	public Long getId() {
		return id;
	}

	public String getMerchantNo() {
		return merchantNo;
	}

	public String getAccountName() {
		return accountName;
	}

	public String getCardNumber() {
		return cardNumber;
	}

	public String getBankName() {
		return bankName;
	}

	public String getStatus() {
		return status;
	}

	public BigDecimal getFrozenAmount() {
		return frozenAmount;
	}

	public LocalDateTime getChangedAt() {
		return changedAt;
	}

}
