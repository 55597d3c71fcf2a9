package org.unbinddesk.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a case ended, one per end event of the process.
 */
public enum Outcome {

	UNBOUND("Event_TerminalUnbound"), REQUEST_INVALID("Event_RequestInvalid"), REJECTED("Event_ApplicationRejected"),
	LAPSED("Event_ApplicationLapsed"), WITHDRAWN("Event_Withdrawn"), CANCELLED("Event_Cancelled");

	private final String endEventId;

	Outcome(String endEventId) {
		this.endEventId = endEventId;
	}

	public String endEventId() {
		return endEventId;
	}

	public static Optional<Outcome> ofEndEvent(String activityId) {
		return Arrays.stream(values()).filter(o -> o.endEventId.equals(activityId)).findFirst();
	}

}
