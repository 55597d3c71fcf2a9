package org.unbinddesk.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

import org.unbinddesk.cases.Identifiers;

/**
 * Checks resident ID numbers against GB 11643-1999: 17 digits (region, birth date, sequence) and a check character
 * computed with ISO 7064 MOD 11-2.
 */
public final class IdNumbers {

	private static final Pattern SHAPE = Pattern.compile(Identifiers.ID_NUMBER);

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARACTERS = "10X98765432";

	private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private IdNumbers() {
	}

	public static boolean isValid(String idNumber) {
		if (idNumber == null || !SHAPE.matcher(idNumber).matches()) {
			return false;
		}
		try {
			LocalDate birth = LocalDate.parse(idNumber.substring(6, 14), BIRTH_DATE);
			if (birth.isAfter(LocalDate.now()) || birth.getYear() < 1900) {
				return false;
			}
		}
		catch (DateTimeParseException ex) {
			return false;
		}
		return Character.toUpperCase(idNumber.charAt(17)) == checkCharacter(idNumber.substring(0, 17));
	}

	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}

	/** The same number in the one form the registry compares: upper-case check character. */
	public static String normalise(String idNumber) {
		return idNumber == null ? null : idNumber.strip().toUpperCase();
	}

}
