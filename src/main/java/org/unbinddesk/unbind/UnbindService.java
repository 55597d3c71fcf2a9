package org.unbinddesk.unbind;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.audit.RefusalLog;
import org.unbinddesk.cases.CaseRuleViolation;
import org.unbinddesk.cases.DepositReturn;
import org.unbinddesk.cases.Reason;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.cases.UnbindingCaseRepository;
import org.unbinddesk.merchant.Binding;
import org.unbinddesk.merchant.BindingRepository;
import org.unbinddesk.merchant.Merchant;
import org.unbinddesk.merchant.MerchantRepository;
import org.unbinddesk.merchant.SettlementAccount;
import org.unbinddesk.merchant.SettlementAccountRepository;
import org.unbinddesk.merchant.Terminal;
import org.unbinddesk.merchant.TerminalRepository;
import org.unbinddesk.privacy.Masks;
import org.unbinddesk.audit.AuditAction;

/**
 * Carries out the unbind in the registry, in one transaction: the binding goes, the terminal is disabled, an audit
 * row and a clearing-report record are written. The acquirer's transaction records are never touched. Running it
 * twice for one case changes nothing the second time, so an engine retry after a lost commit is safe.
 */
@Service
public class UnbindService {

	private static final Logger log = LoggerFactory.getLogger(UnbindService.class);

	private final UnbindingCaseRepository cases;

	private final BindingRepository bindings;

	private final TerminalRepository terminals;

	private final MerchantRepository merchants;

	private final SettlementAccountRepository accounts;

	private final ClearingReportRecordRepository clearingRecords;

	private final DepositRefundRepository refunds;

	private final SimFeeRefundRepository simRefunds;

	private final AuditLog audit;

	private final RefusalLog refusals;

	private final ReportCipher cipher;

	/** The acquirer's code in reports to the clearing organisation. */
	private final String acquirerCode;

	private final Clock clock;

