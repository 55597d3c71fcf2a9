package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.cases.CaseStatus;
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.notice.Notice;
import org.unbinddesk.notice.NoticeType;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;
import org.unbinddesk.unbind.Courier;
import org.unbinddesk.unbind.DeviceReturns;

/**
 * Deposit back only when the device is back: a leased device's deposit waits for the device, which the warehouse
 * checks in (its serial number must be the case's terminal's; damage is deducted by the fee table); nothing by the
 * deadline forfeits it. Bought and lost devices, and electronic-signature POS (电签), skip all of it.
 */
class DeviceReturnTests extends ProcessTestSupport {

	@Autowired
	DeviceReturns deviceReturns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/** A case opened, approved (twice when high risk, as a lost device is) and unbound, the whole way. */
	private ProcessInstance unbound(Merchant m, String reason) {
		ProcessInstance pi = start(applicationFor(m, reason));
		runAsyncSteps(pi);
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		if (caseOf(pi).isHighRisk()) {
			completeAs("supervisor1", taskAt(pi, "Task_GiveSecondApproval"), Map.of("secondApprovalDecision", "APPROVE"));
		}
		runAsyncSteps(pi);
		return pi;
	}

	private BigDecimal refundOf(ProcessInstance pi) {
		return jdbc.sql("select amount from deposit_refund where case_number = ?")
			.param(caseNumber(pi))
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
	}

	private String textOf(ProcessInstance pi, NoticeType type) {
		return noticesOf(pi).stream().filter(n -> n.getType() == type).findFirst().orElseThrow().getTextZh();
	}

	@Test
	void aLeasedDevicesDepositComesBackOnceTheWarehouseHasCheckedTheDevice() {
		Merchant m = registry.merchant();
		ProcessInstance pi = unbound(m, "BUSINESS_CLOSED");

		assertThat(pi).isWaitingAt("Task_ReceiveReturnedDevice");
		assertThat(registry.isBound(m)).isFalse();
		assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.OPEN);
		assertThat(caseOf(pi).getDeviceDisposition()).isEqualTo("AWAITING_RETURN");
		assertThat(refundOf(pi)).isNull();
		LocalDateTime deadline = deviceReturns.deadlineOf(caseOf(pi)).orElseThrow();
		String date = deadline.getYear() + "年" + deadline.getMonthValue() + "月" + deadline.getDayOfMonth() + "日";
		assertThat(textOf(pi, NoticeType.APPROVAL)).contains("请于" + date + "前", deviceReturns.address(), "押金￥299.00",
				"逾期未寄回的，押金不予退还");
		assertThat(textOf(pi, NoticeType.CONFIRMATION)).contains(date, "设备验收后退还押金￥299.00")
			.doesNotContain("退还已启动");
		Task receive = taskAt(pi, "Task_ReceiveReturnedDevice");
		assertThat(tasks.createTaskQuery().taskId(receive.getId()).taskCandidateGroup("warehouse").count()).isEqualTo(1);
		assertThat((String) tasks.getVariable(receive.getId(), "returnExpected")).contains(m.terminalId(),
				m.sn().substring(m.sn().length() - 4));

		// the merchant gives the courier (the case API does this), then the parcel arrives
		deviceReturns.recordShipment(caseNumber(pi), Courier.SF, "SF1234567890", "intake1");
		completeAs("warehouse1", receive, Map.of("scannedSn", m.sn().toLowerCase(), "deviceCondition", "INTACT"));

