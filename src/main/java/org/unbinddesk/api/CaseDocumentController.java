package org.unbinddesk.api;

import static org.unbinddesk.cases.Identifiers.CASE_NUMBER;
import static org.unbinddesk.cases.Identifiers.DOCUMENT_CODE;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.unbinddesk.problem.ProblemTypes;
import org.unbinddesk.problem.ProblemResponses;

/**
 * The merchant's files of a case: uploaded by intake systems and agents as the request body, read (watermarked) by
 * those who work cases.
 */
@RestController
@RequestMapping("/api/unbinding-cases/{caseNumber}/documents")
@Tag(name = "Unbinding cases")
@SecurityRequirement(name = "basic")
class CaseDocumentController {

	private final CaseFiles files;

	private final ObjectMapper json;

	CaseDocumentController(CaseFiles files, ObjectMapper json) {
		this.files = files;
		this.json = json;
	}

	@PutMapping("/{code}")
	@Operation(operationId = "putDocumentFile",
			summary = "Upload a file for a document code (JPEG, PNG or PDF, read from its bytes)",
			description = "The file is the body. 201 with id, type, size and SHA-256; repeating the same bytes for the code answers 200 with the file kept before. The last missing document supplies the documents (DocumentsSupplied).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
					@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")) }))
	@ProblemResponses({ ProblemTypes.CASE_NOT_FOUND, ProblemTypes.CASE_CLOSED, ProblemTypes.PAYLOAD_TOO_LARGE,
			ProblemTypes.UNSUPPORTED_MEDIA_TYPE })
	ResponseEntity<CaseFiles.Uploaded> put(
			@PathVariable @Pattern(regexp = CASE_NUMBER, message = "is not a case number") String caseNumber,
			@PathVariable @Pattern(regexp = DOCUMENT_CODE, message = "must be a document code such as ID_CARD") String code,
			HttpServletRequest request, HttpServletResponse response, Authentication client) throws IOException {
		return upload(caseNumber, code, request, response, client, true);
	}

	@PostMapping("/{code}")
	@Operation(operationId = "addDocumentFile",
			summary = "Add another file for a document code (another page, the back of a card)",
			description = "As PUT, but always adds a file.")
	@ProblemResponses({ ProblemTypes.CASE_NOT_FOUND, ProblemTypes.CASE_CLOSED, ProblemTypes.PAYLOAD_TOO_LARGE,
			ProblemTypes.UNSUPPORTED_MEDIA_TYPE })
	ResponseEntity<CaseFiles.Uploaded> post(
			@PathVariable @Pattern(regexp = CASE_NUMBER, message = "is not a case number") String caseNumber,
			@PathVariable @Pattern(regexp = DOCUMENT_CODE, message = "must be a document code such as ID_CARD") String code,
			HttpServletRequest request, HttpServletResponse response, Authentication client) throws IOException {
		return upload(caseNumber, code, request, response, client, false);
	}

	@GetMapping("/{id}/content")
	@Operation(operationId = "readDocumentFile", summary = "Read a file: images and PDFs watermarked for review and without metadata",
			description = "Agents, reviewers, supervisors, operations and admins; each read is an audit row.")
	@ProblemResponses({ ProblemTypes.CASE_NOT_FOUND, ProblemTypes.NOT_FOUND, ProblemTypes.DOCUMENT_DAMAGED })
	void content(@PathVariable @Pattern(regexp = CASE_NUMBER, message = "is not a case number") String caseNumber,
			@PathVariable long id, Authentication user, HttpServletResponse response) throws IOException {
		List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		files.requireReader(caseNumber, id, user.getName(), groups);
		CaseFiles.Readable file = files.open(caseNumber, id, user.getName());
		String mediaType = file.document().mediaType();
		response.setContentType(mediaType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + caseNumber + "-"
				+ file.document().code() + "-" + id + extension(mediaType) + "\"");
		files.show(caseNumber, file, user.getName(), response.getOutputStream());
	}

	private ResponseEntity<CaseFiles.Uploaded> upload(String caseNumber, String code, HttpServletRequest request,
			HttpServletResponse response, Authentication client, boolean sameAsBefore) throws IOException {
		CaseFiles.Uploaded uploaded;
		try {
			uploaded = files.upload(caseNumber, code, request.getContentLengthLong(), request.getInputStream(),
					client.getName(), sameAsBefore);
		}
		catch (ApiException refused) {
			// the rest of the file may be unread, and the server closes such a connection after the answer: send the
			// whole answer first (closing the stream completes it), so the client reads the problem, not a reset
			response.setStatus(refused.type().status().value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(response.getOutputStream(), refused.toProblem());
			return null;
		}
		if (!uploaded.created()) {
			return ResponseEntity.ok(uploaded);
		}
		return ResponseEntity.created(URI.create(uploaded.document().content())).body(uploaded);
	}

	private static String extension(String mediaType) {
		return switch (mediaType) {
			case "image/jpeg" -> ".jpg";
			case "image/png" -> ".png";
			default -> ".pdf";
		};
	}

}
