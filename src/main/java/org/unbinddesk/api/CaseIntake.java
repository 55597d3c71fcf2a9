package org.unbinddesk.api;

import static org.unbinddesk.process.ProcessVariables.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.unbinddesk.cases.CaseNumbers;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.CaseRegistry.RegistryCheck;
import org.unbinddesk.cases.CaseRequest;
import org.unbinddesk.cases.Registration.InvalidReason;
import org.unbinddesk.cases.UnbindingCase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Opens a case for an intake system: checks the request against the registry first (nothing is recorded for a bad
 * request), then starts {@code TerminalUnbinding} with the case number as business key, all in one transaction with
 * the idempotency key. The applicant's ID and phone reach the process as transient variables only.
 */
@Service
class CaseIntake {

	private final CaseRegistry registry;

	private final CaseNumbers caseNumbers;

	private final RuntimeService runtime;

	private final IdempotencyKeyRepository keys;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final Clock clock;

	CaseIntake(CaseRegistry registry, CaseNumbers caseNumbers, RuntimeService runtime, IdempotencyKeyRepository keys,
			TransactionTemplate transaction, ObjectMapper json, Clock clock) {
		this.registry = registry;
		this.caseNumbers = caseNumbers;
		this.runtime = runtime;
		this.keys = keys;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @return the case, and whether this request opened it (false: a repeat of an earlier request with the same key)
	 */
	Opened open(OpenCaseRequest request, String idempotencyKey) {
		String hash = hash(request);
		Optional<Opened> replay = replay(idempotencyKey, hash);
		if (replay.isPresent()) {
			return replay.get();
		}
		CaseRequest caseRequest = toCaseRequest(request);
		RegistryCheck check = registry.check(caseRequest);
		if (!check.valid()) {
			throw refusal(check);
		}
		try {
			String caseNumber = transaction.execute(status -> start(request, caseRequest, idempotencyKey, hash));
			return new Opened(registry.get(caseNumber), true);
		}
		catch (DataIntegrityViolationException | org.camunda.bpm.engine.ProcessEngineException ex) {
			// lost a race: another request for the same key or terminal committed first
			Optional<Opened> replayed = replay(idempotencyKey, hash);
			if (replayed.isPresent()) {
				return replayed.get();
			}
			RegistryCheck now = registry.check(caseRequest);
			if (!now.valid()) {
				throw refusal(now);
			}
			throw new ApiException(ProblemTypes.OPEN_CASE_EXISTS,
					"Another request for terminal " + terminalRef(request) + " is being processed; try again shortly");
		}
	}

	private String start(OpenCaseRequest request, CaseRequest caseRequest, String idempotencyKey, String hash) {
		String caseNumber = caseNumbers.next();
		if (idempotencyKey != null) {
			keys.saveAndFlush(new IdempotencyKey(idempotencyKey, hash, caseNumber, LocalDateTime.now(clock)));
		}
		VariableMap variables = Variables.createVariables()
			.putValue(CHANNEL, caseRequest.channel())
			.putValue(MERCHANT_NO, caseRequest.merchantNo())
			.putValue(TERMINAL_ID, caseRequest.terminalId())
			.putValue(TERMINAL_SN, caseRequest.terminalSn())
			.putValue(REASON, caseRequest.reason())
			.putValue(APPLICANT_NAME, caseRequest.applicantName())
			.putValueTyped(APPLICANT_ID_NUMBER, Variables.stringValue(caseRequest.applicantIdNumber(), true))
			.putValueTyped(APPLICANT_PHONE, Variables.stringValue(caseRequest.applicantPhone(), true))
			.putValue(APPLICANT_ROLE, caseRequest.applicantRole())
			.putValue(DOCUMENTS, caseRequest.documents())
			.putValue(REPLACEMENT_TERMINAL_SN, request.replacementTerminalSn());
		runtime.createProcessInstanceByKey(PROCESS_ID).businessKey(caseNumber).setVariables(variables).execute();
		UnbindingCase opened = registry.get(caseNumber);
		if (opened.getOutcome() != null || opened.getTerminalSn() == null
				|| registry.openCaseOf(opened.getTerminalSn()).map(c -> !c.getCaseNumber().equals(caseNumber)).orElse(true)) {
			// the registry changed between the check and the start: undo everything
			throw new DataIntegrityViolationException("Case " + caseNumber + " did not get the terminal's open slot");
		}
		return caseNumber;
	}

	private Optional<Opened> replay(String idempotencyKey, String hash) {
		if (idempotencyKey == null) {
			return Optional.empty();
		}
		return keys.findById(idempotencyKey).map(key -> {
			if (!key.getRequestHash().equals(hash)) {
				throw new ApiException(ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency key " + idempotencyKey
						+ " was used for a different request (case " + key.getCaseNumber() + ")");
			}
			return new Opened(registry.get(key.getCaseNumber()), false);
		});
	}

	private static ApiException refusal(RegistryCheck check) {
		if (check.reason() == InvalidReason.DAILY_LIMIT_REACHED) {
			return new ApiException(ProblemTypes.TOO_MANY_REQUESTS, check.reasonText(),
					Map.of("reason", check.reason().name()));
		}
		if (check.reason() == InvalidReason.CASE_ALREADY_OPEN) {
			return new ApiException(ProblemTypes.OPEN_CASE_EXISTS, check.reasonText(),
					Map.of("openCase", check.args().get(1)));
		}
		return new ApiException(ProblemTypes.REQUEST_INVALID, check.reasonText(),
				Map.of("reason", check.reason().name()));
	}

	private static CaseRequest toCaseRequest(OpenCaseRequest r) {
		return new CaseRequest(r.channel().name(), r.merchantNo(), r.terminalId(), r.terminalSn(), r.reason().name(),
				r.applicant().name().strip(), r.applicant().idNumber().toUpperCase(), r.applicant().phone(),
				r.applicant().role().name(), r.documents() == null ? null : String.join(",", r.documents()));
	}

	private static String terminalRef(OpenCaseRequest r) {
		return r.terminalId() != null ? r.terminalId() : r.terminalSn();
	}

	private String hash(OpenCaseRequest request) {
		try {
			byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (JsonProcessingException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Cannot hash the request", ex);
		}
	}

	record Opened(UnbindingCase unbindingCase, boolean created) {
	}

}
