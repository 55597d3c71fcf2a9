package org.unbinddesk.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.audit.AuditAction;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.audit.RefusalLog;
import org.unbinddesk.documents.DocumentService;

/**
 * Reviewers' decisions on a case (DOMAIN, review and the four-eyes rule), whichever screen or API they come through: a
 * decision without what it needs is refused with a message the reviewer reads in Tasklist, an approval the case
 * refuses (blocked, closed, the first approver approving again) is refused and audited, and every decision is
 * recorded with who made it.
 */
@Service
public class CaseReview {

	/** What a reviewer decides on "Review unbinding application" (the form's values). */
	public enum Decision {

		APPROVE, REJECT, REQUEST_INFO,

		/** A blocked case waits for its block to clear: the merchant is told how, and the account is checked again. */
		WAIT_FOR_BLOCK;

		static Optional<Decision> parse(String value) {
			return Arrays.stream(values()).filter(d -> d.name().equals(value)).findFirst();
		}

	}

	/**
	 * A decision as recorded.
	 * @param requested for {@link Decision#REQUEST_INFO}: the documents asked for, all known codes
	 */
	public record Decided(Decision decision, String caseNumber, Set<String> requested) {

		/** Whether the identity must be checked again: the papers asked for concern it. */
		public boolean identityAgain() {
			return requested.stream().anyMatch(DocumentService.IDENTITY_PAPERS::contains);
		}

	}

	private final CaseRegistry cases;

	private final AuditLog audit;

	private final RefusalLog refusals;

	private final CaseMetrics metrics;

	private final Clock clock;

