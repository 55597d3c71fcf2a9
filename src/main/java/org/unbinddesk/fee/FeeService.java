package org.unbinddesk.fee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.unbinddesk.merchant.Terminal;

/**
 * Decides fee and deposit refund with the {@code UnbindingFee} decision table, and the SIM data fee (流量费) with the
 * {@code SimDataFee} table beside it, where business users keep the rules. A SIM data fee owed is part of the fee the
 * merchant accepts; one refunded is shown beside it.
 */
@Service
public class FeeService {

	public static final String DECISION = "UnbindingFee";

	public static final String SIM_DECISION = "SimDataFee";

	private final DecisionService decisions;

	private final Clock clock;

	FeeService(DecisionService decisions, Clock clock) {
		this.decisions = decisions;
		this.clock = clock;
	}

	public FeeAssessment assess(String reason, Terminal terminal) {
		LocalDate today = LocalDate.now(clock);
		int months = (int) Period.between(terminal.getActivatedOn(), today).toTotalMonths();
		DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION)
			.variables(Variables.createVariables()
				.putValue("reason", reason)
				.putValue("ownership", terminal.getOwnership())
				.putValue("monthsSinceActivation", months)
				.putValue("minimumTermMonths", terminal.getMinimumTermMonths())
				.putValue("deposit", terminal.getDeposit().doubleValue()))
			.evaluate()
			.getSingleResult();
		if (result == null) {
			throw new IllegalStateException("No rule of " + DECISION + " applies to reason " + reason
					+ " and ownership " + terminal.getOwnership());
		}
		DmnDecisionResultEntries sim = simDataFee(reason, terminal, today);
		BigDecimal simFee = amount(sim.getEntry("simFee"));
		return new FeeAssessment(amount(result.getEntry("fee")).add(simFee), amount(result.getEntry("depositRefund")),
				result.getEntry("feeRule"), simFee, amount(sim.getEntry("simRefund")));
	}

	/**
	 * Whole months between today and the end of the SIM plan's paid period: positive while paid ahead, negative once
	 * months are owed (a month counts when it is complete).
	 */
	private DmnDecisionResultEntries simDataFee(String reason, Terminal terminal, LocalDate today) {
		boolean plan = terminal.hasSimPlan();
		DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(SIM_DECISION)
			.variables(Variables.createVariables()
				.putValue("reason", reason)
				.putValue("simPlan", plan)
				.putValue("simMonthsPaidAhead", plan ? (int) Period.between(today, terminal.getSimPaidUntil()).toTotalMonths() : 0)
				.putValue("simAnnualFee", plan ? terminal.getSimAnnualFee().doubleValue() : 0.0))
			.evaluate()
			.getSingleResult();
		if (result == null) {
			throw new IllegalStateException("No rule of " + SIM_DECISION + " applies to reason " + reason);
		}
		return result;
	}

	private static BigDecimal amount(Object value) {
		return new BigDecimal(String.valueOf(value)).setScale(2, RoundingMode.HALF_UP);
	}

}
