package org.unbinddesk.cases;

/**
 * What a contact gives to open a case, as text, exactly as received: validation is the registration's job.
 */
public record CaseRequest(String channel, String merchantNo, String terminalId, String terminalSn, String reason,
		String applicantName, String applicantIdNumber, String applicantPhone, String applicantRole, String documents) {

}
