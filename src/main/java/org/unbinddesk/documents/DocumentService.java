package org.unbinddesk.documents;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
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

	public static Set<String> parse(String documents) {
		if (documents == null || documents.isBlank()) {
			return new LinkedHashSet<>();
		}
		return Arrays.stream(documents.split("[,;\\s]+"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(String::toUpperCase)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	public static String join(Iterable<String> documents) {
		return String.join(",", documents);
	}

}
