package org.unbinddesk.audit;

/**
 * What an audit row says happened. The names are stored as they are ({@code audit_entry.action}) and read by
 * operations and the clearing organisation's auditors, so a name, once used, is never changed.
 */
public enum AuditAction {

	/** A contact opened a case (valid or not). */
	CASE_OPENED,
	/** A lost terminal stopped taking transactions on the first call. */
	TERMINAL_SUSPENDED,
	/** A case ended without an unbind and the suspension was lifted. */
	TERMINAL_REACTIVATED,
	IDENTITY_CHECKED,
	DOCUMENTS_CHECKED,
	DOCUMENT_UPLOADED,
	DOCUMENT_VIEWED,
	DOCUMENT_VIEW_REFUSED,
	DOCUMENT_DAMAGED,
	ACCOUNT_CHECKED,
	FEE_ASSESSED,
	FEE_ACCEPTED,
	RISK_ASSESSED,
	CALLBACK_DONE,
	/** The merchant reported a suspicious call about the case: its risk is raised and supervisors are told. */
	SUSPICIOUS_CALL_REPORTED,
	/** A supervisor checked a reported suspicious call. */
	SUSPICIOUS_CALL_CHECKED,
	REVIEW_DECIDED,
	REVIEW_ESCALATED,
	SECOND_APPROVAL_DECIDED,
	CANCELLATION_REQUESTED,
	NOTICE_SENT,
	DEVICE_DISPOSITION_RECORDED,
	DEPOSIT_REFUND_STARTED,
	/** The SIM data fee for the months left in the paid period is being paid back. */
	SIM_FEE_REFUND_STARTED,
	/** The merchant confirmed a request not made in the merchant's app with a one-time code. */
	MERCHANT_CONSENT_GIVEN,
	/** The merchant (or an agent for them) gave the courier a leased device was sent back with. */
	DEVICE_SHIPPED,
	/** The warehouse checked a returned device in: serial number scanned, condition, deduction. */
	DEVICE_RECEIVED,
	/** The registry refused a device return (another device's serial number, an unknown condition, no return due). */
	DEVICE_RETURN_REFUSED,
	/** Nothing arrived by the return deadline: the deposit is not refunded. */
	DEPOSIT_FORFEITED,
	TERMINAL_STOPPED,
	TERMINAL_UNBOUND,
	ACCOUNT_VERIFIED_AFTER_UNBIND,
	CASE_CLOSED,
	/** The registry refused an approval (a blocked, closed or unregistered case). */
	APPROVAL_REFUSED,
	/** The registry refused a second approval (the first approver, or not a high-risk case). */
	SECOND_APPROVAL_REFUSED,
	STOP_REFUSED,
	UNBIND_REFUSED,
	REFUND_REFUSED;

}
