package org.unbinddesk.tasklist;

import static org.unbinddesk.process.ProcessVariables.OUTCOME_REASON_ARGS;
import static org.unbinddesk.process.ProcessVariables.OUTCOME_REASON_CODE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.unbinddesk.access.Groups;
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.cases.UnbindingCaseRepository;
import org.unbinddesk.merchant.MerchantRepository;
import org.unbinddesk.notice.NoticeService;
import org.unbinddesk.runtime.EngineAccess;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * How a case started from Tasklist came out, for the agent who started it: its number and whether the request was
 * accepted or ended at "Request invalid", with the reason in Chinese. Tasklist's start dialog only says that a process
 * started; "Register request" runs inside the start, so the answer is known as soon as the start returns. Behind the
 * web apps' own login (their session, as for the engine API they call); read by the same groups that read cases.
 */
@RestController
@Hidden
class StartedCaseController {

	private final IdentityService identity;

	private final UnbindingCaseRepository cases;

	private final MerchantRepository merchants;

	private final HistoryService history;

	private final NoticeService notices;

	private final EngineAccess engine;

	StartedCaseController(IdentityService identity, UnbindingCaseRepository cases, MerchantRepository merchants,
			HistoryService history, NoticeService notices, EngineAccess engine) {
		this.identity = identity;
		this.cases = cases;
		this.merchants = merchants;
		this.history = history;
		this.notices = notices;
		this.engine = engine;
	}

	/**
	 * @param accepted whether the request was accepted; when not, {@code reason} says why
	 * @param merchantName the merchant's name, when the merchant is known
	 */
	record StartedCase(String caseNumber, boolean accepted, String status, String stage, String outcome, String reason,
			String merchantNo, String merchantName, String terminalId) {
	}

	@GetMapping("/camunda/api/unbind-desk/started-cases/{processInstanceId}")
	@Transactional(readOnly = true)
	ResponseEntity<StartedCase> started(@PathVariable String processInstanceId) {
		Authentication caller = identity.getCurrentAuthentication();
		if (caller == null || caller.getUserId() == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
		if (!Groups.readCases(groups)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		return ResponseEntity.of(cases.findByProcessInstanceId(processInstanceId).map(this::view));
	}

	private StartedCase view(UnbindingCase c) {
		boolean invalid = c.getOutcome() == Outcome.REQUEST_INVALID;
		String merchantName = Optional.ofNullable(c.getMerchantNo())
			.flatMap(merchants::findById)
			.map(m -> m.getName())
			.orElse(null);
		return new StartedCase(c.getCaseNumber(), !invalid, c.getStatus().name(), c.getStage().name(),
				c.getOutcome() == null ? null : c.getOutcome().name(), invalid ? invalidReason(c) : null,
				c.getMerchantNo(), merchantName, c.getTerminalId());
	}

	/** The system's reason in Chinese, from the code and values "Register request" recorded. */
	private String invalidReason(UnbindingCase c) {
		Map<String, Object> values = new HashMap<>();
		engine.asService(() -> history.createHistoricVariableInstanceQuery()
			.processInstanceId(c.getProcessInstanceId())
			.variableNameIn(OUTCOME_REASON_CODE, OUTCOME_REASON_ARGS)
			.list())
			.forEach((HistoricVariableInstance v) -> values.put(v.getName(), v.getValue()));
		Object code = values.get(OUTCOME_REASON_CODE);
		Object args = values.get(OUTCOME_REASON_ARGS);
		String reason = code == null ? null
				: notices.describeInChinese(code.toString(),
						args == null || args.toString().isEmpty() ? new Object[0] : args.toString().split("\\|"));
		return reason != null ? reason : notices.describeInChinese("seeHotline", new Object[0]);
	}

}
