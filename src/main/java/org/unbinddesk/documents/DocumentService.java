package org.unbinddesk.documents;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Which documents an application needs ({@code RequiredDocuments} decision table) and which of them are missing.
 * Document lists travel as comma-separated codes, e.g. {@code ID_CARD,SETTLEMENT_CARD_COPY}.
 */
@Service
public class DocumentService {

	public static final String DECISION = "RequiredDocuments";

	/** Every document code the desk knows; anything else is refused wherever codes come in. */
	public static final Set<String> CODES = Set.of("ID_CARD", "SETTLEMENT_CARD_COPY", "BUSINESS_LICENCE",
			"FAULT_CERTIFICATE", "POLICE_REPORT", "REGISTRATION_CHANGE_CERTIFICATE", "NEW_OWNER_ID_CARD",
			"POWER_OF_ATTORNEY");

	private static final String NAMES = "notices/notices";

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private final DecisionService decisions;

	DocumentService(DecisionService decisions) {
		this.decisions = decisions;
	}

	public List<String> required(String reason, String merchantType, String applicantRole) {
		return decisions.evaluateDecisionByKey(DECISION)
			.variables(Variables.createVariables()
				.putValue("reason", reason)
				.putValue("merchantType", merchantType)
				.putValue("applicantRole", applicantRole))
			.evaluate()
			.collectEntries("document");
	}

	/**
	 * The codes in a list as the desk keeps it ({@code ID_CARD,FAULT_CERTIFICATE}); a list a form wrote as JSON text
	 * ({@code ["ID_CARD","FAULT_CERTIFICATE"]}) reads the same.
	 */
	public static Set<String> parse(String documents) {
		if (documents == null || documents.isBlank()) {
			return new LinkedHashSet<>();
		}
		return Arrays.stream(documents.split("[,;\\s\\[\\]\"]+"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(String::toUpperCase)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** Papers about who the applicant is: asking for one of them again means checking the identity again. */
	public static final Set<String> IDENTITY_PAPERS = Set.of("ID_CARD", "NEW_OWNER_ID_CARD", "POWER_OF_ATTORNEY");

	/** The codes in a list that the desk does not know, in the order given. */
	public static List<String> unknown(String documents) {
		return parse(documents).stream().filter(code -> !CODES.contains(code)).toList();
	}

	public static String join(Iterable<String> documents) {
		return String.join(",", documents);
	}

	/** What staff read for a code in Chinese, and in English: the notices' own names, so both say the same. */
	public static String nameZh(String code) {
		return name(code, Locale.SIMPLIFIED_CHINESE);
	}

	public static String nameEn(String code) {
		return name(code, Locale.ROOT);
	}

	private static String name(String code, Locale locale) {
		ResourceBundle names = ResourceBundle.getBundle(NAMES, locale, NO_FALLBACK);
		return names.containsKey("document." + code) ? names.getString("document." + code) : code;
	}

}
