package org.unbinddesk.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.cases.Registration.InvalidReason;
import org.unbinddesk.merchant.Binding;
import org.unbinddesk.merchant.BindingRepository;
import org.unbinddesk.merchant.MerchantRepository;
import org.unbinddesk.merchant.Terminal;
import org.unbinddesk.merchant.TerminalRepository;

/**
 * Checks a request against the registry (DOMAIN step 1): well formed, the merchant and terminal exist, the terminal is
 * bound to that merchant, no other case is open for it, and the day's limits are not reached. Records nothing.
 */
@Service
@EnableConfigurationProperties(CaseLimits.class)
class CaseEligibility {

	private final UnbindingCaseRepository cases;

	private final MerchantRepository merchants;

	private final TerminalRepository terminals;

	private final BindingRepository bindings;

	private final CaseLimits limits;

	private final Clock clock;

	CaseEligibility(UnbindingCaseRepository cases, MerchantRepository merchants, TerminalRepository terminals,
			BindingRepository bindings, CaseLimits limits, Clock clock) {
		this.cases = cases;
		this.merchants = merchants;
		this.terminals = terminals;
		this.bindings = bindings;
		this.limits = limits;
		this.clock = clock;
	}

	/** @param request the request as {@link CaseRequest#normalized() normalized} */
	@Transactional(readOnly = true)
	Eligibility check(CaseRequest request) {
		List<String> malformed = request.malformedFields();
		if (!malformed.isEmpty()) {
			return Eligibility.refused(null, InvalidReason.MALFORMED_REQUEST, String.join(", ", malformed));
		}
		if (merchants.findById(request.merchantNo()).isEmpty()) {
			return Eligibility.refused(null, InvalidReason.UNKNOWN_MERCHANT, request.merchantNo());
		}
		Optional<Terminal> found = findTerminal(request);
		if (found.isEmpty()) {
			return Eligibility.refused(null, InvalidReason.UNKNOWN_TERMINAL, request.terminalRef());
		}
		Terminal terminal = found.get();
		Optional<Binding> binding = bindings.findByTerminalSn(terminal.getSn());
		if (binding.isEmpty() || !binding.get().getMerchantNo().equals(request.merchantNo())) {
			return Eligibility.refused(null, InvalidReason.TERMINAL_NOT_BOUND, request.terminalRef(),
					request.merchantNo());
		}
		Optional<UnbindingCase> open = cases.findByOpenTerminalSn(terminal.getSn());
		if (open.isPresent()) {
			return Eligibility.refused(terminal, InvalidReason.CASE_ALREADY_OPEN, terminal.getTerminalId(),
					open.get().getCaseNumber());
		}
		LocalDateTime midnight = LocalDate.now(clock).atStartOfDay();
		if (cases.countByTerminalSnAndOpenedAtAfter(terminal.getSn(), midnight) >= limits.casesPerTerminalPerDay()) {
			return Eligibility.refused(terminal, InvalidReason.DAILY_LIMIT_REACHED,
					"terminal " + terminal.getTerminalId(), String.valueOf(limits.casesPerTerminalPerDay()));
		}
		if (cases.countByMerchantNoAndOpenedAtAfter(request.merchantNo(), midnight) >= limits
			.casesPerMerchantPerDay()) {
			return Eligibility.refused(terminal, InvalidReason.DAILY_LIMIT_REACHED, "merchant " + request.merchantNo(),
					String.valueOf(limits.casesPerMerchantPerDay()));
		}
		return Eligibility.eligible(terminal);
	}

	private Optional<Terminal> findTerminal(CaseRequest request) {
		Optional<Terminal> byId = Optional.ofNullable(request.terminalId()).flatMap(terminals::findByTerminalId);
		Optional<Terminal> bySn = Optional.ofNullable(request.terminalSn()).flatMap(terminals::findById);
		if (request.terminalId() != null && request.terminalSn() != null) {
			// both given: they must name the same device
			return byId.filter(t -> bySn.isPresent() && bySn.get().getSn().equals(t.getSn()));
		}
		return byId.isPresent() ? byId : bySn;
	}

}
