package org.unbinddesk.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

/**
 * A case as the API shows it: personal data masked, figures and decisions as the process holds them. Amounts are
 * yuan to the fen, written as decimal strings; times carry the business zone's offset ({@link ApiJson}).
 */
record CaseView(String caseNumber, String status, String stage, String outcome, String outcomeReason,
		LocalDateTime openedAt, LocalDateTime closedAt, String channel, String reason, Merchant merchant,
		Terminal terminal, Applicant applicant, Documents documents, String identityResult, String riskLevel,
		List<String> riskSignals, Boolean accountBlocked, List<String> blockReasons, BigDecimal fee, BigDecimal depositRefund,
		String deviceDisposition, DeviceReturn deviceReturn, MerchantConsent merchantConsent, List<String> waitingFor, List<OpenTask> openTasks, List<TimelineEntry> timeline,
		List<NoticeView> notices, List<IncidentView> incidents) {

	/**
	 * The return of a leased device, for a case whose deposit comes back once the device is back; null otherwise.
	 * @param deadline the end of the day it must arrive by (from the final approval); null before approval
	 */
	record DeviceReturn(LocalDateTime deadline, String address, String courier, String waybillNumber,
			LocalDateTime shippedRecordedAt, LocalDateTime receivedAt, String condition, BigDecimal deduction,
			LocalDateTime forfeitedAt) {
	}

	/**
	 * The merchant's own confirmation of the request.
	 * @param required whether the request needs one (it was not made in the merchant's app)
	 * @param givenAt when the merchant entered the code sent to the phone on file; {@code via} the client that passed it
	 */
	record MerchantConsent(boolean required, LocalDateTime givenAt, String via, String method) {
	}

	record Merchant(String merchantNo, String name) {
	}

	/** @param status ACTIVE, SUSPENDED (a lost device, while its case runs) or DISABLED (unbound) */
	record Terminal(String terminalId, String sn, String status, LocalDateTime statusChangedAt) {
	}

	record Applicant(String name, String idNumber, String phone, String role) {
	}

	/**
	 * The case's documents: codes supplied and missing, and for each code its names, its files (never their content:
	 * {@code content} is where those allowed read it) and the channels that verified the paper elsewhere.
	 */
	record Documents(List<String> supplied, List<String> missing, List<DocumentItem> items) {
	}

	/** {@code paper}: FILES (count files here), CODE_ONLY (declared or verified elsewhere, no file), MISSING. */
	record DocumentItem(String code, String nameZh, String nameEn, String paper, int count, List<FileView> files,
			List<Supply> verifiedElsewhere) {
	}

	record FileView(long id, String mediaType, long size, String sha256, String suppliedBy, LocalDateTime suppliedAt,
			String content) {
	}

	record Supply(String suppliedBy, LocalDateTime suppliedAt) {
	}

	record OpenTask(String name, List<String> candidateGroups, String assignee, Date created, Date due,
			int priority) {
	}

	/** One step of the case, from the engine's history: what, when, and who (for people's steps). */
	record TimelineEntry(String step, String type, Date startedAt, Date endedAt, String actor) {
	}

	/** A step that failed technically and waits for operations to retry it (Cockpit, or the engine REST API). */
	record IncidentView(String step, String message, Date since) {
	}

	/**
	 * A notice and its delivery: {@code PENDING} (being sent, {@code attempts} so far), {@code SENT} (the provider took
	 * it), {@code DELIVERED} (the provider's receipt) or {@code FAILED} (why in {@code failureReason}: customer service
	 * should reach the merchant another way).
	 */
	record NoticeView(String type, String language, String text, LocalDateTime createdAt, String status,
			String channel, int attempts, LocalDateTime sentAt, LocalDateTime deliveredAt, String failureReason) {
	}

	/** A line of a case list. */
	record Summary(String caseNumber, String status, String stage, String outcome, String merchantNo,
			String terminalId, String reason, LocalDateTime openedAt, LocalDateTime closedAt) {
	}

	/** A page of a case list. */
	record Page(List<Summary> items, int page, int size, long totalElements, int totalPages) {
	}

	/** The process keeps amounts as doubles (DMN results); the API answers them to the fen. */
	static BigDecimal amount(Object value) {
		return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
	}

}
