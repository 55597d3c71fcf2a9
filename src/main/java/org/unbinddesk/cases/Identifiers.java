package org.unbinddesk.cases;

import java.util.regex.Pattern;

/**
 * The shapes of the identifiers a case is opened with and looked up by: the one place they are written. They are
 * constants so the API's validation annotations can name them; the start form repeats four of them in its JSON, and a
 * test holds the form to these.
 */
public final class Identifiers {

	/** A merchant number: 15 digits. */
	public static final String MERCHANT_NO = "\\d{15}";

	/** A terminal id: 8 letters or digits. */
	public static final String TERMINAL_ID = "[A-Za-z0-9]{8}";

	/** A device's serial number: up to 32 letters, digits and dashes. */
	public static final String SERIAL_NUMBER = "[A-Za-z0-9-]{1,32}";

	/** A resident ID number's shape: 17 digits and a check character (its check: {@code identity.IdNumbers}). */
	public static final String ID_NUMBER = "\\d{17}[\\dXx]";

	/** A mainland mobile number. */
	public static final String MOBILE = "1[3-9]\\d{9}";

	/** A case number, {@code UB-20261125-000123}; see {@link CaseNumbers}. */
	public static final String CASE_NUMBER = "UB-\\d{8}-\\d{6,8}";

	/** A document code such as {@code ID_CARD}. */
	public static final String DOCUMENT_CODE = "[A-Z_]{2,40}";

	private Identifiers() {
	}

	/** Whether the value is given and has the shape. */
	public static boolean matches(String shape, String value) {
		return value != null && Pattern.matches(shape, value);
	}

}
