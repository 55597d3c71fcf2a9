package org.unbinddesk.unbind;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.audit.AuditAction;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.audit.RefusalLog;
import org.unbinddesk.cases.CaseRuleViolation;
import org.unbinddesk.cases.CaseStatus;
import org.unbinddesk.cases.DepositReturn;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.cases.UnbindingCaseRepository;
import org.unbinddesk.fee.DeviceCondition;
import org.unbinddesk.fee.FeeService;
import org.unbinddesk.privacy.Masks;

/**
 * The return of a leased device, the way the trade does it: the approval notice tells the merchant where to send the
 * device and by when (the return address from configuration, a deadline counted from the final approval, default 15
 * days); the courier number is recorded when the merchant gives it; on arrival the warehouse scans the serial number,
 * which must be the case's terminal's, and records the condition, which the fee table prices; only then does the
 * deposit refund start. Nothing by the deadline: the deposit is forfeited. Cases whose deposit does not come back by a
 * return ({@link DepositReturn#DEVICE_RETURN}) have none of this. The BPMN's deadline timer asks this bean
 * ({@code ${deviceReturns.deadline(execution)}}).
 */
@Component("deviceReturns")
public class DeviceReturns {

	/** A courier's waybill number: letters and digits. */
	private static final Pattern WAYBILL = Pattern.compile("[A-Za-z0-9]{6,30}");

	private final UnbindingCaseRepository cases;

	private final DeviceReturnRepository returns;

	private final DepositRefundRepository refunds;

	private final FeeService fees;

	private final AuditLog audit;

	private final RefusalLog refusals;

	private final Clock clock;

	private final Period deadline;

	private final String address;

	DeviceReturns(UnbindingCaseRepository cases, DeviceReturnRepository returns, DepositRefundRepository refunds,
			FeeService fees, AuditLog audit, RefusalLog refusals, Clock clock,
			@Value("${unbinddesk.device-return.deadline:P15D}") Period deadline,
			@Value("${unbinddesk.device-return.address}") String address) {
		this.cases = cases;
		this.returns = returns;
		this.refunds = refunds;
		this.fees = fees;
		this.audit = audit;
		this.refusals = refusals;
		this.clock = clock;
		this.deadline = deadline;
		this.address = address;
	}

	/** Where merchants send devices back (configuration). */
	public String address() {
		return address;
	}

	/**
	 * The last moment a device may arrive: the end of the day the deadline falls on, counted from the final approval
	 * (business time zone); empty before the case is approved.
	 */
	public Optional<LocalDateTime> deadlineOf(UnbindingCase unbindingCase) {
		return unbindingCase.getFinallyApprovedAt()
			.map(approved -> approved.toLocalDate().plus(deadline).atTime(LocalTime.MAX.withNano(0)));
	}

	/** The deadline of the case the execution works on, for the process's timer. */
	public Date deadline(DelegateExecution execution) {
		UnbindingCase unbindingCase = caseOf(execution.getProcessInstanceId());
		LocalDateTime at = deadlineOf(unbindingCase).orElseThrow(() -> new IllegalStateException(
				"Case " + unbindingCase.getCaseNumber() + " is not approved: no device return deadline"));
		return Date.from(at.atZone(clock.getZone()).toInstant());
	}

	/** What the warehouse is to expect, in Chinese, for the receiving task: which device, by when, which parcel. */
	public String describe(String caseNumber) {
		UnbindingCase unbindingCase = cases.findById(caseNumber)
			.orElseThrow(() -> new IllegalArgumentException("No case " + caseNumber));
		StringBuilder text = new StringBuilder("终端号 ").append(unbindingCase.getTerminalId())
			.append("（序列号尾号 ").append(tail(unbindingCase.getTerminalSn())).append("）");
		deadlineOf(unbindingCase).ifPresent(d -> text.append("，应于").append(d.getYear()).append("年")
			.append(d.getMonthValue()).append("月").append(d.getDayOfMonth()).append("日前到货"));
		if (unbindingCase.getDepositRefund() != null) {
			text.append("；押金￥").append(unbindingCase.getDepositRefund().toPlainString());
		}
		of(caseNumber).filter(r -> r.getCourierNumber() != null).ifPresent(r -> text.append("；已登记快递：")
			.append(Courier.parse(r.getCourierCompany()).orElse(Courier.OTHER).chinese())
			.append("，单号 ").append(r.getCourierNumber()));
		return text.append("。").toString();
	}

