package org.unbinddesk.api;

import java.util.ArrayList;
import static org.unbinddesk.process.ProcessVariables.*;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.cases.CaseStatus;
import org.unbinddesk.cases.DepositReturn;
import org.unbinddesk.cases.Stage;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.cases.UnbindingCaseRepository;
import org.unbinddesk.documents.CaseDocument;
import org.unbinddesk.documents.CaseDocuments;
import org.unbinddesk.documents.DocumentService;
import org.unbinddesk.notice.Notice;
import org.unbinddesk.notice.NoticeRepository;
import org.unbinddesk.merchant.MerchantRepository;
import org.unbinddesk.merchant.Terminal;
import org.unbinddesk.merchant.TerminalRepository;
import org.unbinddesk.runtime.EngineAccess;
import org.unbinddesk.unbind.DeviceReturns;
import org.unbinddesk.problem.ProblemTypes;

/**
 * Reads cases for the API: the registry's case row, the process's decisions from the engine's history, open tasks,
 * what the case waits for, and the notices sent.
 */
@Service
@Transactional(readOnly = true)
class CaseQueries {

	/** Activity types that make a readable timeline (gateways and flows left out). */
	private static final List<String> TIMELINE_TYPES = List.of("startEvent", "serviceTask", "businessRuleTask",
			"userTask", "intermediateMessageCatch", "intermediateTimer", "boundaryTimer", "boundaryError", "noneEndEvent",
			"errorEndEvent", "messageStartEvent");

	private final UnbindingCaseRepository cases;

	private final MerchantRepository merchants;

	private final TerminalRepository terminals;

	private final NoticeRepository notices;

	private final HistoryService history;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final EngineAccess engine;

	private final CaseDocuments documents;

	private final DeviceReturns deviceReturns;

	CaseQueries(UnbindingCaseRepository cases, MerchantRepository merchants, TerminalRepository terminals,
			NoticeRepository notices,
			HistoryService history, RuntimeService runtime, TaskService tasks, EngineAccess engine,
			CaseDocuments documents, DeviceReturns deviceReturns) {
		this.deviceReturns = deviceReturns;
		this.documents = documents;
		this.cases = cases;
		this.merchants = merchants;
		this.terminals = terminals;
		this.notices = notices;
		this.history = history;
		this.runtime = runtime;
		this.tasks = tasks;
		this.engine = engine;
	}

	UnbindingCase find(String caseNumber) {
		return cases.findById(caseNumber)
			.orElseThrow(() -> new ApiException(ProblemTypes.CASE_NOT_FOUND, "No case " + caseNumber));
	}

	Optional<UnbindingCase> findOptional(String caseNumber) {
		return cases.findById(caseNumber);
	}

	CaseView view(String caseNumber) {
		return engine.asService(() -> viewOf(caseNumber));
	}

