package org.unbinddesk.api;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unbinddesk.problem.ProblemResponses;
import org.unbinddesk.cases.Identifiers;
import org.unbinddesk.cases.CaseStatus;
import org.unbinddesk.cases.Stage;
import org.unbinddesk.consent.ConsentCodes;

import static org.unbinddesk.problem.ProblemTypes.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The case API for intake channels: open, follow and act on unbinding cases.
 */
@RestController
@RequestMapping("/api/unbinding-cases")
@Tag(name = "Unbinding cases")
@SecurityRequirement(name = "basic")
class CaseController {


	private final CaseIntake intake;

	private final CaseQueries queries;

	private final CaseMessages messages;

	CaseController(CaseIntake intake, CaseQueries queries, CaseMessages messages) {
		this.intake = intake;
		this.queries = queries;
		this.messages = messages;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "openCase", summary = "Open a case",
			description = "Validated before anything starts. Idempotent with the Idempotency-Key header; a second open case for a terminal is a 409 naming the open one.")
	@ApiResponse(responseCode = "201", useReturnTypeSchema = true,
			description = "The case opened; with an Idempotency-Key sent before for the same request, the case that request opened (Idempotent-Replayed: true)",
			headers = { @Header(name = "Location", required = true, description = "The case: /api/unbinding-cases/{caseNumber}",
					schema = @Schema(type = "string", format = "uri-reference")),
					@Header(name = "Idempotent-Replayed", description = "true when the answer repeats an earlier request's",
							schema = @Schema(type = "boolean")) })
	@ProblemResponses({ OPEN_CASE_EXISTS, REQUEST_INVALID, IDEMPOTENCY_KEY_REUSED, TOO_MANY_REQUESTS })
	ResponseEntity<CaseView> open(@Valid @RequestBody OpenCaseRequest request, Principal client,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1,
					max = 100) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII") String idempotencyKey) {
		CaseIntake.Opened opened = intake.open(request, client.getName(), idempotencyKey);
		String caseNumber = opened.unbindingCase().getCaseNumber();
		return ResponseEntity.created(URI.create("/api/unbinding-cases/" + caseNumber))
			.header("Idempotent-Replayed", String.valueOf(!opened.created()))
			.body(queries.view(caseNumber));
	}

	@GetMapping("/{caseNumber}")
	@Operation(operationId = "getCase",
			summary = "Follow a case: stage, status, outcome, fee, open tasks, timeline and notices")
	@ProblemResponses(CASE_NOT_FOUND)
	CaseView get(@PathVariable @Pattern(regexp = Identifiers.CASE_NUMBER, message = "is not a case number") String caseNumber) {
		return queries.view(caseNumber);
	}

	@GetMapping
	@Operation(operationId = "searchCases", summary = "Search cases", description = "Newest first; from/to filter on the day the case was opened.")
	CaseView.Page search(@RequestParam(required = false) CaseStatus status,
			@RequestParam(required = false) Stage stage,
			@RequestParam(required = false) @Pattern(regexp = Identifiers.MERCHANT_NO, message = "must be 15 digits") String merchantNo,
			@RequestParam(required = false) @Pattern(regexp = Identifiers.TERMINAL_ID, message = "must be 8 letters or digits") String terminalId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return queries.search(status, stage, merchantNo, terminalId, from == null ? null : from.atStartOfDay(),
				to == null ? null : to.plusDays(1).atStartOfDay(), page, size);
	}

	@PostMapping(path = "/{caseNumber}/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "supplyDocuments",
			summary = "Documents the merchant supplied, as codes alone (message DocumentsSupplied)",
			description = "For channels that verified the papers elsewhere; recorded as such. Files go to PUT /{caseNumber}/documents/{code}.")
	@ProblemResponses({ CASE_NOT_FOUND, NOT_WAITING })
	CaseView supplyDocuments(@PathVariable @Pattern(regexp = Identifiers.CASE_NUMBER, message = "is not a case number") String caseNumber,
			@Valid @RequestBody MessageRequests.DocumentsSupplied body, Principal client) {
		messages.supplyDocuments(caseNumber, body.documents(), client.getName());
		return queries.view(caseNumber);
	}

	@PostMapping(path = "/{caseNumber}/fee-decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "decideFee",
			summary = "The merchant accepts or declines the fee (messages FeeAccepted / FeeDeclined)")
	@ProblemResponses({ CASE_NOT_FOUND, NOT_WAITING, CONSENT_CODE_WRONG, CONSENT_CODE_INVALID })
	CaseView decideFee(@PathVariable @Pattern(regexp = Identifiers.CASE_NUMBER, message = "is not a case number") String caseNumber,
			@Valid @RequestBody MessageRequests.FeeDecision body) {
		messages.decideFee(caseNumber, body);
		return queries.view(caseNumber);
	}

	@PostMapping(path = "/{caseNumber}/suspicious-call", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "reportSuspiciousCall",
			summary = "The merchant reports a suspicious call about the case (someone posing as customer service)",
			description = "Until the application is approved: the case becomes high risk (another supervisor must approve it too) and supervisors get a task to check the call.")
	@ProblemResponses({ CASE_NOT_FOUND, CASE_CLOSED, NOT_WAITING })
	CaseView reportSuspiciousCall(
			@PathVariable @Pattern(regexp = Identifiers.CASE_NUMBER, message = "is not a case number") String caseNumber,
			@Valid @RequestBody MessageRequests.SuspiciousCall body, Principal client) {
		messages.reportSuspiciousCall(caseNumber, body.note(), client.getName());
		return queries.view(caseNumber);
	}

	@PostMapping(path = "/{caseNumber}/consent", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "giveMerchantConsent",
			summary = "The merchant confirms the request with the one-time code sent to the phone on file (purpose UNBINDING)",
			description = "Required before approval for every request not made in the merchant's own app (merchantConsent.required). The code is asked for with consent-codes and entered by the merchant in the app or the hotline's voice menu; staff never take it. 422 for a wrong code, 409 when the case does not wait for a confirmation.")
	@ProblemResponses({ CASE_NOT_FOUND, CASE_CLOSED, NOT_WAITING, CONSENT_CODE_WRONG, CONSENT_CODE_INVALID })
	CaseView giveMerchantConsent(
			@PathVariable @Pattern(regexp = Identifiers.CASE_NUMBER, message = "is not a case number") String caseNumber,
			@Valid @RequestBody MessageRequests.MerchantConsent body, Principal client) {
		messages.giveMerchantConsent(caseNumber, body.otp(), client.getName());
		return queries.view(caseNumber);
	}

	@PostMapping(path = "/{caseNumber}/device-return", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "recordDeviceShipment",
			summary = "The courier and waybill number a leased device was sent back with",
			description = "After approval, for a case whose deposit comes back once the device is back (deviceReturn.required). The warehouse checks the device in on arrival in Tasklist; the refund starts then.")
	@ProblemResponses({ CASE_NOT_FOUND, CASE_CLOSED, NOT_WAITING })
	CaseView recordDeviceShipment(
			@PathVariable @Pattern(regexp = Identifiers.CASE_NUMBER, message = "is not a case number") String caseNumber,
			@Valid @RequestBody MessageRequests.DeviceShipment body, Principal client) {
		messages.recordShipment(caseNumber, body, client.getName());
		return queries.view(caseNumber);
	}

	@PostMapping(path = "/{caseNumber}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "cancelCase",
			summary = "The merchant cancels the request, until the application is approved (message CancellationRequested)")
	@ProblemResponses({ CASE_NOT_FOUND, NOT_WAITING, CONSENT_CODE_WRONG, CONSENT_CODE_INVALID })
	CaseView cancel(@PathVariable @Pattern(regexp = Identifiers.CASE_NUMBER, message = "is not a case number") String caseNumber,
			@Valid @RequestBody MessageRequests.Cancellation body) {
		messages.cancel(caseNumber, body.reason(), body.otp());
		return queries.view(caseNumber);
	}

	@PostMapping(path = "/{caseNumber}/consent-codes", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "requestConsentCode",
			summary = "Send the legal person a one-time code for a fee decision or a cancellation",
			description = "By SMS to the phone on file, never a number from the request; good for 10 minutes and 5 wrong tries. 202: on its way; 409 when the case does not wait for that decision.")
	@ProblemResponses({ CASE_NOT_FOUND, NOT_WAITING, TOO_MANY_REQUESTS, CONSENT_CODE_NOT_SENT })
	ResponseEntity<ConsentCodes.Issued> requestConsentCode(
			@PathVariable @Pattern(regexp = Identifiers.CASE_NUMBER, message = "is not a case number") String caseNumber,
			@Valid @RequestBody MessageRequests.ConsentCodeRequest body) {
		return ResponseEntity.accepted().body(messages.requestConsentCode(caseNumber, body.purpose()));
	}

	@GetMapping("/{caseNumber}/notices")
	@Operation(operationId = "listCaseNotices", summary = "The notices sent to the merchant for a case")
	@ProblemResponses(CASE_NOT_FOUND)
	List<CaseView.NoticeView> notices(
			@PathVariable @Pattern(regexp = Identifiers.CASE_NUMBER, message = "is not a case number") String caseNumber) {
		return queries.notices(caseNumber);
	}

}
