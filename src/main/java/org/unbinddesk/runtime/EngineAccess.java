package org.unbinddesk.runtime;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Drives the engine as the service rather than as the logged-in caller, for callers whose rights the service checked
 * itself: the case API (intake systems hold no engine rights at all) and the dashboard, which must count every task and
 * incident. Whoever called is still the one the case's audit rows name ({@link #actingUser()}).
 */
@Component
public class EngineAccess {

	private static final ThreadLocal<String> ACTING_USER = new ThreadLocal<>();

	private final IdentityService identity;

	EngineAccess(IdentityService identity) {
		this.identity = identity;
	}

	public <T> T asService(Supplier<T> work) {
		Authentication caller = identity.getCurrentAuthentication();
		String outer = ACTING_USER.get();
		identity.clearAuthentication();
		if (caller != null && caller.getUserId() != null) {
			ACTING_USER.set(caller.getUserId());
		}
		try {
			return work.get();
		}
		finally {
			if (outer == null) {
				ACTING_USER.remove();
			}
			else {
				ACTING_USER.set(outer);
			}
			if (caller != null) {
				identity.setAuthentication(caller);
			}
		}
	}

	public void asService(Runnable work) {
		asService(() -> {
			work.run();
			return null;
		});
	}

	/** The user on whose behalf the service is driving the engine right now, or null. */
	public static String actingUser() {
		return ACTING_USER.get();
	}

}
