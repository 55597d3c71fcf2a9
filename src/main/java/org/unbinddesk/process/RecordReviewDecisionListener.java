package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseMetrics;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.documents.DocumentService;

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

	private final Clock clock;

	RecordReviewDecisionListener(CaseRegistry cases, AuditLog audit, CaseMetrics metrics, Clock clock) {
		this.clock = clock;
		this.cases = cases;
		this.audit = audit;
		this.metrics = metrics;
	}

	@Override
	public void notify(DelegateTask task) {
		String decision = text(task, REVIEW_DECISION);
		String reviewer = ExecutionValues.actor(task);
		String caseNumber = cases.ofProcess(task.getProcessInstanceId()).getCaseNumber();
		String comment = FreeText.scrub(task, REVIEW_COMMENT);
		String detail;
		if (APPROVE.equals(decision)) {
			cases.approve(caseNumber, reviewer);
			task.setVariable(FIRST_REVIEWER, reviewer);
			detail = "Approved";
		}
		else if (REJECT.equals(decision)) {
			String reason = FreeText.scrub(task, REJECTION_REASON);
			if (reason == null) {
				throw new BadUserRequestException("驳回须填写驳回原因");
			}
			task.setVariable(OUTCOME_REASON, reason);
			task.removeVariable(OUTCOME_REASON_CODE);
			detail = "Rejected: " + reason;
		}
		else if (REQUEST_INFO.equals(decision)) {
			Set<String> requested = DocumentService.parse(text(task, MISSING_DOCUMENTS));
			if (requested.isEmpty()) {
				throw new BadUserRequestException("要求补充材料时，请选择需要补充的材料");
			}
			List<String> unknown = DocumentService.unknown(text(task, MISSING_DOCUMENTS));
			if (!unknown.isEmpty()) {
				throw new BadUserRequestException("请从材料清单中选择需要补充的材料：" + String.join("、", unknown) + " 不是已知的材料");
			}
			// the next round asks only for what is missing: identity again only if the papers asked for concern it
			if (requested.stream().anyMatch(DocumentService.IDENTITY_PAPERS::contains)) {
				task.setVariable(IDENTITY_CONFIRMED, false);
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
			throw new BadUserRequestException("请选择审核结论：批准、驳回或要求补充材料");
		}
		cases.recordReview(caseNumber, task.getDueDate() == null ? null
				: LocalDateTime.ofInstant(task.getDueDate().toInstant(), clock.getZone()));
		metrics.reviewDecided(Duration.between(task.getCreateTime().toInstant(), Instant.now()));
		audit.record(cases.get(caseNumber), "REVIEW_DECIDED", detail + (comment == null ? "" : " — " + comment),
				reviewer == null ? AuditLog.SYSTEM : reviewer);
	}

}
