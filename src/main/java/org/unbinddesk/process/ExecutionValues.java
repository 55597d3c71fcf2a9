package org.unbinddesk.process;

import java.math.BigDecimal;

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
