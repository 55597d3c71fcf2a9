package org.unbinddesk.api;

import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.unbinddesk.problem.ProblemTypes;

/**
 * A problem the API reports as such: its kind, a human detail and any properties the client can act on (the open
 * case, what the case waits for).
 */
public class ApiException extends RuntimeException {

	private final ProblemTypes type;

	private final Map<String, Object> properties;

	public ApiException(ProblemTypes type, String detail) {
		this(type, detail, Map.of());
	}

	public ApiException(ProblemTypes type, String detail, Map<String, Object> properties) {
		super(detail);
		this.type = type;
		this.properties = properties;
	}

	ProblemDetail toProblem() {
		ProblemDetail problem = type.problem(getMessage());
		properties.forEach(problem::setProperty);
		return problem;
	}

	public ProblemTypes type() {
		return type;
	}

}
