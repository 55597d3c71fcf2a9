package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.cases.CaseOpening;
import org.unbinddesk.cases.Identifiers;
import org.unbinddesk.cases.CaseRequest;
import org.unbinddesk.cases.Registration;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.merchant.MerchantRepository;
import org.unbinddesk.unbind.DeviceDisposition;

/**
 * "Register request": the case's entry into the process. A case the API opened ({@link CaseOpening#open}) joins its
 * process instance; any other start (Tasklist, the engine's REST API) is opened here by {@link CaseOpening#register},
 * under the service's own case number (a business key a caller supplied is replaced), recorded even when invalid. A
 * start that carries anything the process does not take at the start, or a value it does not know, ends at "Request
 * invalid" with the reason, before anything else runs. The applicant's full ID and phone number leave the process for
 * the registry.
 */
@Component("registerRequest")
class RegisterRequestDelegate implements JavaDelegate {

	/** What a start may carry; the start form's fields and the engine-REST start of the README. */
	static final Set<String> START_VARIABLES = Set.of(CHANNEL, MERCHANT_NO, TERMINAL_ID, TERMINAL_SN, REASON,
			APPLICANT_NAME, APPLICANT_ID_NUMBER, APPLICANT_PHONE, APPLICANT_ROLE, DOCUMENTS, REPLACEMENT_TERMINAL_SN,
			DEVICE_DISPOSITION);

	/**
	 * Set by the engine itself on a start of a diagram released before 2026-11-28 ({@code camunda:initiator}; the case's
	 * {@code openedBy} says who started it now): removed like any other, but not held against the request.
	 */
	static final Set<String> SET_BY_EARLIER_DIAGRAMS = Set.of("initiator");

	private final CaseOpening opening;

	private final MerchantRepository merchants;

	RegisterRequestDelegate(CaseOpening opening, MerchantRepository merchants) {
		this.opening = opening;
		this.merchants = merchants;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Registration registration = opening.join(execution.getProcessBusinessKey(), execution.getProcessInstanceId())
			.map(Registration::valid)
			.orElseGet(() -> register(execution));
		UnbindingCase registered = registration.unbindingCase();
		execution.setProcessBusinessKey(registered.getCaseNumber());
		// nothing a caller handed in beyond the start fields stays in the process, nor the applicant's ID and phone
		for (String name : execution.getVariableNames()) {
			if (!START_VARIABLES.contains(name)) {
				execution.removeVariable(name);
			}
		}
		execution.removeVariable(APPLICANT_ID_NUMBER);
		execution.removeVariable(APPLICANT_PHONE);
		// nor the terminal's serial number: every step reads it from the case, no form shows it
		execution.removeVariable(TERMINAL_SN);
		execution.setVariable(CASE_NUMBER, registered.getCaseNumber());
		execution.setVariable(REQUEST_VALID, registration.valid());
		execution.setVariable(IDENTITY_CONFIRMED, false);
		execution.setVariable(FEE_SETTLED, false);
		// the values as the registry holds them, all text, so later steps need not guard against odd types
		execution.setVariable(CHANNEL, registered.getChannel());
		execution.setVariable(MERCHANT_NO, registered.getMerchantNo());
		execution.setVariable(TERMINAL_ID, registered.getTerminalId());
		execution.setVariable(REASON, registered.getReason());
		execution.setVariable(APPLICANT_NAME, registered.getApplicantName());
		execution.setVariable(APPLICANT_ROLE, registered.getApplicantRole());
		execution.setVariable(DOCUMENTS, text(execution, DOCUMENTS));
		execution.setVariable(APPLICANT_ID_MASKED, registered.getApplicantIdMasked());
		execution.setVariable(APPLICANT_PHONE_MASKED, registered.getApplicantPhoneMasked());
		if (registered.getMerchantNo() != null) {
			merchants.findById(registered.getMerchantNo())
				.ifPresent(merchant -> execution.setVariable(MERCHANT_NAME, merchant.getName()));
		}
		if (!registration.valid()) {
			execution.setVariable(OUTCOME_REASON_CODE, registration.invalidReason().name());
			execution.setVariable(OUTCOME_REASON_ARGS, String.join("|", registration.reasonArgs()));
			execution.setVariable(OUTCOME_REASON, registration.reasonText());
		}
	}

	/** A start from Tasklist or the engine's REST API: the case is opened from what the start carried. */
	private Registration register(DelegateExecution execution) {
		CaseRequest request = new CaseRequest(text(execution, CHANNEL), text(execution, MERCHANT_NO),
				text(execution, TERMINAL_ID), text(execution, TERMINAL_SN), text(execution, REASON),
				text(execution, APPLICANT_NAME), text(execution, APPLICANT_ID_NUMBER),
				text(execution, APPLICANT_PHONE), text(execution, APPLICANT_ROLE), text(execution, DOCUMENTS));
		return opening.register(execution.getProcessInstanceId(), request, unexpectedStartValues(execution));
	}

	/**
	 * The start values the process would read later but cannot use: a variable it does not take at the start, a device
	 * disposition it does not know, a replacement serial number of the wrong shape.
	 */
	private static List<String> unexpectedStartValues(DelegateExecution execution) {
		List<String> fields = new ArrayList<>();
		for (String name : new TreeSet<>(execution.getVariableNames())) {
			if (!START_VARIABLES.contains(name) && !SET_BY_EARLIER_DIAGRAMS.contains(name)) {
				fields.add(name);
			}
		}
		String disposition = text(execution, DEVICE_DISPOSITION);
		if (disposition != null && DeviceDisposition.parse(disposition).isEmpty()) {
			fields.add(DEVICE_DISPOSITION);
		}
		if (execution.hasVariable(REPLACEMENT_TERMINAL_SN)
				&& !Identifiers.matches(Identifiers.SERIAL_NUMBER, text(execution, REPLACEMENT_TERMINAL_SN))) {
			fields.add(REPLACEMENT_TERMINAL_SN);
		}
		return fields;
	}

}
