package org.unbinddesk.cases;

import java.util.Arrays;
import java.util.List;

import org.unbinddesk.cases.Registration.InvalidReason;
import org.unbinddesk.merchant.Terminal;

/**
 * Whether a request may open a case, as the registry stands (DOMAIN step 1).
 *
 * @param terminal the terminal the request names, when it was found
 * @param reason why the request cannot be accepted; null when it can
 * @param args what the reason names (the terminal, the open case, the limit…)
 */
public record Eligibility(Terminal terminal, InvalidReason reason, List<String> args) {

	static Eligibility eligible(Terminal terminal) {
		return new Eligibility(terminal, null, List.of());
	}

	static Eligibility refused(Terminal terminal, InvalidReason reason, String... args) {
		return new Eligibility(terminal, reason, Arrays.asList(args));
	}

	public boolean eligible() {
		return reason == null;
	}

	public String reasonText() {
		return eligible() ? null : reason.describe(args);
	}

}
