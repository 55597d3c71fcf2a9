package org.unbinddesk.api;


import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseStatus;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.documents.CaseDocument;
import org.unbinddesk.documents.CaseDocuments;
import org.unbinddesk.documents.DocumentDamaged;
import org.unbinddesk.documents.DocumentRefused;
import org.unbinddesk.documents.DocumentService;
import org.unbinddesk.documents.DocumentSettings;
import org.unbinddesk.documents.PdfWatermark;
import org.unbinddesk.documents.Watermark;
import org.unbinddesk.problem.ProblemTypes;
import org.unbinddesk.access.Groups;
import org.unbinddesk.audit.AuditAction;

/**
 * The merchant's files through the case API: uploads by intake systems and agents, reads by those who work cases.
 * Every read is an audit row; images and PDFs are shown watermarked and without their metadata. Tasklist's own
 * endpoints ({@code org.unbinddesk.tasklist}) come here too, so a file is stored and shown by one rule.
 */
@Service
public class CaseFiles {

	private static final Logger log = LoggerFactory.getLogger(CaseFiles.class);

	private final CaseDocuments documents;

	private final CaseQueries queries;

	private final CaseMessages messages;

	private final AuditLog audit;

	private final DocumentSettings settings;

	CaseFiles(CaseDocuments documents, CaseQueries queries, CaseMessages messages, AuditLog audit,
			DocumentSettings settings) {
		this.documents = documents;
		this.queries = queries;
		this.messages = messages;
		this.audit = audit;
		this.settings = settings;
	}

	public record Uploaded(CaseView.FileView document, String code, boolean created, boolean documentsSupplied) {

		/** The stored file's id (the one kept before, for a repeated PUT). */
		public long id() {
			return document.id();
		}

	}

	public Uploaded upload(String caseNumber, String code, long declaredLength, InputStream body, String client,
			boolean sameAsBefore) throws IOException {
		if (!DocumentService.CODES.contains(code)) {
			throw new ApiException(ProblemTypes.VALIDATION,
					"code: unknown document code " + code + "; known codes are " + new TreeSet<>(DocumentService.CODES),
					Map.of("errors", List.of(Map.of("field", "code", "message", "is not a known document code"))));
		}
		UnbindingCase c = queries.find(caseNumber);
		if (c.getStatus() != CaseStatus.OPEN) {
			throw new ApiException(ProblemTypes.CASE_CLOSED, "Case " + caseNumber + " is closed (" + c.getOutcome()
					+ "): its documents can no longer change");
		}
		if (declaredLength > documents.maxSize()) {
			throw tooLarge();
		}
		CaseDocuments.Stored stored;
		try {
			stored = documents.addFile(caseNumber, code, body, client, sameAsBefore);
		}
		catch (DocumentRefused refused) {
			throw switch (refused.why()) {
				case TOO_LARGE -> tooLarge();
				case UNSUPPORTED_TYPE -> new ApiException(ProblemTypes.UNSUPPORTED_MEDIA_TYPE, refused.getMessage());
				case EMPTY -> new ApiException(ProblemTypes.VALIDATION, "body: the file is empty",
						Map.of("errors", List.of(Map.of("field", "body", "message", "is empty"))));
			};
		}
		CaseDocument d = stored.document();
		if (stored.created()) {
			audit.record(c, AuditAction.DOCUMENT_UPLOADED, "document " + d.id() + " " + code + " " + d.mediaType() + " "
					+ d.size() + " bytes, sha256 " + shortSum(d), client);
		}
		boolean supplied = messages.fileArrived(caseNumber);
		return new Uploaded(fileView(d), code, stored.created(), supplied);
	}

	/**
	 * Refuses a reader outside {@link Groups#CASE_READERS} and admins, and records the attempt when the case exists.
	 * Intake systems pass files in but read none back: a leaked intake password must not open every ID card.
	 */
	public void requireReader(String caseNumber, long id, String user, Collection<String> groups) {
		if (!Groups.readCases(groups)) {
			queries.findOptional(caseNumber)
				.ifPresent(c -> audit.record(c, AuditAction.DOCUMENT_VIEW_REFUSED, "document " + id, user));
			throw new ApiException(ProblemTypes.FORBIDDEN,
					"Only agents, reviewers, supervisors, operations and admins may read a case's files");
		}
	}

	/** A file found, checked against its checksum, ready to be shown; the view is recorded first. */
	public record Readable(CaseDocument document, InputStream content) {
	}

	/**
	 * The file, verified, with its view recorded. An id that is not a file of this case (another case's, or a guess)
	 * is refused as not found and recorded as a refused view: nothing of the other case is read or sent.
	 */
	public Readable open(String caseNumber, long id, String user) {
		UnbindingCase c = queries.find(caseNumber);
		CaseDocument d = documents.find(caseNumber, id)
			.filter(doc -> doc.kind() == CaseDocument.Kind.FILE)
			.orElseThrow(() -> {
				audit.record(c, AuditAction.DOCUMENT_VIEW_REFUSED, "document " + id + ": not a file of this case", user);
				return new ApiException(ProblemTypes.NOT_FOUND, "Case " + caseNumber + " has no file " + id);
			});
		InputStream content;
		try {
			content = documents.openVerified(d);
		}
		catch (DocumentDamaged damaged) {
			damaged(c, damaged, user);
			throw new ApiException(ProblemTypes.DOCUMENT_DAMAGED, "File " + id + " of case " + caseNumber
					+ " does not match the checksum taken when it was supplied; it is not shown. The failure is recorded"
					+ " for operations (audit DOCUMENT_DAMAGED); ask the merchant for the document again.");
		}
		audit.record(c, AuditAction.DOCUMENT_VIEWED, "document " + id + " " + d.code() + " " + d.mediaType() + ", sha256 "
				+ shortSum(d), user);
		return new Readable(d, content);
	}

	/** Writes what is shown: images and PDFs watermarked, without their metadata (and PDFs without scripts). */
	public void show(String caseNumber, Readable file, String user, OutputStream out) throws IOException {
		try (InputStream in = file.content()) {
			if (file.document().isImage()) {
				Watermark.render(in, file.document().mediaType(), caseNumber, settings.maxPixels(), out);
			}
			else {
				PdfWatermark.render(in, caseNumber, out);
			}
		}
		catch (DocumentDamaged damaged) {
			damaged(queries.find(caseNumber), damaged, user);
			throw damaged;
		}
	}

	private void damaged(UnbindingCase c, DocumentDamaged damaged, String user) {
		log.error("Document integrity failure: {}", damaged.getMessage());
		audit.record(c, AuditAction.DOCUMENT_DAMAGED, "document " + damaged.document().id() + " " + damaged.document().code()
				+ " does not match its checksum; read by " + user + " refused", user);
	}

	private ApiException tooLarge() {
		return new ApiException(ProblemTypes.PAYLOAD_TOO_LARGE,
				"Files are limited to " + documents.maxSize() + " bytes; nothing was stored");
	}

	static CaseView.FileView fileView(CaseDocument d) {
		return new CaseView.FileView(d.id(), d.mediaType(), d.size(), d.sha256(), d.suppliedBy(), d.suppliedAt(),
				"/api/unbinding-cases/" + d.caseNumber() + "/documents/" + d.id() + "/content");
	}

	private static String shortSum(CaseDocument d) {
		return d.sha256() == null ? "-" : d.sha256().substring(0, 16);
	}

}
