package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unbinddesk.support.ProcessTestSupport;

/**
 * The demo data set does what the README's table says. Each row starts a case on the demo data and checks where it
 * stops; cases still open are cancelled so the terminal is free again. No other test uses the demo merchants (the
 * fixtures' numbers start 89812), so these share the database of the other tests.
 */
class DemoDataTests extends ProcessTestSupport {

	@ParameterizedTest(name = "{0} {1} {2}: {5}")
	@CsvSource(delimiter = '|', textBlock = """
			898110000000001 | T0000001 | DEVICE_FAULT       | 张伟 | 13800000001 | Task_ReviewApplication   | riskLevel=LOW; case.simRefund=20
			898110000000001 | T0000001 | DEVICE_FAULT       | 张伟 | 13900000000 | Task_CallMerchantBack    | identityResult=CALLBACK
			898110000000001 | T0000001 | DEVICE_FAULT       | 李四 | 13800000001 | Event_ApplicationRejected | identityResult=MISMATCH
			898310000000002 | T0000002 | SWITCHING_PROVIDER | 李娜 | 13800000002 | Gateway_AwaitFeeDecision | feePayable=true; case.simFee=10
			898330100000003 | T0000003 | BUSINESS_CLOSED    | 王芳 | 13800000003 | Task_ReviewApplication   | accountWarnings=UNSETTLED_TRANSACTIONS
			898440300000004 | T0000004 | BUSINESS_CLOSED    | 刘洋 | 13800000004 | Task_ReviewApplication   | blockReasons=FUNDS_FROZEN
			898110000000005 | T0000005 | BUSINESS_CLOSED    | 陈静 | 13800000005 | Task_ReviewApplication   | blockReasons=OPEN_DISPUTE
			898320100000006 | T0000006 | BUSINESS_CLOSED    | 杨磊 | 13800000006 | Task_ReviewApplication   | blockReasons=OUTSTANDING_FEES
			898510100000007 | T0000007 | DEVICE_REPLACEMENT | 赵敏 | 13800000007 | Task_ReviewApplication   | riskSignals=RECENT_SETTLEMENT_CARD_CHANGE,TERMINAL_AWAY_FROM_ADDRESS
			898110000000008 | T0000008 | BUSINESS_CLOSED    | 周强 | 13800000008 | Task_ReviewApplication   | fee=0.0
			898110000000001 | T0000009 | BUSINESS_CLOSED    | 张伟 | 13800000001 | Event_RequestInvalid     | outcome=REQUEST_INVALID
			898330100000009 | T0000010 | BUSINESS_CLOSED    | 吴婷 | 13800000009 | Task_ReviewApplication   | riskSignals=SHORTLY_AFTER_ACTIVATION
			""")
	void demoTerminalTakesItsDocumentedPath(String merchantNo, String terminalId, String reason, String name,
			String phone, String where, String expectation) {
		Map<String, Object> application = new HashMap<>();
		application.put("channel", "PHONE");
		application.put("merchantNo", merchantNo);
		application.put("terminalId", terminalId);
		application.put("reason", reason);
		application.put("applicantName", name);
		application.put("applicantIdNumber", idOnFile(merchantNo));
		application.put("applicantPhone", phone);
		application.put("applicantRole", "LEGAL_PERSON");
		application.put("documents", "ID_CARD,SETTLEMENT_CARD_COPY,BUSINESS_LICENCE,FAULT_CERTIFICATE");

		ProcessInstance pi = start(application);
		runAsyncSteps(pi);

		boolean ended = where.startsWith("Event_Application") || where.equals("Event_RequestInvalid");
		if (ended) {
			assertThat(pi).isEnded().hasPassed(where);
		}
		else {
			assertThat(pi).isWaitingAt(where);
		}
		// name=value, several separated by ";": a process variable, or with "case." what the registry holds
		for (String each : expectation.split(";")) {
			String[] expected = each.strip().split("=");
			Object actual = expected[0].startsWith("case.") ? registered(pi, expected[0].substring("case.".length()))
					: ended ? historicVariable(pi, expected[0]) : runtime.getVariable(pi.getId(), expected[0]);
			assertThat(String.valueOf(actual)).as(expected[0]).isEqualTo(expected[1]);
		}
		if (!ended) {
			correlate(pi, "CancellationRequested", Map.of());
			assertThat(pi).isEnded();
		}
	}

	/** The amounts only the registry keeps (not process variables), as plain numbers. */
	private String registered(ProcessInstance pi, String amount) {
		BigDecimal value = switch (amount) {
			case "simFee" -> caseOf(pi).getSimFee();
			case "simRefund" -> caseOf(pi).getSimRefund();
			default -> throw new IllegalArgumentException("No such amount of a case: " + amount);
		};
		return value.stripTrailingZeros().toPlainString();
	}

	private static String idOnFile(String merchantNo) {
		return switch (merchantNo) {
			case "898110000000001" -> "110101198001011232";
			case "898310000000002" -> "110105198506122347";
			case "898330100000003" -> "310115197909233442";
			case "898440300000004" -> "440305199002154558";
			case "898110000000005" -> "110108197511305687";
			case "898320100000006" -> "32010619881008677X";
			case "898510100000007" -> "510107199203177887";
			case "898110000000008" -> "110101197007078919";
			default -> "33010619830419012X";
		};
	}

}
