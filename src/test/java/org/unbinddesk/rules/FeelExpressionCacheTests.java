package org.unbinddesk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.unbinddesk.process.CachingFeelEngineFactory;

/**
 * The FEEL engine with parsed expressions kept ({@link CachingFeelEngineFactory}) decides as Camunda's own does: the
 * six decisions over a grid of facts give the same result lists on both, each text is parsed once, the cache stays
 * within its bound, and a bad expression fails the same way. A short run prints how long each engine takes (a ratio
 * to read, not a figure to hold: the machine is shared).
 */
class FeelExpressionCacheTests {

	static final String[] CONDITIONS = { "INTACT", "MISSING_ACCESSORIES", "DAMAGED", "NOT_WORKING" };

	static final String[] REASONS = { "DEVICE_FAULT", "LOST_DEVICE", "BUSINESS_CLOSED", "CHANGE_OF_OWNER",
			"DEVICE_REPLACEMENT", "SWITCHING_PROVIDER" };

	record Tables(DmnEngine engine, List<DmnDecision> decisions) {

		static Tables on(DefaultDmnEngineConfiguration configuration) throws IOException {
			DmnEngine engine = configuration.buildEngine();
			List<DmnDecision> decisions = new ArrayList<>();
			for (String[] d : new String[][] { { "UnbindingFee", "bpmn/unbinding-fee.dmn" },
					{ "SimDataFee", "bpmn/unbinding-fee.dmn" }, { "DepositRefund", "bpmn/unbinding-fee.dmn" },
					{ "DeviceDamageDeduction", "bpmn/unbinding-fee.dmn" }, { "UnbindingRisk", "bpmn/unbinding-risk.dmn" },
					{ "RequiredDocuments", "bpmn/required-documents.dmn" } }) {
				try (InputStream in = new FileInputStream(d[1])) {
					decisions.add(engine.parseDecision(d[0], in));
				}
			}
			return new Tables(engine, decisions);
		}

		/** Every decision on every fact set of the grid: the result lists, in order. */
		List<List<Map<String, Object>>> decideAll(List<VariableMap> facts) {
			List<List<Map<String, Object>>> results = new ArrayList<>();
			for (VariableMap f : facts) {
				for (DmnDecision decision : decisions) {
					results.add(engine.evaluateDecision(decision, f).getResultList());
				}
			}
			return results;
		}
	}

