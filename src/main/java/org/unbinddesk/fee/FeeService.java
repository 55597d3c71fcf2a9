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
 * Decides fee and deposit refund with the {@code UnbindingFee} decision table, where business users keep the rules.
 */
@Service
public class FeeService {

	public static final String DECISION = "UnbindingFee";

	private final DecisionService decisions;

	private final Clock clock;

	FeeService(DecisionService decisions, Clock clock) {
		this.decisions = decisions;
		this.clock = clock;
	}

	public FeeAssessment assess(String reason, Terminal terminal) {
		int months = Period.between(terminal.getActivatedOn(), LocalDate.now(clock)).getMonths()
				+ 12 * Period.between(terminal.getActivatedOn(), LocalDate.now(clock)).getYears();
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
		return new FeeAssessment(amount(result.getEntry("fee")), amount(result.getEntry("depositRefund")),
				result.getEntry("feeRule"));
	}

	private static BigDecimal amount(Object value) {
		return new BigDecimal(String.valueOf(value)).setScale(2, RoundingMode.HALF_UP);
	}

}