	private CaseView viewOf(String caseNumber) {
		UnbindingCase c = find(caseNumber);
		String pi = c.getProcessInstanceId();
		Map<String, Object> vars = new HashMap<>();
		for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
			.processInstanceId(pi)
			.disableCustomObjectDeserialization()
			.list()) {
			vars.put(v.getName(), v.getValue());
		}
		return new CaseView(c.getCaseNumber(), c.getStatus().name(), c.getStage().name(), name(c.getOutcome()),
				c.getOutcomeReason(), c.getOpenedAt(), c.getClosedAt(), c.getChannel(), c.getReason(),
				new CaseView.Merchant(c.getMerchantNo(),
						c.getMerchantNo() == null ? null
								: merchants.findById(c.getMerchantNo()).map(m -> m.getName()).orElse(null)),
				terminal(c),
				new CaseView.Applicant(c.getApplicantName(), c.getApplicantIdMasked(), c.getApplicantPhoneMasked(),
						c.getApplicantRole()),
				documents(caseNumber, list(vars.get(DOCUMENTS)), list(vars.get(MISSING_DOCUMENTS))),
				(String) vars.get(IDENTITY_RESULT), (String) vars.get(RISK_LEVEL), list(vars.get(RISK_SIGNALS)),
				(Boolean) vars.get(ACCOUNT_BLOCKED), list(vars.get(BLOCK_REASONS)), CaseView.amount(c.getFee()),
				CaseView.amount(c.getDepositRefund()), c.getDeviceDisposition(), deviceReturn(c),
				new CaseView.MerchantConsent(c.needsMerchantConsent(), c.getMerchantConsentAt(), c.getMerchantConsentBy(),
						c.getMerchantConsentAt() == null ? null : "SMS_ONE_TIME_CODE"),
				waitingFor(pi), openTasks(pi),
				timeline(pi), notices(caseNumber), incidents(pi));
	}

	private CaseView.DeviceReturn deviceReturn(UnbindingCase c) {
		if (c.getDepositReturn() != DepositReturn.DEVICE_RETURN) {
			return null;
		}
		LocalDateTime deadline = deviceReturns.deadlineOf(c).orElse(null);
		return deviceReturns.of(c.getCaseNumber())
			.map(r -> new CaseView.DeviceReturn(deadline, deviceReturns.address(), r.getCourierCompany(),
					r.getCourierNumber(), r.getShippedRecordedAt(), r.getReceivedAt(),
					r.getCondition() == null ? null : r.getCondition().name(), CaseView.amount(r.getDeduction()),
					r.getForfeitedAt()))
			.orElse(new CaseView.DeviceReturn(deadline, deviceReturns.address(), null, null, null, null, null, null,
					null));
	}

	private CaseView.Terminal terminal(UnbindingCase c) {
		Optional<Terminal> terminal = c.getTerminalSn() == null ? Optional.empty() : terminals.findById(c.getTerminalSn());
		return new CaseView.Terminal(c.getTerminalId(), c.getTerminalSn(), terminal.map(Terminal::getStatus).orElse(null),
				terminal.map(Terminal::getStatusChangedAt).orElse(null));
	}

	private CaseView.Documents documents(String caseNumber, List<String> supplied, List<String> missing) {
		List<CaseDocument> stored = documents.list(caseNumber);
		Set<String> codes = new LinkedHashSet<>(supplied);
		stored.forEach(d -> codes.add(d.code()));
		codes.addAll(missing);
		List<CaseView.DocumentItem> items = new ArrayList<>();
		for (String code : codes) {
			List<CaseView.FileView> files = stored.stream()
				.filter(d -> d.code().equals(code) && d.kind() == CaseDocument.Kind.FILE)
				.map(CaseFiles::fileView)
				.toList();
			List<CaseView.Supply> elsewhere = stored.stream()
				.filter(d -> d.code().equals(code) && d.kind() == CaseDocument.Kind.VERIFIED_ELSEWHERE)
				.map(d -> new CaseView.Supply(d.suppliedBy(), d.suppliedAt()))
				.toList();
			String paper = !files.isEmpty() ? "FILES" : missing.contains(code) ? "MISSING" : "CODE_ONLY";
			items.add(new CaseView.DocumentItem(code, DocumentService.nameZh(code), DocumentService.nameEn(code), paper,
					files.size(), files, elsewhere));
		}
		Set<String> allSupplied = new LinkedHashSet<>(supplied);
		stored.stream().filter(d -> !missing.contains(d.code())).forEach(d -> allSupplied.add(d.code()));
		return new CaseView.Documents(List.copyOf(allSupplied), missing, items);
	}

	List<CaseView.NoticeView> notices(String caseNumber) {
		find(caseNumber);
		return notices.findByCaseNumberOrderByIdAsc(caseNumber).stream().map(CaseQueries::noticeView).toList();
	}

	/** Message names the case waits for now, and the open tasks by name. */
	List<String> waitingFor(String processInstanceId) {
		if (processInstanceId == null) {
			return List.of();
		}
		return engine.asService(() -> runtime.createEventSubscriptionQuery()
			.processInstanceId(processInstanceId)
			.eventType("message")
			.list()
			.stream()
			.map(EventSubscription::getEventName)
			.distinct()
			.sorted()
			.toList());
	}

	private List<CaseView.OpenTask> openTasks(String processInstanceId) {
		if (processInstanceId == null) {
			return List.of();
		}
		return tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.list()
			.stream()
			.map(this::openTask)
			.toList();
	}

	private CaseView.OpenTask openTask(Task t) {
		List<String> groups = tasks.getIdentityLinksForTask(t.getId())
			.stream()
			.filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.sorted()
			.toList();
		return new CaseView.OpenTask(t.getName(), groups, t.getAssignee(), t.getCreateTime(), t.getDueDate(),
				t.getPriority());
	}

	private List<CaseView.IncidentView> incidents(String processInstanceId) {
		if (processInstanceId == null) {
			return List.of();
		}
		return runtime.createIncidentQuery()
			.processInstanceId(processInstanceId)
			.list()
			.stream()
			.map(i -> new CaseView.IncidentView(i.getActivityId(), i.getIncidentMessage(), i.getIncidentTimestamp()))
			.toList();
	}

	private List<CaseView.TimelineEntry> timeline(String processInstanceId) {
		if (processInstanceId == null) {
			return List.of();
		}
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list()
			.stream()
			.filter(a -> TIMELINE_TYPES.contains(a.getActivityType()))
			.map(CaseQueries::entry)
			.toList();
	}

	private static CaseView.TimelineEntry entry(HistoricActivityInstance a) {
		String actor = "userTask".equals(a.getActivityType()) ? a.getAssignee() : "system";
		return new CaseView.TimelineEntry(a.getActivityName(), a.getActivityType(), a.getStartTime(), a.getEndTime(),
				actor);
	}

	CaseView.Page search(CaseStatus status, Stage stage, String merchantNo, String terminalId, LocalDateTime from,
			LocalDateTime to, int page, int size) {
		Specification<UnbindingCase> spec = (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (status != null) {
				where.add(cb.equal(root.get("status"), status));
			}
			if (stage != null) {
				where.add(cb.equal(root.get("stage"), stage));
			}
			if (merchantNo != null) {
				where.add(cb.equal(root.get("merchantNo"), merchantNo));
			}
			if (terminalId != null) {
				where.add(cb.equal(root.get("terminalId"), terminalId));
			}
			if (from != null) {
				where.add(cb.greaterThanOrEqualTo(root.get("openedAt"), from));
			}
			if (to != null) {
				where.add(cb.lessThan(root.get("openedAt"), to));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
		var result = cases.findAll(spec,
				PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "openedAt").and(Sort.by("caseNumber"))));
		return new CaseView.Page(result.map(CaseQueries::summary).getContent(), page, size, result.getTotalElements(),
				result.getTotalPages());
	}

	private static CaseView.Summary summary(UnbindingCase c) {
		return new CaseView.Summary(c.getCaseNumber(), c.getStatus().name(), c.getStage().name(), name(c.getOutcome()),
				c.getMerchantNo(), c.getTerminalId(), c.getReason(), c.getOpenedAt(), c.getClosedAt());
	}

	private static CaseView.NoticeView noticeView(Notice n) {
		return new CaseView.NoticeView(n.getType().name(), n.getLanguage(), n.getText(), n.getCreatedAt(),
				n.getStatus(), n.getChannel() == null ? null : n.getChannel().name(), n.getAttempts(), n.getSentAt(),
				n.getDeliveredAt(), n.getFailureReason());
	}

	private static List<String> list(Object commaSeparated) {
		if (!(commaSeparated instanceof String s) || s.isBlank()) {
			return List.of();
		}
		return Arrays.stream(s.split(",")).map(String::strip).filter(Objects::nonNull).toList();
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}
}
