package org.unbinddesk.merchant;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The link of a terminal to a merchant and its settlement account; unbinding removes it.
 */
@Entity
@Table(name = "binding")
public class Binding {

	@Id
	private Long id;

	@Column(name = "terminal_sn")
	private String terminalSn;

	@Column(name = "merchant_no")
	private String merchantNo;

	@Column(name = "settlement_account_id")
	private Long settlementAccountId;

	@Column(name = "bound_at")
	private LocalDateTime boundAt;

	protected Binding() {
	}

	public Long getId() {
		return id;
	}

	public String getTerminalSn() {
		return terminalSn;
	}

	public String getMerchantNo() {
		return merchantNo;
	}

	public Long getSettlementAccountId() {
		return settlementAccountId;
	}

	public LocalDateTime getBoundAt() {
		return boundAt;
	}

}
