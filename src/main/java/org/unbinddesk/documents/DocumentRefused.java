package org.unbinddesk.documents;

/**
 * A file the desk does not take; nothing of it is kept.
 */
public class DocumentRefused extends RuntimeException {

	public enum Why {

		/** Its bytes are not a JPEG, PNG or PDF (whatever its name or declared type). */
		UNSUPPORTED_TYPE,
		/** Over {@code unbinddesk.documents.max-size}. */
		TOO_LARGE,
		EMPTY

	}

	private final Why why;

	DocumentRefused(Why why, String message) {
		super(message);
		this.why = why;
	}

	public Why why() {
		return why;
	}

}
