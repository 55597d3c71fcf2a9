package org.unbinddesk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unbinddesk.process.CachingFeelEngineFactory;

/**
 * Every rule of the three decision tables in {@code bpmn/}, on a standalone DMN engine with the FEEL engine the
 * service uses (expressions parsed once: {@link CachingFeelEngineFactory}; {@link FeelExpressionCacheTests} holds it to
 * Camunda's own).
 */
class DecisionTablesTests {

	static DmnEngine dmn;

	static DmnDecision fee;

	static DmnDecision simDataFee;

	static DmnDecision depositRefund;

	static DmnDecision damage;

	static DmnDecision risk;

	static DmnDecision documents;

	@BeforeAll
	static void parse() throws IOException {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.setFeelEngineFactory(new CachingFeelEngineFactory(1000));
		dmn = configuration.buildEngine();
		fee = parse("UnbindingFee", "bpmn/unbinding-fee.dmn");
		simDataFee = parse("SimDataFee", "bpmn/unbinding-fee.dmn");
		depositRefund = parse("DepositRefund", "bpmn/unbinding-fee.dmn");
		damage = parse("DeviceDamageDeduction", "bpmn/unbinding-fee.dmn");
		risk = parse("UnbindingRisk", "bpmn/unbinding-risk.dmn");
		documents = parse("RequiredDocuments", "bpmn/required-documents.dmn");
	}

	private static DmnDecision parse(String key, String file) throws IOException {
		try (InputStream in = new FileInputStream(file)) {
			return dmn.parseDecision(key, in);
		}
	}

	@ParameterizedTest(name = "{0}, {1}, {2} of {3} months → fee {4} ({5})")
	@CsvSource({ "LOST_DEVICE,        DEPOSIT,   10, 0,  0,   LOST_DEVICE",
			"SWITCHING_PROVIDER, DEPOSIT,   4,  12, 120, EARLY_TERMINATION",
			"SWITCHING_PROVIDER, PURCHASED, 11, 12, 15,  EARLY_TERMINATION",
			"SWITCHING_PROVIDER, DEPOSIT,   14, 12, 0,   NO_FEE",
			"DEVICE_FAULT,       DEPOSIT,   23, 0,  0,   NO_FEE",
			"BUSINESS_CLOSED,    PURCHASED, 30, 0,  0,   NO_FEE" })
	void decidesFee(String reason, String ownership, int months, int minimumTerm, double expectedFee,
			String expectedRule) {
		DmnDecisionResult result = dmn.evaluateDecision(fee,
				Variables.createVariables()
					.putValue("reason", reason)
					.putValue("ownership", ownership)
					.putValue("monthsSinceActivation", months)
					.putValue("minimumTermMonths", minimumTerm));

		assertThat(((Number) result.getSingleResult().getEntry("fee")).doubleValue()).isEqualTo(expectedFee);
		assertThat((String) result.getSingleResult().getEntry("feeRule")).isEqualTo(expectedRule);
	}

	@ParameterizedTest(name = "{0}, {1}, {2}, target met {3}, deposit {4} → refund {5} {6} ({7})")
	@CsvSource({ "LOST_DEVICE,        DEPOSIT,   REFUND_ON_RETURN,  false, 299, 0,   NONE,          LOST_DEVICE",
			"BUSINESS_CLOSED,    PURCHASED, REFUND_ON_RETURN,  false, 0,   0,   NONE,          NO_DEPOSIT",
			"BUSINESS_CLOSED,    DEPOSIT,   REFUND_ON_RETURN,  false, 0,   0,   NONE,          NO_DEPOSIT",
			"DEVICE_FAULT,       DEPOSIT,   REFUND_ON_RETURN,  false, 299, 299, DEVICE_RETURN, REFUND_ON_RETURN",
			"SWITCHING_PROVIDER, DEPOSIT,   REFUND_ON_RETURN,  false, 199, 199, DEVICE_RETURN, REFUND_ON_RETURN",
			"BUSINESS_CLOSED,    DEPOSIT,   ACTIVATION_TARGET, true,  99,  99,  ON_UNBIND,     ACTIVATION_TARGET_MET",
			"BUSINESS_CLOSED,    DEPOSIT,   ACTIVATION_TARGET, false, 99,  0,   NONE,          ACTIVATION_TARGET_NOT_MET",
			"LOST_DEVICE,        DEPOSIT,   ACTIVATION_TARGET, true,  99,  0,   NONE,          LOST_DEVICE" })
	void decidesHowTheDepositComesBack(String reason, String ownership, String depositModel, boolean targetMet,
			double deposit, double expectedRefund, String expectedReturn, String expectedRule) {
		DmnDecisionResult result = dmn.evaluateDecision(depositRefund,
				Variables.createVariables()
					.putValue("reason", reason)
					.putValue("ownership", ownership)
					.putValue("depositModel", depositModel)
					.putValue("activationTargetMet", targetMet)
					.putValue("deposit", deposit));

		assertThat(((Number) result.getSingleResult().getEntry("depositRefund")).doubleValue()).isEqualTo(expectedRefund);
		assertThat((String) result.getSingleResult().getEntry("depositReturn")).isEqualTo(expectedReturn);
		assertThat((String) result.getSingleResult().getEntry("depositRule")).isEqualTo(expectedRule);
	}

