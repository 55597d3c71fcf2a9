package org.unbinddesk.process;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.unbinddesk.privacy.Masks;

/**
 * Free text people type into a form or an API call (a rejection reason, a comment): any long number in it (a phone,
 * ID or card number) is masked in the variable itself, so the full number never stays in the process or its history.
 */
final class FreeText {

	/** The longest free text kept; the registry's columns hold 500 characters. */
	static final int MAX_LENGTH = 500;

	private FreeText() {
	}

	/** Masks the variable in place (where it holds text) and returns the masked text, or null when it is blank. */
	static String scrub(VariableScope scope, String name) {
		Object raw = scope.getVariable(name);
		String scrubbed = Masks.scrub(ExecutionValues.text(scope, name), MAX_LENGTH);
		if (raw != null && !Objects.equals(raw, scrubbed)) {
			scope.setVariable(name, scrubbed);
		}
		return scrubbed;
	}

}
