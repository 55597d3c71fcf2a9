package org.unbinddesk.process;

import java.math.BigDecimal;
import java.util.Collection;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Reads process variables defensively: a start may carry any type (a number where text was expected, a JSON object,
 * nothing at all), and a bad start must end as "Request invalid", never as a stuck instance.
 */
final class ExecutionValues {

	private ExecutionValues() {
	}

	/** The variable as trimmed text; null when it is missing, blank or not a simple value. */
	static String text(VariableScope scope, String name) {
		TypedValue value = scope.getVariableTyped(name, false);
		if (!(value instanceof PrimitiveValue<?> primitive) || primitive.getValue() == null) {
			return null;
		}
		String text = String.valueOf(primitive.getValue()).strip();
		return text.isEmpty() ? null : text;
	}

	static BigDecimal amount(VariableScope scope, String name) {
		TypedValue value = scope.getVariableTyped(name, false);
		if (value instanceof PrimitiveValue<?> primitive && primitive.getValue() instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		return BigDecimal.ZERO;
	}

	static boolean flag(VariableScope scope, String name) {
		return Boolean.TRUE.equals(scope.getVariable(name));
	}

	static int count(VariableScope scope, String name) {
		return scope.getVariable(name) instanceof Number n ? n.intValue() : 0;
	}

	/**
	 * Keeps a list of codes as comma-separated text, and an empty list as no variable at all: each variable a case
	 * keeps is a row written, deleted at its end and kept in history, and forms, gateways and the case view read a
	 * missing list as an empty one. A list that was there and is now empty is removed.
	 */
	static void setList(VariableScope scope, String name, Collection<String> codes) {
		if (codes.isEmpty()) {
			scope.removeVariable(name);
		}
		else {
			scope.setVariable(name, String.join(",", codes));
		}
	}

	/** Who acts on a task: the logged-in user (Tasklist, REST) or, without one, the assignee. */
	static String actor(DelegateTask task) {
		Authentication authentication = task.getProcessEngineServices()
			.getIdentityService()
			.getCurrentAuthentication();
		if (authentication != null && authentication.getUserId() != null) {
			return authentication.getUserId();
		}
		return task.getAssignee();
	}

}
