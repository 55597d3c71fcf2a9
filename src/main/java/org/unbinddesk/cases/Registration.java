package org.unbinddesk.cases;

import java.util.List;

/**
 * The answer to a request to open a case.
 *
 * @param unbindingCase the case row (written for invalid requests too, so they can be looked up)
 * @param invalidReason why the request cannot be accepted, with its arguments; null when it is valid
 */
public record Registration(UnbindingCase unbindingCase, InvalidReason invalidReason, List<String> reasonArgs) {

	/** A case that was opened valid. */
	public static Registration valid(UnbindingCase unbindingCase) {
		return new Registration(unbindingCase, null, List.of());
	}

	public boolean valid() {
		return invalidReason == null;
	}

	/** The reason in English, for reviewers, the API and the case record. */
	public String reasonText() {
		return valid() ? null : invalidReason.describe(reasonArgs);
	}

	public enum InvalidReason {

		MALFORMED_REQUEST("The request is incomplete or malformed (%s)"),
		UNKNOWN_MERCHANT("Merchant number %s is not known"), UNKNOWN_TERMINAL("Terminal %s is not known"),
		TERMINAL_NOT_BOUND("Terminal %s is not bound to merchant %s"),
		CASE_ALREADY_OPEN("Terminal %s already has an open unbinding case, %s"),
		DAILY_LIMIT_REACHED("The daily limit of unbinding requests for %s is reached (%s a day)");

		private final String text;

		InvalidReason(String text) {
			this.text = text;
		}

		public String describe(List<String> args) {
			return text.formatted(args.toArray());
		}

	}

}
