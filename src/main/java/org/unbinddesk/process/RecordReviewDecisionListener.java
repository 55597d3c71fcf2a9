package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseMetrics;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.documents.DocumentService;
import org.unbinddesk.system.Masks;

/**
 * Completing "Review unbinding application": the engine refuses a decision without what it needs (a rejection without
 * a reason, a request for information without the list of what is missing, an approval of a blocked case) and
 * records who gave the first approval, for the four-eyes rule.
 */
@Component("recordReviewDecision")
class RecordReviewDecisionListener implements TaskListener {

	static final String APPROVE = "APPROVE";

	static final String REJECT = "REJECT";

	static final String REQUEST_INFO = "REQUEST_INFO";

	private final CaseRegistry cases;

	private final AuditLog audit;

	private final CaseMetrics metrics;

	RecordReviewDecisionListener(CaseRegistry cases, AuditLog audit, CaseMetrics metrics) {
		this.cases = cases;
		this.audit = audit;
		this.metrics = metrics;
	}

	@Override
	public void notify(DelegateTask task) {
		String decision = text(task, REVIEW_DECISION);
		String reviewer = ExecutionValues.actor(task);
		String caseNumber = text(task, CASE_NUMBER);
		String detail;
		if (APPROVE.equals(decision)) {
			if (ExecutionValues.flag(task, ACCOUNT_BLOCKED)) {
				throw new BadUserRequestException("Case " + caseNumber + " cannot be approved while it is blocked ("
						+ text(task, BLOCK_REASONS) + "): reject it or request more information");
			}
			task.setVariable(FIRST_REVIEWER, reviewer);
			detail = "Approved";
		}
		else if (REJECT.equals(decision)) {
			String reason = Masks.scrub(text(task, REJECTION_REASON), 500);
			if (reason == null) {
				throw new BadUserRequestException("A rejection needs a reason (rejectionReason)");
			}
			task.setVariable(OUTCOME_REASON, reason);
			task.removeVariable(OUTCOME_REASON_CODE);
			detail = "Rejected: " + reason;
		}
		else if (REQUEST_INFO.equals(decision)) {
			Set<String> requested = DocumentService.parse(text(task, MISSING_DOCUMENTS));
			if (requested.isEmpty()) {
				throw new BadUserRequestException(
						"Requesting more information needs the list of what is missing (missingDocuments)");
			}
			// what was asked for again counts as not supplied until it comes in
			Set<String> supplied = DocumentService.parse(text(task, DOCUMENTS));
			supplied.removeAll(requested);
			Set<String> extra = DocumentService.parse(text(task, EXTRA_DOCUMENTS));
			extra.addAll(requested);
			task.setVariable(DOCUMENTS, DocumentService.join(supplied));
			task.setVariable(EXTRA_DOCUMENTS, DocumentService.join(new LinkedHashSet<>(extra)));
			task.setVariable(MISSING_DOCUMENTS, DocumentService.join(requested));
			detail = "More information requested: " + DocumentService.join(requested);
		}
		else {
			throw new BadUserRequestException(
					"Choose a decision (reviewDecision): APPROVE, REJECT or REQUEST_INFO; got " + decision);
		}
		cases.recordReview(caseNumber, task.getDueDate() == null ? null
				: LocalDateTime.ofInstant(task.getDueDate().toInstant(), ZoneId.systemDefault()));
		metrics.reviewDecided(Duration.between(task.getCreateTime().toInstant(), Instant.now()));
		String comment = Masks.scrub(text(task, REVIEW_COMMENT), 500);
		audit.record(cases.get(caseNumber), "REVIEW_DECIDED", detail + (comment == null ? "" : " — " + comment),
				reviewer == null ? AuditLog.SYSTEM : reviewer);
	}

}
