package org.unbinddesk.documents;

/**
 * A stored file no longer matches the checksum taken when it was supplied: it is not shown.
 */
public class DocumentDamaged extends RuntimeException {

	private final CaseDocument document;

	DocumentDamaged(CaseDocument document, String actual) {
		super("Document " + document.id() + " (" + document.code() + ") of case " + document.caseNumber()
				+ " does not match its checksum: stored " + document.sha256() + ", read " + actual);
		this.document = document;
	}

	public CaseDocument document() {
		return document;
	}

}
