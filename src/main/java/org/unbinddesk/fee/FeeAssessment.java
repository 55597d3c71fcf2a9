package org.unbinddesk.fee;

import java.math.BigDecimal;

import org.unbinddesk.cases.DepositReturn;

/**
 * @param fee what the merchant pays (CNY): the unbinding fee and the SIM data fee owed; zero for most reasons
 * @param depositRefund the deposit refunded (CNY): once the device is back and checked, or with the unbind
 * @param depositReturn how the deposit comes back
 * @param rule which rule of the fee table applied
 * @param simFee the SIM data fee owed for months used and not paid (CNY), part of {@code fee}
 * @param simRefund the SIM data fee refunded for the months left in the paid period (CNY)
 */
public record FeeAssessment(BigDecimal fee, BigDecimal depositRefund, DepositReturn depositReturn, String rule, BigDecimal simFee,
		BigDecimal simRefund) {

	public boolean payable() {
		return fee.signum() > 0;
	}

}
