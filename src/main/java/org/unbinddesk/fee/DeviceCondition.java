package org.unbinddesk.fee;

import java.util.Arrays;
import java.util.Optional;

/**
 * The condition the warehouse finds a returned device in; what each costs the merchant is in the
 * {@code DeviceDamageDeduction} table.
 */
public enum DeviceCondition {

	/** Works, ordinary wear only. */
	INTACT,
	/** Charger, base or battery missing. */
	MISSING_ACCESSORIES,
	/** Screen or casing broken, the device still works. */
	DAMAGED,
	/** Does not work: water, crushed, tampered with. */
	NOT_WORKING;

	/** The condition named by a code, ignoring case and spaces; empty for nothing or an unknown code. */
	public static Optional<DeviceCondition> parse(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(code.strip())).findFirst();
	}

}
