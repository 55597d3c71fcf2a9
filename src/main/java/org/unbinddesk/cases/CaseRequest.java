package org.unbinddesk.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.unbinddesk.documents.DocumentService;

/**
 * What a contact gives to open a case, as text, exactly as received; it says which of its fields are missing or
 * malformed, and cuts itself to the registry's column sizes.
 */
public record CaseRequest(String channel, String merchantNo, String terminalId, String terminalSn, String reason,
		String applicantName, String applicantIdNumber, String applicantPhone, String applicantRole, String documents) {

	/** The fields that are missing or malformed, by their variable names. */
	public List<String> malformedFields() {
		List<String> fields = new ArrayList<>();
		if (!isOneOf(channel, Channel.values())) {
			fields.add("channel");
		}
		if (!Identifiers.matches(Identifiers.MERCHANT_NO, merchantNo)) {
			fields.add("merchantNo");
		}
		if (terminalId == null && terminalSn == null
				|| terminalId != null && !Identifiers.matches(Identifiers.TERMINAL_ID, terminalId)) {
			fields.add("terminalId");
		}
		if (terminalSn != null && !Identifiers.matches(Identifiers.SERIAL_NUMBER, terminalSn)) {
			fields.add("terminalSn");
		}
		if (!isOneOf(reason, Reason.values())) {
			fields.add("reason");
		}
		if (applicantName == null || applicantName.length() > 100) {
			fields.add("applicantName");
		}
		if (applicantIdNumber == null || applicantIdNumber.length() > 18) {
			fields.add("applicantIdNumber");
		}
		if (!Identifiers.matches(Identifiers.MOBILE, applicantPhone)) {
			fields.add("applicantPhone");
		}
		if (!isOneOf(applicantRole, ApplicantRole.values())) {
			fields.add("applicantRole");
		}
		if (!DocumentService.unknown(documents).isEmpty()) {
			fields.add("documents");
		}
		return fields;
	}

	/** Blank fields as null, the rest stripped: the request as it is checked. */
	public CaseRequest normalized() {
		int none = Integer.MAX_VALUE;
		return new CaseRequest(fit(channel, none), fit(merchantNo, none), fit(terminalId, none), fit(terminalSn, none),
				fit(reason, none), fit(applicantName, none), fit(applicantIdNumber, none), fit(applicantPhone, none),
				fit(applicantRole, none), documents);
	}

	/** Cut to the registry's column sizes, so that an invalid request is recorded, not refused by the database. */
	CaseRequest fitted() {
		return new CaseRequest(fit(channel, 20), fit(merchantNo, 15), fit(terminalId, 8), fit(terminalSn, 32),
				fit(reason, 30), fit(applicantName, 100), fit(applicantIdNumber, 18), fit(applicantPhone, 11),
				fit(applicantRole, 20), documents);
	}

	/** The terminal as the request names it, by id or else by serial number. */
	public String terminalRef() {
		return terminalId != null ? terminalId : terminalSn;
	}

	private static boolean isOneOf(String value, Enum<?>[] values) {
		return value != null && Arrays.stream(values).anyMatch(v -> v.name().equals(value));
	}

	private static String fit(String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		return stripped.length() <= max ? stripped : stripped.substring(0, max);
	}

}