		assertThat(pi).isEnded().hasPassed("Task_RefundDeposit", "Task_SendDepositNotice", "Event_TerminalUnbound");
		assertThat(refundOf(pi)).isEqualByComparingTo("299.00");
		assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.UNBOUND);
		assertThat(caseOf(pi).getDeviceDisposition()).isEqualTo("RETURNED");
		assertThat(textOf(pi, NoticeType.DEPOSIT_NOTICE)).contains("已验收", "设备状况：完好", "押金￥299.00的退还已启动");
		assertThat(auditActionsOf(pi)).containsSubsequence("DEVICE_SHIPPED", "DEVICE_RECEIVED", "DEPOSIT_REFUND_STARTED");
		assertThat(deviceReturns.of(caseNumber(pi)).orElseThrow().getCourierNumber()).isEqualTo("SF1234567890");
	}

	@Test
	void anotherDevicesSerialNumberIsRefusedAndTheTaskStays() {
		Merchant m = registry.merchant();
		Merchant other = registry.merchant();
		ProcessInstance pi = unbound(m, "BUSINESS_CLOSED");
		Task receive = taskAt(pi, "Task_ReceiveReturnedDevice");

		assertThatThrownBy(() -> completeAs("warehouse1", receive,
				Map.of("scannedSn", other.sn(), "deviceCondition", "INTACT")))
			.hasMessageContaining("不是本案终端");
		assertThatThrownBy(() -> completeAs("warehouse1", receive, Map.of("scannedSn", m.sn(), "deviceCondition",
				"SHINY"))).hasMessageContaining("请选择设备到货时的状况");
		assertThatThrownBy(() -> completeAs("warehouse1", receive, Map.of("deviceCondition", "INTACT")))
			.hasMessageContaining("不是本案终端");

		assertThat(pi).isWaitingAt("Task_ReceiveReturnedDevice");
		assertThat(refundOf(pi)).isNull();
		assertThat(deviceReturns.of(caseNumber(pi))).isEmpty();
		assertThat(auditActionsOf(pi)).filteredOn("DEVICE_RETURN_REFUSED"::equals).hasSize(3);
		assertThat(auditActionsOf(pi)).doesNotContain("DEVICE_RECEIVED", "DEPOSIT_REFUND_STARTED");
	}

	@Test
	void onlyTheWarehouseAndAgentsCheckADeviceIn() {
		Merchant m = registry.merchant();
		ProcessInstance pi = unbound(m, "BUSINESS_CLOSED");
		Task receive = taskAt(pi, "Task_ReceiveReturnedDevice");

		assertThatThrownBy(() -> completeAs("reviewer1", receive, Map.of("scannedSn", m.sn(), "deviceCondition",
				"INTACT"))).isInstanceOf(AuthorizationException.class);

		assertThat(pi).isWaitingAt("Task_ReceiveReturnedDevice");
		assertThat(refundOf(pi)).isNull();
	}

	@Test
	void damageFoundOnArrivalIsDeductedAsTheFeeTableSays() {
		Merchant m = registry.merchant();
		ProcessInstance pi = unbound(m, "DEVICE_FAULT");

		completeAs("warehouse1", taskAt(pi, "Task_ReceiveReturnedDevice"),
				Map.of("scannedSn", m.sn(), "deviceCondition", "DAMAGED", "courier", "JD", "waybillNumber", "JD0012345678"));

		assertThat(pi).isEnded();
		assertThat(refundOf(pi)).isEqualByComparingTo("199.00");
		assertThat(deviceReturns.of(caseNumber(pi)).orElseThrow().getDeduction()).isEqualByComparingTo("100.00");
		assertThat(deviceReturns.of(caseNumber(pi)).orElseThrow().getCourierNumber()).isEqualTo("JD0012345678");
		assertThat(textOf(pi, NoticeType.DEPOSIT_NOTICE)).contains("屏幕或外壳损坏", "押金￥299.00按收费标准扣除￥100.00后",
				"￥199.00的退还已启动");
	}

	@Test
	void aDeviceThatDoesNotWorkTakesTheWholeDepositAndNothingIsRefunded() {
		Merchant m = registry.merchant();
		ProcessInstance pi = unbound(m, "BUSINESS_CLOSED");

		completeAs("agent1", taskAt(pi, "Task_ReceiveReturnedDevice"),
				Map.of("scannedSn", m.sn(), "deviceCondition", "NOT_WORKING"));

		assertThat(pi).isEnded();
		assertThat(refundOf(pi)).isNull();
		assertThat(textOf(pi, NoticeType.DEPOSIT_NOTICE)).contains("无法正常使用", "已全部抵扣，不予退还")
			.doesNotContain("退还已启动");
	}

	@Test
	void nothingByTheDeadlineForfeitsTheDepositAndTellsTheMerchant() {
		Merchant m = registry.merchant();
		ProcessInstance pi = unbound(m, "BUSINESS_CLOSED");
		LocalDateTime deadline = deviceReturns.deadlineOf(caseOf(pi)).orElseThrow();
		Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers()
			.activityId("Event_ReturnDeadlinePassed").singleResult();
		assertThat(timer.getDuedate().toInstant()).isEqualTo(deadline.atZone(clock.getZone()).toInstant());
		assertThat(deadline.toLocalDate()).isEqualTo(caseOf(pi).getFinallyApprovedAt().orElseThrow().toLocalDate()
			.plusDays(15));

		fireTimer(pi, "Event_ReturnDeadlinePassed");

		assertThat(pi).isEnded().hasPassed("Task_ForfeitDeposit", "Task_SendDepositNotice", "Event_TerminalUnbound");
		assertThat(refundOf(pi)).isNull();
		assertThat(caseOf(pi).getDeviceDisposition()).isEqualTo("NOT_RETURNED");
		assertThat(auditActionsOf(pi)).contains("DEPOSIT_FORFEITED");
		assertThat(textOf(pi, NoticeType.DEPOSIT_NOTICE)).contains("未在", "前寄回", "押金￥299.00不予退还");
		// a parcel that turns up afterwards is not checked in: the case is closed
		assertThatThrownBy(() -> deviceReturns.recordShipment(caseNumber(pi), Courier.SF, "SF9999999999", "intake1"))
			.hasMessageContaining("已结案");
	}

	@Test
	void aBoughtDeviceHasNothingToReturnAndNoNoticeSpeaksOfADeposit() {
		Merchant m = registry.merchant(new Spec().purchased());
		ProcessInstance pi = unbound(m, "BUSINESS_CLOSED");

		assertThat(pi).isEnded().hasNotPassed("Task_ReceiveReturnedDevice").hasPassed("Event_TerminalUnbound");
		assertThat(noticesOf(pi)).extracting(Notice::getTextZh).noneMatch(text -> text.contains("押金"));
		assertThat(caseOf(pi).getDeviceDisposition()).isEqualTo("WIPED_AND_KEPT");
	}

	@Test
	void aLostDeviceHasNothingToReturn() {
		Merchant m = registry.merchant();
		ProcessInstance pi = unbound(m, "LOST_DEVICE");

		assertThat(pi).isEnded().hasNotPassed("Task_ReceiveReturnedDevice");
		assertThat(refundOf(pi)).isNull();
		assertThat(caseOf(pi).getDeviceDisposition()).isEqualTo("LOST");
		assertThat(noticesOf(pi)).extracting(Notice::getTextZh).noneMatch(text -> text.contains("押金"));
	}

	@Test
	void anElectronicSignaturePosThatMetItsTargetIsRefundedWithTheUnbindAndKeepsTheDevice() {
		Merchant m = registry.merchant(new Spec().activationTarget(true));
		ProcessInstance pi = unbound(m, "BUSINESS_CLOSED");

		assertThat(pi).isEnded().hasNotPassed("Task_ReceiveReturnedDevice");
		assertThat(refundOf(pi)).isEqualByComparingTo("299.00");
		assertThat(caseOf(pi).getDeviceDisposition()).isEqualTo("WIPED_AND_KEPT");
		assertThat(textOf(pi, NoticeType.APPROVAL)).contains("已达到激活交易目标", "设备无需寄回");
		assertThat(textOf(pi, NoticeType.CONFIRMATION)).contains("押金￥299.00的退还已启动");
	}

	@Test
	void anElectronicSignaturePosThatMissedItsTargetKeepsNoDepositToMention() {
		Merchant m = registry.merchant(new Spec().activationTarget(false));
		ProcessInstance pi = unbound(m, "BUSINESS_CLOSED");

		assertThat(pi).isEnded().hasNotPassed("Task_ReceiveReturnedDevice");
		assertThat(refundOf(pi)).isNull();
		assertThat(noticesOf(pi)).extracting(Notice::getTextZh).noneMatch(text -> text.contains("押金"));
	}

	@Test
	void aShipmentIsRefusedForACaseThatHasNoDeviceToReturn() {
		Merchant m = registry.merchant(new Spec().activationTarget(true));
		ProcessInstance pi = startBefore("Task_SendApprovalNotice", applicationFor(m, "BUSINESS_CLOSED"));

		assertThatThrownBy(() -> deviceReturns.recordShipment(caseNumber(pi), Courier.SF, "SF1234567890", "intake1"))
			.hasMessageContaining("本案无需寄回设备");

		assertThat(deviceReturns.of(caseNumber(pi))).isEmpty();
		assertThat(auditActionsOf(pi)).contains("DEVICE_RETURN_REFUSED").doesNotContain("DEVICE_SHIPPED");
		runtime.deleteProcessInstance(pi.getId(), "not approved: its stop timer would fail the next test");
	}

}
