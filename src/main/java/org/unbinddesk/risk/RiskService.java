package org.unbinddesk.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.cases.UnbindingCaseRepository;
import org.unbinddesk.merchant.Binding;
import org.unbinddesk.merchant.BindingRepository;
import org.unbinddesk.merchant.SettlementAccountRepository;
import org.unbinddesk.merchant.Terminal;

/**
 * Gathers the facts behind the risk signals of DOMAIN.md from the registry and lets the {@code UnbindingRisk} table
 * name the signals and their levels.
 */
@Service
public class RiskService {

	public static final String DECISION = "UnbindingRisk";

	private static final int REPEAT_WINDOW_DAYS = 90;

	private final DecisionService decisions;

	private final UnbindingCaseRepository cases;

	private final BindingRepository bindings;

	private final SettlementAccountRepository accounts;

	private final Clock clock;

	RiskService(DecisionService decisions, UnbindingCaseRepository cases, BindingRepository bindings,
			SettlementAccountRepository accounts, Clock clock) {
		this.decisions = decisions;
		this.cases = cases;
		this.bindings = bindings;
		this.accounts = accounts;
		this.clock = clock;
	}

	public RiskAssessment assess(UnbindingCase unbindingCase, Terminal terminal) {
		LocalDateTime now = LocalDateTime.now(clock);
		long daysSinceCardChange = bindings.findByTerminalSn(terminal.getSn())
			.map(Binding::getSettlementAccountId)
			.flatMap(accounts::findById)
			.map(a -> ChronoUnit.DAYS.between(a.getChangedAt(), now))
			.orElse(Long.MAX_VALUE / 2);
		long earlierRequests = cases.countGenuineRequests(terminal.getSn(),
				now.minusDays(REPEAT_WINDOW_DAYS), unbindingCase.getCaseNumber());
		List<Map<String, Object>> rows = decisions.evaluateDecisionByKey(DECISION)
			.variables(Variables.createVariables()
				.putValue("reason", unbindingCase.getReason())
				.putValue("daysSinceActivation",
						(int) ChronoUnit.DAYS.between(terminal.getActivatedOn(), LocalDate.now(clock)))
				.putValue("daysSinceSettlementCardChange", (int) Math.min(daysSinceCardChange, Integer.MAX_VALUE))
				.putValue("earlierRequests", (int) earlierRequests)
				.putValue("seenAwayFromAddress", terminal.isSeenAwayFromAddress())
				.putValue("applicantRole", unbindingCase.getApplicantRole())
				.putValue("suspiciousCallReported", unbindingCase.isSuspiciousCallReported()))
			.evaluate()
			.getResultList();
		List<String> signals = rows.stream().map(r -> (String) r.get("signal")).toList();
		List<String> levels = rows.stream().map(r -> (String) r.get("level")).toList();
		String level = levels.contains(RiskAssessment.HIGH) ? RiskAssessment.HIGH
				: levels.contains(RiskAssessment.MEDIUM) ? RiskAssessment.MEDIUM : RiskAssessment.LOW;
		return new RiskAssessment(level, signals);
	}

}
