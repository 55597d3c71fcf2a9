package org.unbinddesk.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that the registry refused a change, in a transaction of its own: the refusal rolls back everything the
 * refused step did, but the record of who tried, and why it was refused, stays.
 */
@Service
public class RefusalLog {

	private final AuditLog audit;

	RefusalLog(AuditLog audit) {
		this.audit = audit;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(AuditedCase unbindingCase, AuditAction action, String why) {
		audit.record(unbindingCase, action, why);
	}

}
