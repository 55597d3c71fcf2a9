package org.unbinddesk.unbind;

import java.util.Arrays;
import java.util.Optional;

/**
 * What became of the device after the unbind.
 */
public enum DeviceDisposition {

	/** A leased device the merchant is to send back; the deposit waits for it. */
	AWAITING_RETURN,
	/** Returned to the acquirer and checked; a deposit refund starts when one is due. */
	RETURNED,
	/** A leased device that did not come back by the deadline: the deposit is forfeited. */
	NOT_RETURNED,
	/** Wiped (transaction data cleared from the device) and kept by the merchant, who owns it. */
	WIPED_AND_KEPT,
	/** Rebound to another merchant (换绑) through a new contract. */
	REBOUND,
	/** Reported lost; the police report is on the case. */
	LOST;

	/** The disposition named by a code, ignoring case and spaces; empty for nothing or an unknown code. */
	public static Optional<DeviceDisposition> parse(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(code.strip())).findFirst();
	}

}
