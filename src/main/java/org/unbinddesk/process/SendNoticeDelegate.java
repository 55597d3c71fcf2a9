package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.amount;
import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import java.time.Clock;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.notice.NoticeService;
import org.unbinddesk.notice.NoticeService.NoticeDetails;
import org.unbinddesk.notice.NoticeType;

/**
 * Every "Send … notice" task: the task's {@code noticeType} input says which notice; the case's variables fill it.
 */
@Component("sendNotice")
class SendNoticeDelegate implements JavaDelegate {

	private final NoticeService notices;

	private final CaseRegistry cases;

	private final UnbindingSettings settings;

	private final AuditLog audit;

	private final Clock clock;

	SendNoticeDelegate(NoticeService notices, CaseRegistry cases, UnbindingSettings settings, AuditLog audit,
			Clock clock) {
		this.notices = notices;
		this.cases = cases;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		NoticeType type = NoticeType.valueOf(text(execution, NOTICE_TYPE));
		UnbindingCase c = cases.get(text(execution, CASE_NUMBER));
		notices.send(c, type, details(type, execution));
		audit.record(c, "NOTICE_SENT", type.name());
	}

	private NoticeDetails details(NoticeType type, DelegateExecution execution) {
		LocalDateTime now = LocalDateTime.now(clock);
		return switch (type) {
			case DOCUMENTS_REQUEST -> new NoticeDetails(null, null, text(execution, MISSING_DOCUMENTS), null, null,
					now.plus(settings.documentsDeadlinePeriod()));
			case FEE_NOTICE -> new NoticeDetails(null, null, null, amount(execution, FEE),
					amount(execution, DEPOSIT_REFUND), now.plus(settings.feeDecisionDeadlinePeriod()));
			case CONFIRMATION -> new NoticeDetails(null, null, null, null, amount(execution, REFUND_STARTED), null);
			case REQUEST_INVALID, REJECTION, WITHDRAWAL -> reason(execution);
			case LAPSE, CANCELLATION -> NoticeDetails.none();
		};
	}

	private static NoticeDetails reason(DelegateExecution execution) {
		String code = text(execution, OUTCOME_REASON_CODE);
		if (code != null) {
			String args = text(execution, OUTCOME_REASON_ARGS);
			return NoticeDetails.reason(code, (Object[]) (args == null ? new String[0] : args.split("\\|")));
		}
		return NoticeDetails.text(text(execution, OUTCOME_REASON));
	}

}
