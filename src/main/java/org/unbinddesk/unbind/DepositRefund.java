package org.unbinddesk.unbind;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A deposit refund started for a returned device. */
@Entity
@Table(name = "deposit_refund")
public class DepositRefund extends Refund {

	protected DepositRefund() {
	}

	DepositRefund(String caseNumber, String terminalSn, String merchantNo, BigDecimal amount, LocalDateTime createdAt) {
		super(caseNumber, terminalSn, merchantNo, amount, createdAt);
	}

}