	UnbindService(UnbindingCaseRepository cases, BindingRepository bindings, TerminalRepository terminals,
			MerchantRepository merchants, SettlementAccountRepository accounts,
			ClearingReportRecordRepository clearingRecords, DepositRefundRepository refunds, SimFeeRefundRepository simRefunds,
			AuditLog audit, RefusalLog refusals, ReportCipher cipher,
			@Value("${unbinddesk.process.acquirer-code}") String acquirerCode, Clock clock) {
		this.acquirerCode = acquirerCode;
		this.cipher = cipher;
		this.refusals = refusals;
		this.cases = cases;
		this.bindings = bindings;
		this.terminals = terminals;
		this.merchants = merchants;
		this.accounts = accounts;
		this.clearingRecords = clearingRecords;
		this.refunds = refunds;
		this.simRefunds = simRefunds;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Unbinds the terminal of the case that process instance works on. Refused (audited, nothing changed) unless the
	 * case is open, approved, approved again by another person when high risk, and free of blocks: whatever drove the
	 * engine there, a reviewer's decision recorded in the registry is what lets a terminal go.
	 */
	@Transactional
	public void unbind(String processInstanceId) {
		UnbindingCase unbindingCase = caseOf(processInstanceId);
		String caseNumber = unbindingCase.getCaseNumber();
		if (unbindingCase.isUnbound()) {
			log.info("Terminal of case {} is already unbound", caseNumber);
			return;
		}
		unbindingCase.unbindRefusal().ifPresent(why -> {
			refusals.refused(unbindingCase, AuditAction.UNBIND_REFUSED, "Unbind refused: " + why);
			throw new CaseRuleViolation(caseNumber, "案件 " + caseNumber + " 不能解绑：" + why);
		});
		Binding binding = bindings.findByTerminalSn(unbindingCase.getTerminalSn())
			.filter(b -> b.getMerchantNo().equals(unbindingCase.getMerchantNo()))
			.orElseThrow(() -> new IllegalStateException("Terminal " + unbindingCase.getTerminalId()
					+ " is no longer bound to merchant " + unbindingCase.getMerchantNo()));
		Terminal terminal = terminals.findById(binding.getTerminalSn()).orElseThrow();
		Merchant merchant = merchants.findById(binding.getMerchantNo()).orElseThrow();
		SettlementAccount account = accounts.findById(binding.getSettlementAccountId()).orElseThrow();

		bindings.delete(binding);
		terminal.disable(LocalDateTime.now(clock));
		unbindingCase.markUnbound(LocalDateTime.now(clock));
		String creditCodeOrId = merchant.getCreditCode() != null ? merchant.getCreditCode()
				: Masks.last4(merchant.getLegalPersonIdNumber());
		ClearingReportRecord record = new ClearingReportRecord(caseNumber, terminal.getSn(),
				acquirerCode, merchant.getMerchantNo(), creditCodeOrId,
				Masks.last4(account.getCardNumber()), terminal.getRegisteredAddress(), "UNBIND", LocalDateTime.now(clock));
		record.seal(cipher.encrypt(merchant.getCreditCode() != null ? merchant.getCreditCode()
				: merchant.getLegalPersonIdNumber()), cipher.encrypt(account.getCardNumber()));
		clearingRecords.save(record);
		audit.record(unbindingCase, AuditAction.TERMINAL_UNBOUND, "Binding to merchant " + merchant.getMerchantNo()
				+ " and settlement account " + Masks.last4(account.getCardNumber()) + " removed; terminal disabled");
		log.info("Case {}: terminal {} unbound from merchant {}", caseNumber, terminal.getTerminalId(),
				merchant.getMerchantNo());
	}

	/**
	 * Stops an approved case's terminal at the daily cut-off: it stays bound but takes no transactions. Refused, like
	 * the unbind, for a case that is not approved.
	 */
	@Transactional
	public void stop(String processInstanceId) {
		UnbindingCase unbindingCase = caseOf(processInstanceId);
		unbindingCase.unbindRefusal().ifPresent(why -> {
			refusals.refused(unbindingCase, AuditAction.STOP_REFUSED, "Stop refused: " + why);
			throw new CaseRuleViolation(unbindingCase.getCaseNumber(),
					"案件 " + unbindingCase.getCaseNumber() + " 不能停用终端：" + why);
		});
		Terminal terminal = terminals.findById(unbindingCase.getTerminalSn()).orElseThrow();
		if (!terminal.isSuspended()) {
			terminal.suspend(LocalDateTime.now(clock));
			audit.record(unbindingCase, AuditAction.TERMINAL_STOPPED,
					"Terminal " + terminal.getTerminalId() + " stopped at the daily cut-off; unbind after the final settlement");
		}
	}

	/**
	 * Records what became of the device and starts the refunds due with the unbind: the deposit of an
	 * electronic-signature POS whose trading target was met ({@link DepositReturn#ON_UNBIND}) and the SIM data fee for
	 * the months left. A leased device's deposit waits for the device ({@link DeviceReturns}). The refund is the one
	 * assessed on the case; only a case whose terminal was unbound gets here.
	 * @param requested the disposition the merchant or agent gave, or null to take the usual one for the case
	 * @return the disposition recorded (the refunds started are the registry's)
	 */
	@Transactional
	public DeviceDisposition settleDeviceAndDeposit(String processInstanceId, String requested) {
		UnbindingCase unbindingCase = caseOf(processInstanceId);
		String caseNumber = unbindingCase.getCaseNumber();
		if (!unbindingCase.isUnbound()) {
			refusals.refused(unbindingCase, AuditAction.REFUND_REFUSED, "Device and deposit settlement refused: not unbound");
			throw new CaseRuleViolation(caseNumber, "案件 " + caseNumber + " 的终端尚未解绑，不能登记设备去向或退还押金");
		}
		Terminal terminal = terminals.findById(unbindingCase.getTerminalSn()).orElseThrow();
		DepositReturn depositReturn = unbindingCase.getDepositReturn();
		DeviceDisposition disposition = depositReturn == DepositReturn.DEVICE_RETURN ? DeviceDisposition.AWAITING_RETURN
				: DeviceDisposition.parse(requested).orElse(usualDisposition(unbindingCase, terminal));
		BigDecimal depositRefund = unbindingCase.getDepositRefund();
		unbindingCase.recordDeviceDisposition(disposition.name());
		if (depositReturn == DepositReturn.ON_UNBIND && depositRefund != null && depositRefund.signum() > 0
				&& refunds.findByCaseNumber(caseNumber).isEmpty()) {
			refunds.save(new DepositRefund(caseNumber, terminal.getSn(), unbindingCase.getMerchantNo(), depositRefund,
					LocalDateTime.now(clock)));
			audit.record(unbindingCase, AuditAction.DEPOSIT_REFUND_STARTED,
					"Deposit refund of CNY " + depositRefund + " (activation target met)");
		}
		// the SIM data fee for the months left in the paid period comes back whatever became of the device
		BigDecimal simRefund = unbindingCase.getSimRefund();
		if (simRefund != null && simRefund.signum() > 0 && simRefunds.findByCaseNumber(caseNumber).isEmpty()) {
			simRefunds.save(new SimFeeRefund(caseNumber, terminal.getSn(), unbindingCase.getMerchantNo(), simRefund,
					LocalDateTime.now(clock)));
			audit.record(unbindingCase, AuditAction.SIM_FEE_REFUND_STARTED, "SIM data fee refund of CNY " + simRefund);
		}
		audit.record(unbindingCase, AuditAction.DEVICE_DISPOSITION_RECORDED, disposition.name());
		return disposition;
	}

	/** The SIM data fee refund started for a case, zero when none. */
	public BigDecimal simFeeRefundedFor(String caseNumber) {
		return simRefunds.findByCaseNumber(caseNumber).map(SimFeeRefund::getAmount).orElse(BigDecimal.ZERO);
	}

	/** The deposit refund started for a case, zero when none. */
	public BigDecimal refundedFor(String caseNumber) {
		return refunds.findByCaseNumber(caseNumber).map(DepositRefund::getAmount).orElse(BigDecimal.ZERO);
	}

	private UnbindingCase caseOf(String processInstanceId) {
		return cases.findOfProcess(processInstanceId)
			.orElseThrow(() -> CaseRuleViolation.notRegistered(processInstanceId));
	}

	private static DeviceDisposition usualDisposition(UnbindingCase unbindingCase, Terminal terminal) {
		if (Reason.LOST_DEVICE.name().equals(unbindingCase.getReason())) {
			return DeviceDisposition.LOST;
		}
		// a bought device, or an electronic-signature POS (电签), stays with the merchant
		return "PURCHASED".equals(terminal.getOwnership()) || "ACTIVATION_TARGET".equals(terminal.getDepositModel())
				? DeviceDisposition.WIPED_AND_KEPT : DeviceDisposition.RETURNED;
	}

}