	public Optional<DeviceReturn> of(String caseNumber) {
		return returns.findById(caseNumber);
	}

	/**
	 * Records the courier a device was sent back with, as the merchant gave it. Refused (audited) unless the case is
	 * open, approved, its deposit comes back by a return, and the device has not arrived yet.
	 * @param courier the courier company; {@code waybill} its waybill number
	 */
	@Transactional
	public DeviceReturn recordShipment(String caseNumber, Courier courier, String waybill, String by) {
		UnbindingCase unbindingCase = cases.findById(caseNumber)
			.orElseThrow(() -> new IllegalArgumentException("No case " + caseNumber));
		String number = waybill == null ? null : waybill.strip().toUpperCase(Locale.ROOT);
		if (number == null || !WAYBILL.matcher(number).matches()) {
			throw refuse(unbindingCase, "Waybill number malformed", "快递单号应为6到30位字母或数字");
		}
		requireReturnDue(unbindingCase, false);
		DeviceReturn deviceReturn = returnOf(unbindingCase);
		deviceReturn.shipped(courier.name(), number, by, LocalDateTime.now(clock));
		audit.record(unbindingCase, AuditAction.DEVICE_SHIPPED, "Device sent back by " + courier + ", waybill "
				+ Masks.last4(number), by);
		return returns.save(deviceReturn);
	}

	/**
	 * The warehouse checks a returned device in: the scanned serial number must be the case's terminal's, the
	 * condition one the fee table prices; the deduction is what the table gives, never more than the deposit.
	 * Refused (audited, nothing changed) otherwise, or when the device is not due back or already arrived.
	 */
	@Transactional
	public DeviceReturn receive(String processInstanceId, String scannedSn, String conditionCode, Courier courier,
			String waybill, String by) {
		UnbindingCase unbindingCase = caseOf(processInstanceId);
		requireReturnDue(unbindingCase, true);
		String sn = scannedSn == null ? "" : scannedSn.strip().toUpperCase(Locale.ROOT);
		if (!sn.equals(unbindingCase.getTerminalSn().toUpperCase(Locale.ROOT))) {
			throw refuse(unbindingCase, "Scanned serial number " + Masks.last4(sn) + " is not the case's terminal's",
					"扫描的序列号（尾号" + tail(sn) + "）不是本案终端（尾号" + tail(unbindingCase.getTerminalSn())
							+ "）的序列号：请核对到货设备，不是本案的设备不能登记");
		}
		DeviceCondition condition = DeviceCondition.parse(conditionCode)
			.orElseThrow(() -> refuse(unbindingCase, "Unknown device condition", "请选择设备到货时的状况"));
		BigDecimal deposit = unbindingCase.getDepositRefund() == null ? BigDecimal.ZERO : unbindingCase.getDepositRefund();
		BigDecimal deduction = fees.damageDeduction(condition, deposit);
		DeviceReturn deviceReturn = returnOf(unbindingCase);
		if (waybill != null && !waybill.isBlank() && deviceReturn.getCourierNumber() == null) {
			String number = waybill.strip().toUpperCase(Locale.ROOT);
			if (!WAYBILL.matcher(number).matches()) {
				throw refuse(unbindingCase, "Waybill number malformed", "快递单号应为6到30位字母或数字");
			}
			deviceReturn.shipped((courier == null ? Courier.OTHER : courier).name(), number, by, LocalDateTime.now(clock));
		}
		deviceReturn.received(sn, condition, deduction, by, LocalDateTime.now(clock));
		unbindingCase.recordDeviceDisposition(DeviceDisposition.RETURNED.name());
		audit.record(unbindingCase, AuditAction.DEVICE_RECEIVED,
				"Device " + Masks.last4(sn) + " received, " + condition + ", deduction CNY " + deduction, by);
		return returns.save(deviceReturn);
	}

