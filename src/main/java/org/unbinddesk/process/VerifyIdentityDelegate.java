package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.identity.IdentityCheck;
import org.unbinddesk.identity.IdentityResult;
import org.unbinddesk.identity.IdentityVerifier;
import org.unbinddesk.identity.IdentityVerifier.Applicant;
import org.unbinddesk.audit.AuditAction;

/**
 * "Verify applicant identity": three-element check of the applicant held in the registry against the legal person.
 */
@Component("verifyIdentity")
class VerifyIdentityDelegate implements JavaDelegate {

	private final IdentityVerifier verifier;

	private final CaseRegistry cases;

	private final AuditLog audit;

	VerifyIdentityDelegate(IdentityVerifier verifier, CaseRegistry cases, AuditLog audit) {
		this.verifier = verifier;
		this.cases = cases;
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		UnbindingCase c = cases.ofProcess(execution.getProcessInstanceId());
		IdentityCheck check = verifier.verify(new Applicant(c.getApplicantName(), c.getApplicantIdNumber(),
				c.getApplicantPhone(), c.getApplicantRole()), c.getMerchantNo());
		execution.setVariable(IDENTITY_RESULT, check.result().name());
		execution.setVariable(IDENTITY_CONFIRMED, check.result() == IdentityResult.PASS);
		audit.record(c, AuditAction.IDENTITY_CHECKED, check.result() + ": " + check.note());
	}

}
