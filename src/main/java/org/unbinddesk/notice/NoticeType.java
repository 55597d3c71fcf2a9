package org.unbinddesk.notice;

/**
 * The notices a merchant gets; each has a template in {@code notices/notices*.properties}.
 */
public enum NoticeType {

	REQUEST_INVALID, DOCUMENTS_REQUEST, FEE_NOTICE, REJECTION, LAPSE, WITHDRAWAL, CANCELLATION, CONFIRMATION,

	/** What blocks the case (frozen funds, disputes, fees) and how to clear it, by when; no fee is asked before. */
	BLOCK_NOTICE,

	/** The application is approved: when the terminal stops, and how the deposit comes back. */
	APPROVAL,

	/** A leased device came back and was checked (the deposit refund, less any deduction), or did not: forfeited. */
	DEPOSIT_NOTICE,

	/** A one-time code by which the legal person consents to a fee or a cancellation; always by SMS. */
	CONSENT_CODE

}
