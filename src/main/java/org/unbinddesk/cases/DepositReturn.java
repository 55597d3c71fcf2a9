package org.unbinddesk.cases;

/**
 * How a case's deposit comes back to the merchant, as the {@code DepositRefund} decision table gives it.
 */
public enum DepositReturn {

	/** A leased device: the merchant sends it back; the refund starts once the warehouse has checked it. */
	DEVICE_RETURN,
	/** An electronic-signature POS (电签) whose trading target was met: refunded with the unbind, device kept. */
	ON_UNBIND,
	/** Nothing to refund: a bought or lost device, no deposit, or an activation target not met. */
	NONE

}
