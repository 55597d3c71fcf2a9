package org.unbinddesk.api;

import static org.unbinddesk.process.ProcessVariables.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.CaseOpening;
import org.unbinddesk.cases.CaseProcess;
import org.unbinddesk.cases.CaseRefused;
import org.unbinddesk.cases.Eligibility;
import org.unbinddesk.cases.CaseRequest;
import org.unbinddesk.cases.Registration.InvalidReason;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.runtime.EngineAccess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.unbinddesk.documents.DocumentService;
import org.unbinddesk.problem.ProblemTypes;

/**
 * Opens a case for an intake system: {@link CaseOpening} checks and records it (nothing is recorded for a bad
 * request), then {@code TerminalUnbinding} starts with its number, in one transaction with the client's idempotency
 * key. The applicant's ID and phone stay in the registry; the process never holds them.
 */
@Service
class CaseIntake {

	private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);

	private final CaseOpening opening;

	private final CaseRegistry registry;

	private final RuntimeService runtime;

	private final ClientIdempotencyKeyRepository keys;

	private final EngineAccess engine;

	private final Duration keyLifetime;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final Clock clock;

	CaseIntake(CaseOpening opening, CaseRegistry registry, RuntimeService runtime, ClientIdempotencyKeyRepository keys, EngineAccess engine,
			TransactionTemplate transaction, ObjectMapper json, Clock clock,
			@Value("${unbinddesk.api.idempotency-key-lifetime:P7D}") Duration keyLifetime) {
		this.opening = opening;
		this.registry = registry;
		this.engine = engine;
		this.keyLifetime = keyLifetime;
		this.runtime = runtime;
		this.keys = keys;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param client the logged-in intake client or agent: idempotency keys are theirs alone
	 * @return the case, and whether this request opened it (false: a repeat of an earlier request with the same key)
	 */
	Opened open(OpenCaseRequest request, String client, String idempotencyKey) {
		requireKnownDocuments(request);
		String hash = hash(request);
		ClientIdempotencyKey.Id key = idempotencyKey == null ? null : new ClientIdempotencyKey.Id(client, idempotencyKey);
		Optional<Opened> replay = replay(key, hash);
		if (replay.isPresent()) {
			return replay.get();
		}
		try {
			// the case as this transaction recorded it: the answer needs no second read
			return new Opened(transaction.execute(status -> start(request, key, hash)), true);
		}
		catch (CaseRefused refused) {
			// a request with the same key may have opened the case a moment ago
			Optional<Opened> opened = refused.eligibility().reason() == InvalidReason.CASE_ALREADY_OPEN
					? replay(key, hash) : Optional.empty();
			return opened.orElseThrow(() -> refusal(refused.eligibility()));
		}
		catch (DataIntegrityViolationException | ProcessEngineException ex) {
			// lost a race: another request with the same key (wait for it to commit) or for the same terminal won
			Optional<Opened> replayed = awaitReplay(key, hash);
			if (replayed.isPresent()) {
				return replayed.get();
			}
			log.info("Request for terminal {} lost a race to open a case: {}", terminalRef(request), ex.getMessage());
			throw new ApiException(ProblemTypes.OPEN_CASE_EXISTS,
					"Another request for terminal " + terminalRef(request) + " opened a case a moment ago; look it up");
		}
	}

	/** Document codes come from the list, as everywhere else codes come in: an unknown one opens nothing. */
	private static void requireKnownDocuments(OpenCaseRequest request) {
		List<String> unknown = request.documents() == null ? List.of()
				: DocumentService.unknown(String.join(",", request.documents()));
		if (!unknown.isEmpty()) {
			throw new ApiException(ProblemTypes.VALIDATION, "documents: unknown document codes " + unknown
					+ "; known codes are " + new java.util.TreeSet<>(DocumentService.CODES),
					Map.of("errors", List.of(Map.of("field", "documents", "message", "holds unknown codes " + unknown))));
		}
	}

	/**
	 * Opens the case in the registry (the request is checked there, once), then starts {@code TerminalUnbinding} with the
	 * case number as the service (intake clients hold no engine rights). The idempotency key is taken in the same
	 * transaction, so of two requests with one key exactly one commits.
	 */
	private UnbindingCase start(OpenCaseRequest request, ClientIdempotencyKey.Id key, String hash) {
		UnbindingCase opened = opening.open(toCaseRequest(request));
		String caseNumber = opened.getCaseNumber();
		VariableMap variables = Variables.createVariables();
		putIfGiven(variables, DOCUMENTS, request.documents() == null ? null : String.join(",", request.documents()));
		putIfGiven(variables, REPLACEMENT_TERMINAL_SN, request.replacementTerminalSn());
		String processInstanceId = engine.asService(() -> runtime.createProcessInstanceByKey(CaseProcess.ID)
			.businessKey(caseNumber)
			.setVariables(variables)
			.execute()).getId();
		// the process's first step joined the case: the same row, held by this transaction, so no query to see it
		if (!processInstanceId.equals(opened.getProcessInstanceId())) {
			throw new IllegalStateException("Case " + caseNumber + " did not join process instance " + processInstanceId);
		}
		if (key != null) {
			keys.saveAndFlush(new ClientIdempotencyKey(key, hash, caseNumber, LocalDateTime.now(clock)));
		}
		return opened;
	}

	private static void putIfGiven(VariableMap variables, String name, String value) {
		if (value != null) {
			variables.putValue(name, value);
		}
	}

	private Optional<Opened> replay(ClientIdempotencyKey.Id key, String hash) {
		if (key == null) {
			return Optional.empty();
		}
		return keys.findById(key).filter(k -> !expired(k)).map(k -> {
			if (!k.getRequestHash().equals(hash)) {
				throw new ApiException(ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency key " + key.key()
						+ " was used for a different request (case " + k.getCaseNumber() + ")");
			}
			return new Opened(registry.get(k.getCaseNumber()), false);
		});
	}

	/** The request that holds the key may still be committing: look again for a short while. */
	private Optional<Opened> awaitReplay(ClientIdempotencyKey.Id key, String hash) {
		if (key == null) {
			return Optional.empty();
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			Optional<Opened> replayed = replay(key, hash);
			if (replayed.isPresent() || System.nanoTime() > deadline) {
				return replayed;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}
	}

	private boolean expired(ClientIdempotencyKey key) {
		return key.getCreatedAt().isBefore(LocalDateTime.now(clock).minus(keyLifetime));
	}

	/** Forgets expired keys once an hour. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void forgetExpiredKeys() {
		keys.deleteByCreatedAtBefore(LocalDateTime.now(clock).minus(keyLifetime));
	}

	private static ApiException refusal(Eligibility check) {
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
				r.applicant().name(), r.applicant().idNumber().toUpperCase(), r.applicant().phone(),
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