	static DefaultDmnEngineConfiguration camundas() {
		return (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
	}

	static DefaultDmnEngineConfiguration caching(CachingFeelEngineFactory factory) {
		DefaultDmnEngineConfiguration configuration = camundas();
		configuration.setFeelEngineFactory(factory);
		return configuration;
	}

	static List<VariableMap> grid() {
		List<VariableMap> facts = new ArrayList<>();
		int i = 0;
		for (String reason : REASONS) {
			for (String ownership : new String[] { "DEPOSIT", "PURCHASED" }) {
				for (int months : new int[] { 0, 5, 11, 12, 30 }) {
					for (int paidAhead : new int[] { -3, 0, 4 }) {
						i++;
						facts.add(Variables.createVariables()
							.putValue("reason", reason)
							.putValue("ownership", ownership)
							.putValue("monthsSinceActivation", months)
							.putValue("minimumTermMonths", i % 2 == 0 ? 12 : 0)
							.putValue("deposit", i % 3 == 0 ? 0.0 : 199.0)
							.putValue("simPlan", i % 4 != 0)
							.putValue("simMonthsPaidAhead", paidAhead)
							.putValue("simAnnualFee", 60.0)
							.putValue("daysSinceActivation", months * 30)
							.putValue("daysSinceSettlementCardChange", i % 5 == 0 ? 10 : 400)
							.putValue("earlierRequests", i % 7)
							.putValue("seenAwayFromAddress", i % 6 == 0)
							.putValue("applicantRole", i % 3 == 0 ? "AUTHORISED_AGENT" : "LEGAL_PERSON")
							.putValue("suspiciousCallReported", i % 11 == 0)
							.putValue("merchantType", i % 2 == 0 ? "COMPANY" : "INDIVIDUAL")
							.putValue("depositModel", i % 2 == 0 ? "REFUND_ON_RETURN" : "ACTIVATION_TARGET")
							.putValue("activationTargetMet", i % 4 < 2)
							.putValue("condition", CONDITIONS[i % CONDITIONS.length]));
					}
				}
			}
		}
		return facts;
	}

	@Test
	void decidesAsCamundasOwnEngineAndParsesEachExpressionOnce() throws IOException {
		CachingFeelEngineFactory factory = new CachingFeelEngineFactory(1000);
		List<VariableMap> facts = grid();
		List<List<Map<String, Object>>> expected = Tables.on(camundas()).decideAll(facts);

		List<List<Map<String, Object>>> actual = Tables.on(caching(factory)).decideAll(facts);

		assertThat(actual).isEqualTo(expected);
		assertThat(expected).anySatisfy(r -> assertThat(r).hasSizeGreaterThan(1));
		long parsed = factory.misses();
		assertThat(parsed).as("distinct texts parsed").isBetween(10L, 200L);
		assertThat(factory.hits()).as("evaluations that found their expression parsed").isGreaterThan(parsed * 50);
	}

	@Test
	void staysWithinItsBound() {
		CachingFeelEngineFactory factory = new CachingFeelEngineFactory(2);
		FeelEngine feel = factory.createInstance();
		for (int round = 0; round < 3; round++) {
			for (String text : List.of("1 + 1", "2 + 2", "3 + 3")) {
				assertThat((Object) feel.evaluateSimpleExpression(text, Variables.emptyVariableContext())).isNotNull();
			}
		}
		// three texts through a cache of two: it starts afresh when full, and every answer is still right
		assertThat(factory.misses()).isGreaterThan(3);
		assertThat((Long) feel.evaluateSimpleExpression("3 + 3", Variables.emptyVariableContext())).isEqualTo(6L);
	}

	@Test
	void aBadExpressionFailsAsOnCamundasOwnEngine() {
		FeelEngine cached = new CachingFeelEngineFactory(10).createInstance();
		FeelEngine camundas = new org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory().createInstance();
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> cached.evaluateSimpleExpression("1 +", Variables.emptyVariableContext()))
				.isInstanceOf(FeelException.class)
				.hasMessage(messageOf(() -> camundas.evaluateSimpleExpression("1 +", Variables.emptyVariableContext())));
			for (String test : List.of("> x", "[1..", "\"a\", 3", "not(")) {
				VariableContext input = Variables.createVariables().putValue("input", "text").asVariableContext();
				assertThat(outcome(() -> cached.evaluateSimpleUnaryTests(test, "input", input)))
					.as(test)
					.isEqualTo(outcome(() -> camundas.evaluateSimpleUnaryTests(test, "input", input)));
			}
		}
	}

	private static String messageOf(Runnable call) {
		try {
			call.run();
			return null;
		}
		catch (FeelException ex) {
			return ex.getMessage();
		}
	}

	private static String outcome(java.util.function.Supplier<Object> call) {
		try {
			return String.valueOf(call.get());
		}
		catch (FeelException ex) {
			return "failed: " + ex.getMessage();
		}
	}

	/** Not a timed assertion: prints the two engines' times for the same evaluations, interleaved, medians of five. */
	@Test
	void microRun() throws IOException {
		List<VariableMap> facts = grid();
		Tables camundas = Tables.on(camundas());
		Tables cached = Tables.on(caching(new CachingFeelEngineFactory(1000)));
		for (int warm = 0; warm < 3; warm++) {
			camundas.decideAll(facts);
			cached.decideAll(facts);
		}
		List<Long> a = new ArrayList<>();
		List<Long> b = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			a.add(time(camundas, facts));
			b.add(time(cached, facts));
		}
		a.sort(null);
		b.sort(null);
		System.out.printf("FEEL micro-run, %d decisions a round: Camunda's engine median %.1f ms (%.1f–%.1f), "
				+ "parsed once median %.1f ms (%.1f–%.1f), ratio %.2f%n", facts.size() * 4 * 2, a.get(2) / 1e6,
				a.get(0) / 1e6, a.get(4) / 1e6, b.get(2) / 1e6, b.get(0) / 1e6, b.get(4) / 1e6,
				b.get(2) / (double) a.get(2));
	}

	private static long time(Tables tables, List<VariableMap> facts) {
		long t0 = System.nanoTime();
		for (int i = 0; i < 2; i++) {
			tables.decideAll(facts);
		}
		return System.nanoTime() - t0;
	}

}
