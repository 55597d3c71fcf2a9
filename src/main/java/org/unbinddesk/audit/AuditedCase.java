package org.unbinddesk.audit;

/** What an audit row names of the case it is about. */
public interface AuditedCase {

	String getCaseNumber();

	String getTerminalSn();

	String getMerchantNo();

}
