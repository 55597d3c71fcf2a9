package org.unbinddesk.unbind;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.audit.AuditEntryRepository;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.Reason;
import org.unbinddesk.cases.Stage;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.cases.UnbindingCaseRepository;
import org.unbinddesk.process.UnbindingSettings;
import org.unbinddesk.registry.Binding;
import org.unbinddesk.registry.BindingRepository;
import org.unbinddesk.registry.Merchant;
import org.unbinddesk.registry.MerchantRepository;
import org.unbinddesk.registry.SettlementAccount;
import org.unbinddesk.registry.SettlementAccountRepository;
import org.unbinddesk.registry.Terminal;
import org.unbinddesk.registry.TerminalRepository;
import org.unbinddesk.system.Masks;

/**
 * Carries out the unbind in the registry, in one transaction: the binding goes, the terminal is disabled, an audit
 * row and a clearing-report record are written. The acquirer's transaction records are never touched. Running it
 * twice for one case changes nothing the second time, so an engine retry after a lost commit is safe.
 */
@Service
public class UnbindService {

	public static final String UNBOUND = "TERMINAL_UNBOUND";

	private static final Logger log = LoggerFactory.getLogger(UnbindService.class);

	private final UnbindingCaseRepository cases;

	private final BindingRepository bindings;

	private final TerminalRepository terminals;

	private final MerchantRepository merchants;

	private final SettlementAccountRepository accounts;

	private final ClearingReportRecordRepository clearingRecords;

	private final DepositRefundRepository refunds;

	private final AuditEntryRepository auditEntries;

	private final AuditLog audit;

	private final UnbindingSettings settings;

	private final Clock clock;

	UnbindService(UnbindingCaseRepository cases, BindingRepository bindings, TerminalRepository terminals,
			MerchantRepository merchants, SettlementAccountRepository accounts,
			ClearingReportRecordRepository clearingRecords, DepositRefundRepository refunds,
			AuditEntryRepository auditEntries, AuditLog audit, UnbindingSettings settings, Clock clock) {
		this.cases = cases;
		this.bindings = bindings;
		this.terminals = terminals;
		this.merchants = merchants;
		this.accounts = accounts;
		this.clearingRecords = clearingRecords;
		this.refunds = refunds;
		this.auditEntries = auditEntries;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public void unbind(String caseNumber) {
		UnbindingCase unbindingCase = cases.findById(caseNumber)
			.orElseThrow(() -> new IllegalStateException("Case " + caseNumber + " is not in the registry"));
		if (auditEntries.existsByCaseNumberAndAction(caseNumber, UNBOUND)) {
			log.info("Terminal of case {} is already unbound", caseNumber);
			return;
		}
		Binding binding = bindings.findByTerminalSn(unbindingCase.getTerminalSn())
			.filter(b -> b.getMerchantNo().equals(unbindingCase.getMerchantNo()))
			.orElseThrow(() -> new IllegalStateException("Terminal " + unbindingCase.getTerminalId()
					+ " is no longer bound to merchant " + unbindingCase.getMerchantNo()));
		Terminal terminal = terminals.findById(binding.getTerminalSn()).orElseThrow();
		Merchant merchant = merchants.findById(binding.getMerchantNo()).orElseThrow();
		SettlementAccount account = accounts.findById(binding.getSettlementAccountId()).orElseThrow();

		bindings.delete(binding);
		terminal.disable();
		unbindingCase.moveTo(Stage.UNBIND, LocalDateTime.now(clock));
		String creditCodeOrId = merchant.getCreditCode() != null ? merchant.getCreditCode()
				: Masks.last4(merchant.getLegalPersonIdNumber());
		clearingRecords.save(new ClearingReportRecord(caseNumber, terminal.getSn(), settings.getAcquirerCode(),
				merchant.getMerchantNo(), creditCodeOrId, Masks.last4(account.getCardNumber()),
				terminal.getRegisteredAddress(), "UNBIND", LocalDateTime.now(clock)));
		audit.record(unbindingCase, UNBOUND, "Binding to merchant " + merchant.getMerchantNo()
				+ " and settlement account " + Masks.last4(account.getCardNumber()) + " removed; terminal disabled");
		log.info("Case {}: terminal {} unbound from merchant {}", caseNumber, terminal.getTerminalId(),
				merchant.getMerchantNo());
	}

	/** When the terminal was unbound, for the checks that follow. */
	public LocalDateTime unboundAt(String caseNumber) {
		return auditEntries.findByCaseNumberOrderByIdAsc(caseNumber)
			.stream()
			.filter(e -> UNBOUND.equals(e.getAction()))
			.map(e -> e.getOccurredAt())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Case " + caseNumber + " has not been unbound"));
	}

	/**
	 * Records what became of the device and starts the deposit refund when one is due and the device came back.
	 * @param requested the disposition the merchant or agent gave, or null to take the usual one for the case
	 * @return the disposition recorded
	 */
	@Transactional
	public DeviceDisposition settleDeviceAndDeposit(String caseNumber, String requested, BigDecimal depositRefund) {
		UnbindingCase unbindingCase = cases.findById(caseNumber).orElseThrow();
		Terminal terminal = terminals.findById(unbindingCase.getTerminalSn()).orElseThrow();
		DeviceDisposition disposition = requested != null && !requested.isBlank()
				? DeviceDisposition.valueOf(requested.strip().toUpperCase()) : usualDisposition(unbindingCase, terminal);
		unbindingCase.moveTo(Stage.CONFIRMATION, LocalDateTime.now(clock));
		unbindingCase.recordDeviceDisposition(disposition.name());
		if (disposition == DeviceDisposition.RETURNED && depositRefund != null && depositRefund.signum() > 0
				&& refunds.findByCaseNumber(caseNumber).isEmpty()) {
			refunds.save(new DepositRefund(caseNumber, terminal.getSn(), unbindingCase.getMerchantNo(), depositRefund,
					LocalDateTime.now(clock)));
			audit.record(unbindingCase, "DEPOSIT_REFUND_STARTED", "Deposit refund of CNY " + depositRefund);
		}
		audit.record(unbindingCase, "DEVICE_DISPOSITION_RECORDED", disposition.name());
		return disposition;
	}

	private static DeviceDisposition usualDisposition(UnbindingCase unbindingCase, Terminal terminal) {
		if (Reason.LOST_DEVICE.name().equals(unbindingCase.getReason())) {
			return DeviceDisposition.LOST;
		}
		return "PURCHASED".equals(terminal.getOwnership()) ? DeviceDisposition.WIPED_AND_KEPT
				: DeviceDisposition.RETURNED;
	}

}
