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
import org.unbinddesk.cases.DepositReturn;
import org.unbinddesk.merchant.Terminal;

/**
 * Decides the fee with the {@code UnbindingFee} decision table, the deposit refund and how it comes back with
 * {@code DepositRefund}, the SIM data fee (流量费) with {@code SimDataFee} and what damage to a returned device costs
 * with {@code DeviceDamageDeduction}, where business users keep the rules. A SIM data fee owed is part of the fee the
 * merchant accepts; one refunded is shown beside it.
 */
@Service
public class FeeService {

	public static final String DECISION = "UnbindingFee";

	public static final String SIM_DECISION = "SimDataFee";

	public static final String DEPOSIT_DECISION = "DepositRefund";

	public static final String DAMAGE_DECISION = "DeviceDamageDeduction";

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
				.putValue("minimumTermMonths", terminal.getMinimumTermMonths()))
			.evaluate()
			.getSingleResult();
		if (result == null) {
			throw new IllegalStateException("No rule of " + DECISION + " applies to reason " + reason
					+ " and ownership " + terminal.getOwnership());
		}
		DmnDecisionResultEntries sim = simDataFee(reason, terminal, today);
		BigDecimal simFee = amount(sim.getEntry("simFee"));
		DmnDecisionResultEntries deposit = depositRefund(reason, terminal);
		return new FeeAssessment(amount(result.getEntry("fee")).add(simFee), amount(deposit.getEntry("depositRefund")),
				DepositReturn.valueOf(deposit.getEntry("depositReturn")), result.getEntry("feeRule"), simFee,
				amount(sim.getEntry("simRefund")));
	}

	/**
	 * What is deducted from a returned device's deposit for the condition the warehouse found it in (DMN
	 * {@code DeviceDamageDeduction}); never more than the deposit.
	 * @throws IllegalArgumentException for a condition the table does not know
	 */
	public BigDecimal damageDeduction(DeviceCondition condition, BigDecimal deposit) {
		DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DAMAGE_DECISION)
			.variables(Variables.createVariables()
				.putValue("condition", condition.name())
				.putValue("deposit", deposit.doubleValue()))
			.evaluate()
			.getSingleResult();
		if (result == null) {
			throw new IllegalArgumentException("No rule of " + DAMAGE_DECISION + " applies to " + condition);
		}
		return amount(result.getEntry("deduction")).min(deposit).max(BigDecimal.ZERO);
	}

	private DmnDecisionResultEntries depositRefund(String reason, Terminal terminal) {
		DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DEPOSIT_DECISION)
			.variables(Variables.createVariables()
				.putValue("reason", reason)
				.putValue("ownership", terminal.getOwnership())
				.putValue("depositModel", terminal.getDepositModel())
				.putValue("activationTargetMet", terminal.isActivationTargetMet())
				.putValue("deposit", terminal.getDeposit().doubleValue()))
			.evaluate()
			.getSingleResult();
		if (result == null) {
			throw new IllegalStateException("No rule of " + DEPOSIT_DECISION + " applies to reason " + reason
					+ " and ownership " + terminal.getOwnership());
		}
		return result;
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
