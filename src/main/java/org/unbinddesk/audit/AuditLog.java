package org.unbinddesk.audit;

import java.time.Clock;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.unbinddesk.runtime.EngineAccess;
import org.unbinddesk.privacy.Masks;

/**
 * Writes audit rows. The actor is the engine user on whose behalf the step runs (the one who completed a task or
 * called the API, also when the service drives the engine on their behalf), or {@code system} for steps the engine
 * runs by itself.
 */
@Service
public class AuditLog {

	public static final String SYSTEM = "system";

	private final AuditEntryRepository entries;

	private final IdentityService identity;

	private final Clock clock;

	AuditLog(AuditEntryRepository entries, IdentityService identity, Clock clock) {
		this.entries = entries;
		this.identity = identity;
		this.clock = clock;
	}

	public void record(AuditedCase unbindingCase, AuditAction action, String detail) {
		record(unbindingCase, action, detail, currentActor());
	}

	public void record(AuditedCase unbindingCase, AuditAction action, String detail, String actor) {
		entries.save(new AuditEntry(unbindingCase.getCaseNumber(), unbindingCase.getTerminalSn(),
				unbindingCase.getMerchantNo(), action.name(), actor, Masks.scrub(detail, 500), LocalDateTime.now(clock)));
	}

	public String currentActor() {
		Authentication authentication = identity.getCurrentAuthentication();
		if (authentication != null && authentication.getUserId() != null) {
			return authentication.getUserId();
		}
		String acting = EngineAccess.actingUser();
		return acting == null ? SYSTEM : acting;
	}

}
