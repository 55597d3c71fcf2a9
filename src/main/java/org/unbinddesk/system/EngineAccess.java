package org.unbinddesk.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Reads the engine as the service rather than as the logged-in caller, for views that have checked the caller's
 * groups themselves (the case API, the dashboard) and must count every task and incident, not only the caller's.
 */
@Component
public class EngineAccess {

	private final IdentityService identity;

	EngineAccess(IdentityService identity) {
		this.identity = identity;
	}

	public <T> T asService(Supplier<T> read) {
		Authentication caller = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return read.get();
		}
		finally {
			if (caller != null) {
				identity.setAuthentication(caller);
			}
		}
	}

}