	CaseReview(CaseRegistry cases, AuditLog audit, RefusalLog refusals, CaseMetrics metrics, Clock clock) {
		this.cases = cases;
		this.audit = audit;
		this.refusals = refusals;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * The first review of the case of that process instance.
	 * @param reason the rejection reason (masked free text), needed to reject
	 * @param category the kind of reason ({@link RejectionCategory} code), needed to reject
	 * @param requestedDocuments the documents asked for, comma-separated codes, needed to request information
	 * @param comment the reviewer's comment (masked free text), or null
	 * @param dueAt when the review was due, for the SLA figures; null when it had no due date
	 * @param waited how long the task waited for its decision
	 */
	@Transactional
	public Decided decide(String processInstanceId, String decision, String reviewer, String reason, String category,
			String requestedDocuments, String comment, LocalDateTime dueAt, Duration waited) {
		UnbindingCase unbindingCase = cases.ofProcess(processInstanceId);
		Decision decided = Decision.parse(decision)
			.orElseThrow(() -> refused(unbindingCase, "请选择审核结论：批准、驳回、要求补充材料或等待限制解除"));
		Set<String> requested = Set.of();
		String detail = switch (decided) {
			case APPROVE -> {
				audited(unbindingCase, AuditAction.APPROVAL_REFUSED,
						() -> unbindingCase.approve(reviewer, LocalDateTime.now(clock)));
				yield "Approved";
			}
			case REJECT -> {
				if (reason == null) {
					throw refused(unbindingCase, "驳回须填写驳回原因");
				}
				RejectionCategory kind = rejectionCategory(unbindingCase, category);
				unbindingCase.recordRejection(kind);
				yield "Rejected (" + kind + "): " + reason;
			}
			case REQUEST_INFO -> {
				requested = DocumentService.parse(requestedDocuments);
				if (requested.isEmpty()) {
					throw refused(unbindingCase, "要求补充材料时，请选择需要补充的材料");
				}
				List<String> unknown = DocumentService.unknown(requestedDocuments);
				if (!unknown.isEmpty()) {
					throw refused(unbindingCase,
							"请从材料清单中选择需要补充的材料：" + String.join("、", unknown) + " 不是已知的材料");
				}
				yield "More information requested: " + DocumentService.join(requested);
			}
			case WAIT_FOR_BLOCK -> {
				if (!unbindingCase.isBlocked()) {
					throw refused(unbindingCase, "该案件没有未解除的账户限制，无需等待：请批准、驳回或要求补充材料");
				}
				yield "Waiting for the block to clear: " + unbindingCase.getBlockReasons();
			}
		};
		unbindingCase.recordReview(dueAt, LocalDateTime.now(clock));
		metrics.reviewDecided(waited);
		audit.record(unbindingCase, AuditAction.REVIEW_DECIDED, detail + (comment == null ? "" : " — " + comment),
				reviewer == null ? AuditLog.SYSTEM : reviewer);
		return new Decided(decided, unbindingCase.getCaseNumber(), requested);
	}

	/**
	 * The second approval of a high-risk case: approve or reject (with a reason and its kind, as on the first review, so
	 * that every rejection a person made is counted by kind). The first approver may not give it.
	 * @return the decision
	 */
	@Transactional
	public Decision decideSecond(String processInstanceId, String decision, String approver, String reason,
			String category) {
		UnbindingCase unbindingCase = cases.ofProcess(processInstanceId);
		if (approver == null) {
			throw refused(unbindingCase, "请先认领任务，再给出第二次批准");
		}
		refuseFirstApprover(unbindingCase, approver);
		Decision decided = Decision.parse(decision)
			.filter(d -> d == Decision.APPROVE || d == Decision.REJECT)
			.orElseThrow(() -> refused(unbindingCase, "请选择复核结论：批准或拒绝"));
		String detail;
		if (decided == Decision.APPROVE) {
			audited(unbindingCase, AuditAction.SECOND_APPROVAL_REFUSED,
					() -> unbindingCase.approveSecond(approver, LocalDateTime.now(clock)));
			detail = "Second approval given";
		}
		else {
			if (reason == null) {
				throw refused(unbindingCase, "拒绝第二次批准须填写原因");
			}
			RejectionCategory kind = rejectionCategory(unbindingCase, category);
			unbindingCase.recordRejection(kind);
			detail = "Second approval refused (" + kind + "): " + reason;
		}
		audit.record(unbindingCase, AuditAction.SECOND_APPROVAL_DECIDED, detail, approver);
		return decided;
	}

	/** Four eyes on claiming the second approval: the first approver is refused, and that is audited. */
	@Transactional
	public void mayGiveSecondApproval(String processInstanceId, String user) {
		refuseFirstApprover(cases.ofProcess(processInstanceId), user);
	}

	/** The kind of reason a rejection needs: one of the list, said in a sentence when it is missing or unknown. */
	private static RejectionCategory rejectionCategory(UnbindingCase unbindingCase, String category) {
		String names = Arrays.stream(RejectionCategory.values())
			.map(RejectionCategory::nameZh)
			.collect(java.util.stream.Collectors.joining("、"));
		if (category == null || category.isBlank()) {
			throw refused(unbindingCase, "驳回须选择驳回原因类别（" + names + "）");
		}
		return RejectionCategory.parse(category)
			.orElseThrow(() -> refused(unbindingCase, "请从列表中选择驳回原因类别：" + names));
	}

	private void refuseFirstApprover(UnbindingCase unbindingCase, String user) {
		audited(unbindingCase, AuditAction.SECOND_APPROVAL_REFUSED, () -> unbindingCase.refuseFirstApprover(user));
	}

	/** Runs a change the case may refuse; a refusal is recorded (in its own transaction) and passed on. */
	private void audited(UnbindingCase unbindingCase, AuditAction action, Runnable change) {
		try {
			change.run();
		}
		catch (CaseRuleViolation refused) {
			refusals.refused(unbindingCase, action, refused.getMessage());
			throw refused;
		}
	}

	private static CaseRuleViolation refused(UnbindingCase unbindingCase, String message) {
		return new CaseRuleViolation(unbindingCase.getCaseNumber(), message);
	}

}
