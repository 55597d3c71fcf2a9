package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.notice.Notice;
import org.unbinddesk.notice.NoticeType;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;

/**
 * The SIM data fee (流量费): whole months left in the plan's paid period are refunded pro rata, months used and not
 * paid for are charged with the fee; the fee notice says which and how much, the case records it, and a terminal
 * without the acquirer's plan hears nothing of it.
 */
class SimDataFeeTests extends ProcessTestSupport {

	@Autowired
	JdbcClient jdbc;

	/** A SIM plan of 60 CNY a year, paid for whole months ahead (negative: owed) and ten days. */
	private void simPlan(Merchant m, int monthsPaidAhead) {
		LocalDate paidUntil = LocalDate.now().plusMonths(monthsPaidAhead).plusDays(monthsPaidAhead < 0 ? -10 : 10);
		jdbc.sql("update terminal set sim_annual_fee = 60.00, sim_paid_until = ? where sn = ?")
			.params(paidUntil, m.sn())
			.update();
	}

	private Notice feeNotice(ProcessInstance pi) {
		Notice notice = noticesOf(pi).get(0);
		assertThat(notice.getType()).isEqualTo(NoticeType.FEE_NOTICE);
		return notice;
	}

	@Test
	void monthsLeftInThePaidPeriodAreRefundedAndNoFeeIsAsked() {
		Merchant m = registry.merchant();
		simPlan(m, 3);
		ProcessInstance pi = start(applicationFor(m, "DEVICE_FAULT"));
		runAsyncSteps(pi);

		assertThat(pi).isWaitingAt("Task_ReviewApplication");
		assertThat(feeNotice(pi).getText()).contains("不收取任何费用", "流量套餐已缴费期间剩余月份的流量费￥15.00将在解绑完成后按月折算退还")
			.doesNotContain("0.00元");
		UnbindingCase c = caseOf(pi);
		assertThat(c.getSimRefund()).isEqualByComparingTo("15.00");
		assertThat(c.getSimFee()).isEqualByComparingTo("0");
		assertThat(c.getFee()).isEqualByComparingTo("0");
	}

	@Test
	void theRefundPromisedIsStartedWithTheUnbindAndTheMerchantIsTold() {
		Merchant m = registry.merchant();
		simPlan(m, 3);
		ProcessInstance pi = start(applicationFor(m, "DEVICE_FAULT"));
		runAsyncSteps(pi);
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), java.util.Map.of("reviewDecision", "APPROVE"));
		runAsyncSteps(pi);

		assertThat(pi).isWaitingAt("Task_ReceiveReturnedDevice").hasPassed("Task_UnbindTerminal");
		assertThat(jdbc.sql("select amount from sim_fee_refund where case_number = ?")
			.param(caseOf(pi).getCaseNumber())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("15.00");
		Notice confirmation = noticesOf(pi).get(noticesOf(pi).size() - 1);
		assertThat(confirmation.getType()).isEqualTo(NoticeType.CONFIRMATION);
		assertThat(confirmation.getTextZh()).contains("流量费￥15.00的退还已启动");
		assertThat(auditActionsOf(pi)).contains("SIM_FEE_REFUND_STARTED");
	}

	@Test
	void monthsOwedAreChargedAsTheFeeTheMerchantAccepts() {
		Merchant m = registry.merchant();
		simPlan(m, -2);
		ProcessInstance pi = start(applicationFor(m, "BUSINESS_CLOSED"));
		runAsyncSteps(pi);

		assertThat(pi).isWaitingAt("Gateway_AwaitFeeDecision");
		assertThat(feeNotice(pi).getText()).contains("需支付流量费￥10.00。即已使用未缴费月份的流量费，按月折算。")
			.doesNotContain("解绑服务费", "按月折算退还");
		UnbindingCase c = caseOf(pi);
		assertThat(c.getFee()).isEqualByComparingTo("10.00");
		assertThat(c.getSimFee()).isEqualByComparingTo("10.00");
		assertThat(c.getSimRefund()).isEqualByComparingTo("0");
	}

	@Test
	void simDataOwedIsAddedToTheEarlyTerminationFeeAndNamed() {
		Merchant m = registry.merchant(new Spec().company().english().activatedDaysAgo(125).minimumTermMonths(12));
		simPlan(m, -1);
		ProcessInstance pi = start(applicationFor(m, "SWITCHING_PROVIDER"));
		runAsyncSteps(pi);

		assertThat(historicVariable(pi, "fee")).isEqualTo(125.0);
		assertThat(feeNotice(pi).getText()).contains("costs CNY 125.00",
				"This includes CNY 5.00 of SIM data fee for months used and not paid for",
				"(early-termination fee and SIM data fee)");
	}

	@Test
	void aDeviceWithTheMerchantsOwnSimHearsNothingOfIt() {
		Merchant m = registry.merchant(new Spec().purchased());
		ProcessInstance pi = start(applicationFor(m, "BUSINESS_CLOSED"));
		runAsyncSteps(pi);

		assertThat(feeNotice(pi).getText()).contains("不收取任何费用").doesNotContain("流量", "0.00");
		assertThat(caseOf(pi).getSimRefund()).isEqualByComparingTo(BigDecimal.ZERO);
	}

	@Test
	void replacingTheDeviceMovesThePlanToTheNewOne() {
		Merchant m = registry.merchant();
		simPlan(m, 5);
		ProcessInstance pi = start(applicationFor(m, "DEVICE_REPLACEMENT"));
		runAsyncSteps(pi);

		assertThat(feeNotice(pi).getText()).doesNotContain("流量");
		assertThat(caseOf(pi).getSimRefund()).isEqualByComparingTo(BigDecimal.ZERO);
	}

}
