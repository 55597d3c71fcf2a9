package org.unbinddesk.consent;

/**
 * The one-time code given does not confirm the merchant's decision: wrong (with tries left), or no code is valid
 * (none requested, expired, used, or invalidated by too many wrong tries).
 */
public class ConsentRefused extends RuntimeException {

	public enum Kind {

		WRONG_CODE, NO_VALID_CODE, NOT_SENT, TOO_SOON

	}

	private final Kind kind;

	private final int triesLeft;

	ConsentRefused(Kind kind, String message, int triesLeft) {
		super(message);
		this.kind = kind;
		this.triesLeft = triesLeft;
	}

	public Kind kind() {
		return kind;
	}

	public int triesLeft() {
		return triesLeft;
	}

}
