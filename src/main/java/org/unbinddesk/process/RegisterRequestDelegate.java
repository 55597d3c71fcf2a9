package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.cases.CaseNumbers;
import org.unbinddesk.cases.CaseRequest;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.Registration;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.merchant.MerchantRepository;
import org.unbinddesk.unbind.DeviceDisposition;

/**
 * "Register request": gives the case its number (always the service's own: a business key a caller supplied is
 * replaced), records it in the registry, checks it against the registry, and moves the applicant's full ID and phone
 * number out of the process into the registry. A start that carries anything the process does not take at the start,
 * or a value it does not know, is recorded and ends at "Request invalid" with the reason, before anything else runs.
 */
@Component("registerRequest")
class RegisterRequestDelegate implements JavaDelegate {

	/** What a start may carry; the start form's fields and the engine-REST start of the README. */
	static final Set<String> START_VARIABLES = Set.of(CHANNEL, MERCHANT_NO, TERMINAL_ID, TERMINAL_SN, REASON,
			APPLICANT_NAME, APPLICANT_ID_NUMBER, APPLICANT_PHONE, APPLICANT_ROLE, DOCUMENTS, REPLACEMENT_TERMINAL_SN,
			DEVICE_DISPOSITION, INITIATOR);

	private static final Pattern SERIAL_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");

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
		String caseNumber = caseNumbers.next();
		execution.setProcessBusinessKey(caseNumber);
		List<String> unexpected = unexpectedStartValues(execution);
		CaseRequest request = new CaseRequest(text(execution, CHANNEL), text(execution, MERCHANT_NO),
				text(execution, TERMINAL_ID), text(execution, TERMINAL_SN), text(execution, REASON),
				text(execution, APPLICANT_NAME), text(execution, APPLICANT_ID_NUMBER),
				text(execution, APPLICANT_PHONE), text(execution, APPLICANT_ROLE), text(execution, DOCUMENTS));
		execution.removeVariable(APPLICANT_ID_NUMBER);
		execution.removeVariable(APPLICANT_PHONE);

		Registration registration = cases.register(caseNumber, execution.getProcessInstanceId(), request, unexpected);
		UnbindingCase registered = registration.unbindingCase();
		// nothing a caller handed in beyond the start fields stays in the process
		for (String name : execution.getVariableNames()) {
			if (!START_VARIABLES.contains(name)) {
				execution.removeVariable(name);
			}
		}
		execution.setVariable(CASE_NUMBER, caseNumber);
		execution.setVariable(REQUEST_VALID, registration.valid());
		execution.setVariable(IDENTITY_CONFIRMED, false);
		execution.setVariable(FEE_SETTLED, false);
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

	/**
	 * The start values the process would read later but cannot use: a variable it does not take at the start, a device
	 * disposition it does not know, a replacement serial number of the wrong shape.
	 */
	private static List<String> unexpectedStartValues(DelegateExecution execution) {
		List<String> fields = new ArrayList<>();
		for (String name : new TreeSet<>(execution.getVariableNames())) {
			if (!START_VARIABLES.contains(name)) {
				fields.add(name);
			}
		}
		String disposition = text(execution, DEVICE_DISPOSITION);
		if (disposition != null && DeviceDisposition.parse(disposition).isEmpty()) {
			fields.add(DEVICE_DISPOSITION);
		}
		String replacement = text(execution, REPLACEMENT_TERMINAL_SN);
		if (execution.hasVariable(REPLACEMENT_TERMINAL_SN)
				&& (replacement == null || !SERIAL_NUMBER.matcher(replacement).matches())) {
			fields.add(REPLACEMENT_TERMINAL_SN);
		}
		return fields;
	}

}
