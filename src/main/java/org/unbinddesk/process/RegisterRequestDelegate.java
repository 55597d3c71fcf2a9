package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.cases.CaseNumbers;
import org.unbinddesk.cases.CaseRequest;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.Registration;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.registry.MerchantRepository;

/**
 * "Register request": gives the case its number, records it in the registry, checks it against the registry, and moves
 * the applicant's full ID and phone number out of the process into the registry.
 */
@Component("registerRequest")
class RegisterRequestDelegate implements JavaDelegate {

	private static final Pattern CASE_NUMBER_SHAPE = Pattern.compile("UB-\\d{8}-\\d{6,8}");

	private final CaseRegistry cases;

	private final CaseNumbers caseNumbers;

	private final MerchantRepository merchants;

	RegisterRequestDelegate(CaseRegistry cases, CaseNumbers caseNumbers, MerchantRepository merchants) {
		this.cases = cases;
		this.caseNumbers = caseNumbers;
		this.merchants = merchants;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = execution.getProcessBusinessKey();
		if (caseNumber == null || !CASE_NUMBER_SHAPE.matcher(caseNumber).matches()
				|| cases.find(caseNumber).isPresent()) {
			caseNumber = caseNumbers.next();
			execution.setProcessBusinessKey(caseNumber);
		}
		CaseRequest request = new CaseRequest(text(execution, CHANNEL), text(execution, MERCHANT_NO),
				text(execution, TERMINAL_ID), text(execution, TERMINAL_SN), text(execution, REASON),
				text(execution, APPLICANT_NAME), text(execution, APPLICANT_ID_NUMBER),
				text(execution, APPLICANT_PHONE), text(execution, APPLICANT_ROLE), text(execution, DOCUMENTS));
		execution.removeVariable(APPLICANT_ID_NUMBER);
		execution.removeVariable(APPLICANT_PHONE);

		Registration registration = cases.register(caseNumber, execution.getProcessInstanceId(), request);
		UnbindingCase registered = registration.unbindingCase();
		execution.setVariable(CASE_NUMBER, caseNumber);
		execution.setVariable(REQUEST_VALID, registration.valid());
		// the values as the registry holds them, all text, so later steps need not guard against odd types
		execution.setVariable(CHANNEL, registered.getChannel());
		execution.setVariable(MERCHANT_NO, registered.getMerchantNo());
		execution.setVariable(TERMINAL_ID, registered.getTerminalId());
		execution.setVariable(TERMINAL_SN, registered.getTerminalSn());
		execution.setVariable(REASON, registered.getReason());
		execution.setVariable(APPLICANT_NAME, registered.getApplicantName());
		execution.setVariable(APPLICANT_ROLE, registered.getApplicantRole());
		execution.setVariable(DOCUMENTS, request.documents());
		execution.setVariable(APPLICANT_ID_MASKED, registered.getApplicantIdMasked());
		execution.setVariable(APPLICANT_PHONE_MASKED, registered.getApplicantPhoneMasked());
		if (registered.getMerchantNo() != null) {
			merchants.findById(registered.getMerchantNo()).ifPresent(m -> {
				execution.setVariable(MERCHANT_NAME, m.getName());
				execution.setVariable(MERCHANT_TYPE, m.getMerchantType());
			});
		}
		if (!registration.valid()) {
			execution.setVariable(OUTCOME_REASON_CODE, registration.invalidReason().name());
			execution.setVariable(OUTCOME_REASON_ARGS, String.join("|", registration.reasonArgs()));
			execution.setVariable(OUTCOME_REASON, registration.reasonText());
		}
	}

}
