package org.unbinddesk.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps documents in the database, in chunks of {@value #CHUNK} bytes ({@code case_document_chunk}). Chunks rather than
 * one BLOB: PostgreSQL's driver reads a whole {@code bytea} value into memory, and its large objects exist neither in
 * H2 nor in the cascade of a row delete. Chunks are written and read one at a time on both databases, so memory holds
 * one chunk per request whatever the file's size.
 */
@Component
@ConditionalOnProperty(name = "unbinddesk.documents.store", havingValue = "database", matchIfMissing = true)
class DatabaseContentStore implements DocumentContentStore {

	static final int CHUNK = 256 * 1024;

	private final JdbcClient jdbc;

	DatabaseContentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "database";
	}

	@Override
	public void write(long documentId, InputStream content) throws IOException {
		int seq = 0;
		byte[] chunk;
		while ((chunk = content.readNBytes(CHUNK)).length > 0) {
			jdbc.sql("insert into case_document_chunk (document_id, seq, data) values (?, ?, ?)")
				.params(documentId, seq++, chunk)
				.update();
		}
	}

	@Override
	public InputStream open(long documentId) {
		return new ChunkStream(documentId);
	}

	@Override
	public void delete(Collection<Long> documentIds) {
		for (Long id : documentIds) {
			jdbc.sql("delete from case_document_chunk where document_id = ?").param(id).update();
		}
	}

	/** Reads a document one chunk (one query) at a time. */
	private final class ChunkStream extends InputStream {

		private final long documentId;

		private int nextSeq;

		private byte[] chunk = new byte[0];

		private int pos;

		private boolean end;

		ChunkStream(long documentId) {
			this.documentId = documentId;
		}

		@Override
		public int read() throws IOException {
			if (!fill()) {
				return -1;
			}
			return chunk[pos++] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int n = Math.min(len, chunk.length - pos);
			System.arraycopy(chunk, pos, buffer, off, n);
			pos += n;
			return n;
		}

		private boolean fill() {
			while (!end && pos >= chunk.length) {
				List<byte[]> next = jdbc.sql("select data from case_document_chunk where document_id = ? and seq = ?")
					.params(documentId, nextSeq++)
					.query((rs, row) -> rs.getBytes(1))
					.list();
				if (next.isEmpty()) {
					end = true;
				}
				else {
					chunk = next.get(0);
					pos = 0;
				}
			}
			return !end || pos < chunk.length;
		}

	}

}
