package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.DepositReturn;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.notice.NoticeService;
import org.unbinddesk.notice.NoticeService.NoticeDetails;
import org.unbinddesk.notice.NoticeService.ReturnTerms;
import org.unbinddesk.notice.NoticeType;
import org.unbinddesk.unbind.DeviceReturn;
import org.unbinddesk.unbind.DeviceReturns;
import org.unbinddesk.unbind.UnbindSchedule;
import org.unbinddesk.unbind.UnbindService;
import org.unbinddesk.audit.AuditAction;

/**
 * Every "Send … notice" task: the task's {@code noticeType} extension property says which notice; the case's record
 * and variables fill it. The type is part of the diagram, not a variable: it costs the case no rows.
 */
@Component("sendNotice")
class SendNoticeDelegate implements JavaDelegate {

	private final NoticeService notices;

	private final CaseRegistry cases;

	private final UnbindingSettings settings;

	private final AuditLog audit;

	private final UnbindService refunds;

	private final UnbindSchedule schedule;

	private final Clock clock;

	private final DeviceReturns deviceReturns;

	/** The extension property of each "Send … notice" task that names its notice. */
	static final String NOTICE_TYPE = "noticeType";

	/** Each task's notice type, by process definition and activity: read from the model once. */
	private final Map<String, Optional<NoticeType>> noticeTypes = new ConcurrentHashMap<>();

	SendNoticeDelegate(NoticeService notices, CaseRegistry cases, UnbindingSettings settings, AuditLog audit,
			UnbindService refunds, UnbindSchedule schedule, DeviceReturns deviceReturns, Clock clock) {
		this.deviceReturns = deviceReturns;
		this.schedule = schedule;
		this.refunds = refunds;
		this.notices = notices;
		this.cases = cases;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		NoticeType type = noticeTypes
			.computeIfAbsent(execution.getProcessDefinitionId() + '/' + execution.getCurrentActivityId(),
					key -> noticeTypeOf(execution.getBpmnModelElementInstance()))
			.or(() -> Optional.ofNullable(text(execution, NOTICE_TYPE)).map(NoticeType::valueOf))
			.orElseThrow(() -> new IllegalStateException(
					"Task " + execution.getCurrentActivityId() + " sends a notice but has no noticeType property"));
		UnbindingCase c = cases.ofProcess(execution.getProcessInstanceId());
		notices.send(c, type, details(type, c, execution));
		audit.record(c, AuditAction.NOTICE_SENT, type.name());
	}

	/**
	 * The task's {@code noticeType} property ({@code <camunda:property name="noticeType" value="…"/>}). A case still
	 * running on a version of the diagram from before the property has none: its task gives the type as an input
	 * variable of the same name, which {@link #execute} reads instead.
	 */
	static Optional<NoticeType> noticeTypeOf(FlowElement task) {
		ExtensionElements extensions = task.getExtensionElements();
		return (extensions == null ? List.<CamundaProperties>of()
				: extensions.getElementsQuery().filterByType(CamundaProperties.class).list())
			.stream()
			.flatMap(properties -> properties.getCamundaProperties().stream())
			.filter(property -> NOTICE_TYPE.equals(property.getCamundaName()))
			.map(property -> NoticeType.valueOf(property.getCamundaValue()))
			.findFirst();
	}

	/** Amounts come from the case's record (what was assessed), never from a variable a caller could have set. */
	private NoticeDetails details(NoticeType type, UnbindingCase c, DelegateExecution execution) {
		LocalDateTime now = LocalDateTime.now(clock);
		return switch (type) {
			case DOCUMENTS_REQUEST -> new NoticeDetails(null, null, text(execution, MISSING_DOCUMENTS), null, null,
					now.plus(settings.documentsDeadlinePeriod()));
			case FEE_NOTICE -> new NoticeDetails(null, null, null, orZero(c.getFee()), orZero(c.getDepositRefund()),
					now.plus(settings.feeDecisionDeadlinePeriod()));
			case CONFIRMATION -> new NoticeDetails(null, null, null, null, refunds.refundedFor(c.getCaseNumber()), null,
					returnTerms(c));
			case APPROVAL -> new NoticeDetails(null, null, null, null, orZero(c.getDepositRefund()),
					LocalDateTime.ofInstant(schedule.stopAt(execution).toInstant(), clock.getZone()), returnTerms(c));
			case DEPOSIT_NOTICE -> new NoticeDetails(null, null, null, null, orZero(c.getDepositRefund()), null,
					returnOutcome(c));
			case BLOCK_NOTICE -> new NoticeDetails(null, null, c.getBlockReasons(), null, null,
					LocalDateTime.ofInstant(((Date) execution.getVariable(BLOCK_WAIT_UNTIL)).toInstant(), clock.getZone()));
			case REQUEST_INVALID, REJECTION, WITHDRAWAL, LAPSE -> reason(execution);
			case CANCELLATION -> NoticeDetails.none();
			case CONSENT_CODE -> throw new IllegalArgumentException("A one-time code is sent by the case API only");
		};
	}

	/** Where and by when a leased device goes back; null when the case's deposit does not wait for one. */
	private ReturnTerms returnTerms(UnbindingCase c) {
		if (c.getDepositReturn() != DepositReturn.DEVICE_RETURN) {
			return null;
		}
		return deviceReturns.deadlineOf(c).map(deadline -> ReturnTerms.expected(deviceReturns.address(), deadline))
			.orElse(null);
	}

	/** What the warehouse found and the refund started, or the forfeit. */
	private ReturnTerms returnOutcome(UnbindingCase c) {
		DeviceReturn deviceReturn = deviceReturns.of(c.getCaseNumber()).orElseThrow(
				() -> new IllegalStateException("Case " + c.getCaseNumber() + " has no device return to tell of"));
		return new ReturnTerms(deviceReturns.address(), deviceReturns.deadlineOf(c).orElse(null),
				deviceReturn.getCondition() == null ? null : deviceReturn.getCondition().name(), deviceReturn.getDeduction(),
				refunds.refundedFor(c.getCaseNumber()), deviceReturn.getForfeitedAt() != null);
	}

	private static BigDecimal orZero(BigDecimal amount) {
		return amount == null ? BigDecimal.ZERO : amount;
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
