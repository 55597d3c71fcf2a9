package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ExecutionValues.setList;
import static org.unbinddesk.process.ProcessVariables.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.unbinddesk.cases.CaseReview;
import org.unbinddesk.cases.CaseReview.Decided;
import org.unbinddesk.documents.DocumentService;

/**
 * Completing "Review unbinding application": {@link CaseReview} decides what the decision may be; this listener hands
 * it the form's values and sets what the rest of the process reads (who approved first, the rejection reason, the
 * documents asked for again).
 */
@Component("recordReviewDecision")
class RecordReviewDecisionListener implements TaskListener {

	private final CaseReview review;

	private final Clock clock;

	RecordReviewDecisionListener(CaseReview review, Clock clock) {
		this.review = review;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		String reviewer = ExecutionValues.actor(task);
		LocalDateTime dueAt = task.getDueDate() == null ? null
				: LocalDateTime.ofInstant(task.getDueDate().toInstant(), clock.getZone());
		Decided decided = review.decide(task.getProcessInstanceId(), text(task, REVIEW_DECISION), reviewer,
				FreeText.scrub(task, REJECTION_REASON), text(task, REJECTION_CATEGORY), text(task, MISSING_DOCUMENTS), FreeText.scrub(task, REVIEW_COMMENT),
				dueAt, Duration.between(task.getCreateTime().toInstant(), Instant.now()));
		switch (decided.decision()) {
			case APPROVE -> task.setVariable(FIRST_REVIEWER, reviewer);
			case REJECT -> {
				task.setVariable(OUTCOME_REASON, text(task, REJECTION_REASON));
				task.removeVariable(OUTCOME_REASON_CODE);
			}
			case REQUEST_INFO -> askAgain(task, decided);
			case WAIT_FOR_BLOCK -> {
				// the account is checked again while the case waits; nothing else changes
			}
		}
	}

	/** The next round asks only for what is missing: what was asked for again counts as not supplied until it comes in. */
	private static void askAgain(DelegateTask task, Decided decided) {
		if (decided.identityAgain()) {
			task.setVariable(IDENTITY_CONFIRMED, false);
		}
		Set<String> supplied = DocumentService.parse(text(task, DOCUMENTS));
		supplied.removeAll(decided.requested());
		Set<String> extra = DocumentService.parse(text(task, EXTRA_DOCUMENTS));
		extra.addAll(decided.requested());
		task.setVariable(DOCUMENTS, DocumentService.join(supplied));
		task.setVariable(EXTRA_DOCUMENTS, DocumentService.join(new LinkedHashSet<>(extra)));
		setList(task, MISSING_DOCUMENTS, decided.requested());
	}

}
