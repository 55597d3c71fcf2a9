package org.unbinddesk.privacy;

import java.util.regex.Pattern;

/**
 * Masks ID, card and phone numbers to their last four characters, the only form in which they leave the registry.
 */
public final class Masks {

	/** Runs of 11 or more digits (phone, ID and card numbers) in free text typed by people. */
	private static final Pattern LONG_NUMBER = Pattern.compile("\\d{10,}[\\dXx]");

	private Masks() {
	}

	public static String last4(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() <= 4) {
			return "****";
		}
		return "*".repeat(Math.min(trimmed.length() - 4, 14)) + trimmed.substring(trimmed.length() - 4);
	}

	/**
	 * Masks any phone, ID or card number inside free text (a reason typed by a reviewer, say) and cuts the text to
	 * {@code maxLength}, so it can go into a notice, an audit row or a variable.
	 */
	public static String scrub(String text, int maxLength) {
		if (text == null) {
			return null;
		}
		String masked = LONG_NUMBER.matcher(text).replaceAll(m -> last4(m.group()));
		return masked.length() <= maxLength ? masked : masked.substring(0, maxLength);
	}

}
