package org.unbinddesk.fee;

import java.math.BigDecimal;

/**
 * @param fee what the merchant pays (CNY); zero for most reasons
 * @param depositRefund the deposit refunded once the device is returned in good order (CNY)
 * @param rule which rule of the fee table applied
 */
public record FeeAssessment(BigDecimal fee, BigDecimal depositRefund, String rule) {

	public boolean payable() {
		return fee.signum() > 0;
	}

}