	@ParameterizedTest(name = "{0}, deposit {1} → deduction {2}")
	@CsvSource({ "INTACT, 299, 0", "MISSING_ACCESSORIES, 299, 30", "MISSING_ACCESSORIES, 20, 20", "DAMAGED, 299, 100",
			"DAMAGED, 99, 99", "NOT_WORKING, 299, 299" })
	void pricesTheConditionOfAReturnedDevice(String condition, double deposit, double expectedDeduction) {
		DmnDecisionResult result = dmn.evaluateDecision(damage,
				Variables.createVariables().putValue("condition", condition).putValue("deposit", deposit));

		assertThat(((Number) result.getSingleResult().getEntry("deduction")).doubleValue()).isEqualTo(expectedDeduction);
	}

	@Test
	void everyConditionAWarehouseCanRecordIsPriced() {
		for (org.unbinddesk.fee.DeviceCondition condition : org.unbinddesk.fee.DeviceCondition.values()) {
			assertThat(dmn.evaluateDecision(damage,
					Variables.createVariables().putValue("condition", condition.name()).putValue("deposit", 299.0))
				.getSingleResult()).as(condition.name()).isNotNull();
		}
	}

	@ParameterizedTest(name = "{0}, plan {1}, {2} months paid ahead at {3} a year → charged {4}, refunded {5} ({6})")
	@CsvSource({ "DEVICE_FAULT,       true,  4,  60, 0,  20, SIM_REFUND",
			"LOST_DEVICE,        true,  11, 60, 0,  55, SIM_REFUND",
			"BUSINESS_CLOSED,    true,  -2, 60, 10, 0,  SIM_OWED",
			"SWITCHING_PROVIDER, true,  -3, 36, 9,  0,  SIM_OWED",
			"BUSINESS_CLOSED,    true,  0,  60, 0,  0,  SIM_PAID_UP",
			"DEVICE_REPLACEMENT, true,  6,  60, 0,  0,  PLAN_MOVES_TO_REPLACEMENT",
			"DEVICE_REPLACEMENT, true,  -2, 60, 0,  0,  PLAN_MOVES_TO_REPLACEMENT",
			"BUSINESS_CLOSED,    false, 0,  0,  0,  0,  NO_SIM_PLAN" })
	void decidesSimDataFee(String reason, boolean plan, int monthsPaidAhead, double annualFee, double expectedCharge,
			double expectedRefund, String expectedRule) {
		DmnDecisionResult result = dmn.evaluateDecision(simDataFee,
				Variables.createVariables()
					.putValue("reason", reason)
					.putValue("simPlan", plan)
					.putValue("simMonthsPaidAhead", monthsPaidAhead)
					.putValue("simAnnualFee", annualFee));

		assertThat(((Number) result.getSingleResult().getEntry("simFee")).doubleValue()).isEqualTo(expectedCharge);
		assertThat(((Number) result.getSingleResult().getEntry("simRefund")).doubleValue()).isEqualTo(expectedRefund);
		assertThat((String) result.getSingleResult().getEntry("simRule")).isEqualTo(expectedRule);
	}

