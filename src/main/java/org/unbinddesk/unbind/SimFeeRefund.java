package org.unbinddesk.unbind;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The SIM data fee paid back for the months left in the plan's paid period, started once the terminal is unbound. */
@Entity
@Table(name = "sim_fee_refund")
public class SimFeeRefund extends Refund {

	protected SimFeeRefund() {
	}

	SimFeeRefund(String caseNumber, String terminalSn, String merchantNo, BigDecimal amount, LocalDateTime createdAt) {
		super(caseNumber, terminalSn, merchantNo, amount, createdAt);
	}

}
