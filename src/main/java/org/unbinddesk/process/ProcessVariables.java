package org.unbinddesk.process;

import java.util.Set;

/**
 * The names of the process variables of {@code TerminalUnbinding}: one place for each, used by delegates, listeners,
 * forms and the API. Variables hold references and decisions, never a full ID, card or phone number (see
 * {@link #SENSITIVE}). A case keeps a variable only when the diagram (a gateway, a task's due date or priority), a
 * form, Tasklist's columns or a later step reads it: each costs a row written, deleted at the end and kept in
 * history. What only the record needs (the terminal's serial number, the merchant's type, the SIM data fee, refunds,
 * the identity check's note, who started the case) is in the registry and its audit trail, and an empty list is no
 * variable at all.
 */
public final class ProcessVariables {

	// what the caller gives at the start
	public static final String CHANNEL = "channel";
	public static final String MERCHANT_NO = "merchantNo";
	public static final String TERMINAL_ID = "terminalId";
	public static final String TERMINAL_SN = "terminalSn";
	public static final String REASON = "reason";
	public static final String APPLICANT_NAME = "applicantName";
	public static final String APPLICANT_ID_NUMBER = "applicantIdNumber";
	public static final String APPLICANT_PHONE = "applicantPhone";
	public static final String APPLICANT_ROLE = "applicantRole";
	public static final String DOCUMENTS = "documents";
	public static final String REPLACEMENT_TERMINAL_SN = "replacementTerminalSn";
	public static final String DEVICE_DISPOSITION = "deviceDisposition";

	// contact
	public static final String CASE_NUMBER = "caseNumber";
	public static final String REQUEST_VALID = "requestValid";
	public static final String MERCHANT_NAME = "merchantName";
	public static final String APPLICANT_ID_MASKED = "applicantIdMasked";
	public static final String APPLICANT_PHONE_MASKED = "applicantPhoneMasked";

	// application
	public static final String REQUIRED_DOCUMENTS = "requiredDocuments";
	public static final String MISSING_DOCUMENTS = "missingDocuments";
	public static final String DOCUMENTS_COMPLETE = "documentsComplete";
	public static final String ADDITIONAL_DOCUMENTS = "additionalDocuments";
	/** Documents a reviewer asked for on top of the required ones. */
	public static final String EXTRA_DOCUMENTS = "extraDocuments";
	/** Until when a blocked case waits for its block to clear (a date), set when the merchant is told. */
	public static final String BLOCK_WAIT_UNTIL = "blockWaitUntil";
	/** Set (true) when the merchant reports a suspicious call: starts the supervisors' check. */
	public static final String SUSPICIOUS_CALL_REPORTED = "suspiciousCallReported";
	public static final String SUSPICIOUS_CALL_NOTE = "suspiciousCallNote";
	public static final String CALL_CHECK_NOTE = "callCheckNote";
	public static final String DOCUMENTS_DUE_DATE = "documentsDueDate";
	public static final String IDENTITY_RESULT = "identityResult";
	/** The applicant's identity is confirmed (a full match or the callback); not checked again unless it is in doubt. */
	public static final String IDENTITY_CONFIRMED = "identityConfirmed";
	public static final String PHONE_ON_FILE = "phoneOnFile";
	public static final String PHONE_ON_FILE_MASKED = "phoneOnFileMasked";
	public static final String CALLBACK_CONFIRMED = "callbackConfirmed";
	public static final String CALLBACK_NOTE = "callbackNote";
	public static final String ACCOUNT_BLOCKED = "accountBlocked";
	public static final String BLOCK_REASONS = "blockReasons";
	public static final String ACCOUNT_WARNINGS = "accountWarnings";
	public static final String FEE = "fee";
	public static final String DEPOSIT_REFUND = "depositRefund";
	public static final String FEE_RULE = "feeRule";
	public static final String FEE_PAYABLE = "feePayable";
	public static final String FEE_DECLINE_REASON = "feeDeclineReason";
	/** No fee is payable, or the merchant accepted it: a later round of the application does not ask again. */
	public static final String FEE_SETTLED = "feeSettled";

	// review
	public static final String RISK_LEVEL = "riskLevel";
	public static final String RISK_SIGNALS = "riskSignals";
	public static final String TASK_PRIORITY = "taskPriority";
	public static final String REVIEW_DUE_DATE = "reviewDueDate";
	public static final String REVIEW_DECISION = "reviewDecision";
	public static final String REVIEW_COMMENT = "reviewComment";
	public static final String REJECTION_REASON = "rejectionReason";
	public static final String REJECTION_CATEGORY = "rejectionCategory";
	public static final String FIRST_REVIEWER = "firstReviewer";
	public static final String SECOND_APPROVAL_DECISION = "secondApprovalDecision";
	public static final String SECOND_APPROVER = "secondApprover";
	public static final String REVIEW_ESCALATED = "reviewEscalated";

	// unbind and confirmation
	public static final String ACCOUNT_ISSUES = "accountIssues";
	public static final String ACCOUNT_ISSUE_RESOLUTION = "accountIssueResolution";
	public static final String CANCELLATION_REASON = "cancellationReason";
	public static final String OUTCOME = "outcome";
	public static final String OUTCOME_REASON = "outcomeReason";
	/** A system reason with a notice template ({@code reason.*} in the notice texts); its arguments joined by |. */
	public static final String OUTCOME_REASON_CODE = "outcomeReasonCode";
	public static final String OUTCOME_REASON_ARGS = "outcomeReasonArgs";

	/** The merchant confirmed a request not made in the app with a one-time code (the review form shows it). */
	public static final String MERCHANT_CONSENTED = "merchantConsented";

	/** Set by "Record device disposition": a leased device is to come back before its deposit does. */
	public static final String DEVICE_TO_RETURN = "deviceToReturn";

	/** "Receive returned device" form: the serial number scanned from the device that arrived. */
	public static final String SCANNED_SN = "scannedSn";

	/** "Receive returned device" form: its condition (INTACT, MISSING_ACCESSORIES, DAMAGED, NOT_WORKING). */
	public static final String DEVICE_CONDITION = "deviceCondition";

	/** "Receive returned device" form: the courier and waybill number, when not recorded before. */
	public static final String COURIER = "courier";

	public static final String WAYBILL_NUMBER = "waybillNumber";

	// messages the process waits for
	public static final String MESSAGE_DOCUMENTS_SUPPLIED = "DocumentsSupplied";
	public static final String MESSAGE_FEE_ACCEPTED = "FeeAccepted";
	public static final String MESSAGE_FEE_DECLINED = "FeeDeclined";
	public static final String MESSAGE_CANCELLATION_REQUESTED = "CancellationRequested";

	/** Never written to history; moved into the registry (or shown only while a task is open) and then removed. */
	public static final Set<String> SENSITIVE = Set.of(APPLICANT_ID_NUMBER, APPLICANT_PHONE, PHONE_ON_FILE);

	/** Typed by people: any long number in them is masked before it is kept, in the process and in history. */
	public static final Set<String> FREE_TEXT = Set.of(REJECTION_REASON, REVIEW_COMMENT, CANCELLATION_REASON,
			FEE_DECLINE_REASON, CALLBACK_NOTE, ACCOUNT_ISSUE_RESOLUTION, OUTCOME_REASON, SUSPICIOUS_CALL_NOTE, CALL_CHECK_NOTE);

	private ProcessVariables() {
	}

}