	@ParameterizedTest(name = "{0} → {1} {2}")
	@CsvSource({ "cardChangedDaysAgo=10,       RECENT_SETTLEMENT_CARD_CHANGE, HIGH",
			"activatedDaysAgo=30,          SHORTLY_AFTER_ACTIVATION,      MEDIUM",
			"reason=LOST_DEVICE,           LOST_DEVICE,                   HIGH",
			"reason=CHANGE_OF_OWNER,       CHANGE_OF_OWNER,               HIGH",
			"earlierRequests=1,            REPEATED_REQUESTS,             HIGH",
			"seenAway=true,                TERMINAL_AWAY_FROM_ADDRESS,    HIGH",
			"role=AUTHORISED_AGENT,        AUTHORISED_AGENT,              MEDIUM" })
	void namesEachRiskSignal(String fact, String expectedSignal, String expectedLevel) {
		List<Map<String, Object>> rows = evaluateRisk(fact);

		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.get("signal")).isEqualTo(expectedSignal);
			assertThat(row.get("level")).isEqualTo(expectedLevel);
		});
	}

	@Test
	void findsNoRiskSignalInAnOrdinaryRequest() {
		assertThat(evaluateRisk("none")).isEmpty();
	}

	@Test
	void collectsEverySignalThatApplies() {
		List<Map<String, Object>> rows = dmn.evaluateDecision(risk, riskFacts("LOST_DEVICE", 30, 10, 2, true,
				"AUTHORISED_AGENT")).getResultList();

		assertThat(rows).extracting(r -> r.get("signal"))
			.containsExactlyInAnyOrder("RECENT_SETTLEMENT_CARD_CHANGE", "SHORTLY_AFTER_ACTIVATION", "LOST_DEVICE",
					"REPEATED_REQUESTS", "TERMINAL_AWAY_FROM_ADDRESS", "AUTHORISED_AGENT");
	}

	private List<Map<String, Object>> evaluateRisk(String fact) {
		String[] kv = fact.split("=");
		String reason = kv[0].equals("reason") ? kv[1] : "DEVICE_FAULT";
		int activated = kv[0].equals("activatedDaysAgo") ? Integer.parseInt(kv[1]) : 700;
		int cardChanged = kv[0].equals("cardChangedDaysAgo") ? Integer.parseInt(kv[1]) : 400;
		int earlier = kv[0].equals("earlierRequests") ? Integer.parseInt(kv[1]) : 0;
		boolean away = kv[0].equals("seenAway");
		String role = kv[0].equals("role") ? kv[1] : "LEGAL_PERSON";
		return dmn.evaluateDecision(risk, riskFacts(reason, activated, cardChanged, earlier, away, role))
			.getResultList();
	}

	private static Map<String, Object> riskFacts(String reason, int activated, int cardChanged, int earlier,
			boolean away, String role) {
		return Variables.createVariables()
			.putValue("reason", reason)
			.putValue("daysSinceActivation", activated)
			.putValue("daysSinceSettlementCardChange", cardChanged)
			.putValue("earlierRequests", earlier)
			.putValue("seenAwayFromAddress", away)
			.putValue("applicantRole", role);
	}

	@ParameterizedTest(name = "{0}, {1}, {2} → {3}")
	@CsvSource(delimiter = ';', value = {
			"BUSINESS_CLOSED; INDIVIDUAL; LEGAL_PERSON; ID_CARD,SETTLEMENT_CARD_COPY",
			"BUSINESS_CLOSED; COMPANY; LEGAL_PERSON; ID_CARD,SETTLEMENT_CARD_COPY,BUSINESS_LICENCE",
			"DEVICE_FAULT; INDIVIDUAL; LEGAL_PERSON; ID_CARD,SETTLEMENT_CARD_COPY,FAULT_CERTIFICATE",
			"LOST_DEVICE; INDIVIDUAL; LEGAL_PERSON; ID_CARD,SETTLEMENT_CARD_COPY,POLICE_REPORT",
			"CHANGE_OF_OWNER; INDIVIDUAL; LEGAL_PERSON; ID_CARD,SETTLEMENT_CARD_COPY,REGISTRATION_CHANGE_CERTIFICATE,NEW_OWNER_ID_CARD",
			"SWITCHING_PROVIDER; INDIVIDUAL; AUTHORISED_AGENT; ID_CARD,SETTLEMENT_CARD_COPY,POWER_OF_ATTORNEY" })
	void listsRequiredDocuments(String reason, String merchantType, String role, String expected) {
		List<String> required = dmn
			.evaluateDecision(documents,
					Variables.createVariables()
						.putValue("reason", reason)
						.putValue("merchantType", merchantType)
						.putValue("applicantRole", role))
			.collectEntries("document");

		assertThat(required).containsExactly(expected.split(","));
	}

}
