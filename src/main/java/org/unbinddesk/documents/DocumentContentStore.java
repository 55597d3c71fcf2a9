package org.unbinddesk.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;

/**
 * Where the bytes of documents are kept, by document id. The database is the default ({@link DatabaseContentStore});
 * an S3-compatible object store can take its place in production (docs/documents.md says how). Type, size and
 * checksum stay in {@code case_document} whichever store holds the bytes, so a read is always checked against them.
 */
public interface DocumentContentStore {

	/** The name recorded with each document ({@code case_document.store}). */
	String name();

	/** Writes a document's bytes as they come, without holding them all; called inside the caller's transaction. */
	void write(long documentId, InputStream content) throws IOException;

	/** The bytes of a document, read as the caller reads them. */
	InputStream open(long documentId);

	/** Removes the bytes of these documents (the rows go with them in the database store). */
	void delete(Collection<Long> documentIds);

}