	/**
	 * Starts the deposit refund of a returned device: the deposit less the deduction for its condition.
	 * @return the refund started, zero when the deduction took it all
	 */
	@Transactional
	public BigDecimal refund(String processInstanceId) {
		UnbindingCase unbindingCase = caseOf(processInstanceId);
		String caseNumber = unbindingCase.getCaseNumber();
		DeviceReturn deviceReturn = returns.findById(caseNumber).filter(DeviceReturn::isReceived).orElseThrow(() -> {
			refusals.refused(unbindingCase, AuditAction.REFUND_REFUSED, "Deposit refund refused: device not received");
			return new CaseRuleViolation(caseNumber, "案件 " + caseNumber + " 的设备尚未验收，不能退还押金");
		});
		BigDecimal net = unbindingCase.getDepositRefund().subtract(deviceReturn.getDeduction()).max(BigDecimal.ZERO);
		if (net.signum() > 0 && refunds.findByCaseNumber(caseNumber).isEmpty()) {
			refunds.save(new DepositRefund(caseNumber, unbindingCase.getTerminalSn(), unbindingCase.getMerchantNo(), net,
					LocalDateTime.now(clock)));
			audit.record(unbindingCase, AuditAction.DEPOSIT_REFUND_STARTED, "Deposit refund of CNY " + net + " (deposit "
					+ unbindingCase.getDepositRefund() + " less " + deviceReturn.getDeduction() + " for "
					+ deviceReturn.getCondition() + ")");
		}
		return refunds.findByCaseNumber(caseNumber).map(DepositRefund::getAmount).orElse(BigDecimal.ZERO);
	}

	/** Nothing arrived by the deadline: the deposit is forfeited. Running it twice changes nothing. */
	@Transactional
	public void forfeit(String processInstanceId) {
		UnbindingCase unbindingCase = caseOf(processInstanceId);
		DeviceReturn deviceReturn = returnOf(unbindingCase);
		if (deviceReturn.isSettled()) {
			return;
		}
		deviceReturn.forfeited(LocalDateTime.now(clock));
		returns.save(deviceReturn);
		unbindingCase.recordDeviceDisposition(DeviceDisposition.NOT_RETURNED.name());
		audit.record(unbindingCase, AuditAction.DEPOSIT_FORFEITED, "No device by the deadline; deposit of CNY "
				+ unbindingCase.getDepositRefund() + " forfeited");
	}

	private void requireReturnDue(UnbindingCase unbindingCase, boolean unbound) {
		if (unbindingCase.getStatus() != CaseStatus.OPEN) {
			throw refuse(unbindingCase, "Case closed", "案件已结案，不能登记设备归还");
		}
		if (unbindingCase.getDepositReturn() != DepositReturn.DEVICE_RETURN) {
			throw refuse(unbindingCase, "No device to return for this case", "本案无需寄回设备（押金不以归还设备退还）");
		}
		if (unbindingCase.getFinallyApprovedAt().isEmpty()) {
			throw refuse(unbindingCase, "Case not approved", "申请尚未审核通过，不能登记设备归还");
		}
		if (unbound && !unbindingCase.isUnbound()) {
			throw refuse(unbindingCase, "Terminal not unbound yet", "终端尚未解绑，解绑完成后再登记到货");
		}
		if (returns.findById(unbindingCase.getCaseNumber()).filter(DeviceReturn::isSettled).isPresent()) {
			throw refuse(unbindingCase, "Device return already settled", "本案设备已验收或押金已按逾期处理，不能再次登记");
		}
	}

	/** The last four characters, as staff read a serial number off a label. */
	private static String tail(String value) {
		return value == null || value.length() <= 4 ? String.valueOf(value) : value.substring(value.length() - 4);
	}

	private CaseRuleViolation refuse(UnbindingCase unbindingCase, String why, String chinese) {
		refusals.refused(unbindingCase, AuditAction.DEVICE_RETURN_REFUSED, "Device return refused: " + why);
		return new CaseRuleViolation(unbindingCase.getCaseNumber(), chinese);
	}

	private DeviceReturn returnOf(UnbindingCase unbindingCase) {
		return returns.findById(unbindingCase.getCaseNumber())
			.orElseGet(() -> new DeviceReturn(unbindingCase.getCaseNumber(), unbindingCase.getTerminalSn()));
	}

	private UnbindingCase caseOf(String processInstanceId) {
		return cases.findOfProcess(processInstanceId)
			.orElseThrow(() -> CaseRuleViolation.notRegistered(processInstanceId));
	}

}
