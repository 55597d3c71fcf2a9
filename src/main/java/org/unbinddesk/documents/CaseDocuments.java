package org.unbinddesk.documents;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.documents.CaseDocument.Kind;
import org.unbinddesk.documents.DocumentRefused.Why;

/**
 * Keeps the merchant's files of a case: the type is read from the bytes (never from a name or a header), size and
 * SHA-256 are taken while the bytes stream into the store, and every read is checked against that checksum before
 * anything is shown. Callers check who may do this to which case.
 */
@Service
@EnableConfigurationProperties(DocumentSettings.class)
public class CaseDocuments {

	/** The types the desk takes, as read from a file's first bytes. */
	public static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");

	/** Enough of a file's start for its type's magic numbers. */
	private static final int SNIFF = 64 * 1024;

	private static final Detector MAGIC = MimeTypes.getDefaultMimeTypes();

	private final JdbcClient jdbc;

	private final DocumentContentStore store;

	private final DocumentSettings settings;

	private final Clock clock;

	CaseDocuments(JdbcClient jdbc, DocumentContentStore store, DocumentSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	public long maxSize() {
		return settings.maxSize().toBytes();
	}

	public record Stored(CaseDocument document, boolean created) {
	}

	/**
	 * Stores a file for a code of a case. All or nothing: a refused file (type, size) leaves no row and no byte.
	 *
	 * @param sameAsBefore when a file with the same bytes is already there for the code, answer with it and keep no
	 * second copy (a repeated PUT); otherwise every call adds a file (another page, the back of a card)
	 */
	@Transactional
	public Stored addFile(String caseNumber, String code, InputStream body, String actor, boolean sameAsBefore)
			throws IOException {
		BufferedInputStream in = new BufferedInputStream(body, SNIFF);
		String mediaType = acceptedType(in);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into case_document (case_number, code, kind, media_type, store, supplied_by, supplied_at)
				values (?, ?, 'FILE', ?, ?, ?, ?)""")
			.params(caseNumber, code, mediaType, store.name(), actor, LocalDateTime.now(clock))
			.update(key, "id");
		long id = key.getKey().longValue();
		MessageDigest sha256 = sha256();
		LimitedStream counted = new LimitedStream(new DigestInputStream(in, sha256), maxSize());
		store.write(id, counted);
		String checksum = HexFormat.of().formatHex(sha256.digest());
		requireReadable(mediaType, () -> store.open(id));
		jdbc.sql("update case_document set size_bytes = ?, sha256 = ? where id = ?")
			.params(counted.count, checksum, id)
			.update();
		if (sameAsBefore) {
			Optional<CaseDocument> before = list(caseNumber).stream()
				.filter(d -> d.id() != id && d.code().equals(code) && checksum.equals(d.sha256()))
				.findFirst();
			if (before.isPresent()) {
				store.delete(List.of(id));
				jdbc.sql("delete from case_document where id = ?").param(id).update();
				return new Stored(before.get(), false);
			}
		}
		return new Stored(find(caseNumber, id).orElseThrow(), true);
	}

	/**
	 * What {@link #addFile} would decide about a file, without storing it: its type read from the bytes, the size
	 * limit, and whether it can be shown with its watermark. The bytes pass through a temporary file that is deleted
	 * before this returns. Lets a form say at once that a file will be refused, before a case exists to store it in.
	 *
	 * @return the file's type
	 * @throws DocumentRefused as {@link #addFile} would
	 */
	public String inspect(InputStream body) throws IOException {
		BufferedInputStream in = new BufferedInputStream(body, SNIFF);
		String mediaType = acceptedType(in);
		Path file = Files.createTempFile("unbinddesk-check-", ".bin");
		try {
			try (OutputStream out = Files.newOutputStream(file)) {
				new LimitedStream(in, maxSize()).transferTo(out);
			}
			requireReadable(mediaType, () -> Files.newInputStream(file));
			return mediaType;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** Records that a channel verified the paper for a code elsewhere and sent the code alone. */
	@Transactional
	public void recordVerifiedElsewhere(String caseNumber, Iterable<String> codes, String actor) {
		for (String code : codes) {
			jdbc.sql("""
					insert into case_document (case_number, code, kind, supplied_by, supplied_at)
					values (?, ?, 'VERIFIED_ELSEWHERE', ?, ?)""")
				.params(caseNumber, code, actor, LocalDateTime.now(clock))
				.update();
		}
	}

	public List<CaseDocument> list(String caseNumber) {
		return jdbc.sql("""
				select id, case_number, code, kind, media_type, size_bytes, sha256, supplied_by, supplied_at
				from case_document where case_number = ? order by id""")
			.param(caseNumber)
			.query(CaseDocuments::row)
			.list();
	}

	public Optional<CaseDocument> find(String caseNumber, long id) {
		return jdbc.sql("""
				select id, case_number, code, kind, media_type, size_bytes, sha256, supplied_by, supplied_at
				from case_document where id = ? and case_number = ?""")
			.params(id, caseNumber)
			.query(CaseDocuments::row)
			.optional();
	}

	/**
	 * The bytes of a file, once they have been read through and found to match the checksum taken when the file was
	 * supplied. The stream checks them again as they are read (the store might change in between) and fails at its
	 * end if they differ.
	 *
	 * @throws DocumentDamaged when the stored bytes do not match
	 */
	public InputStream openVerified(CaseDocument document) {
		if (document.kind() != Kind.FILE) {
			throw new IllegalArgumentException("Document " + document.id() + " has no file");
		}
		MessageDigest digest = sha256();
		try (InputStream in = new DigestInputStream(store.open(document.id()), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String actual = HexFormat.of().formatHex(digest.digest());
		if (!actual.equals(document.sha256())) {
			throw new DocumentDamaged(document, actual);
		}
		return new VerifyingStream(document, store.open(document.id()));
	}

	private String detect(BufferedInputStream in) throws IOException {
		in.mark(SNIFF);
		byte[] start = in.readNBytes(SNIFF);
		in.reset();
		in.mark(SNIFF + 1);
		return MAGIC.detect(new ByteArrayInputStream(start), new Metadata()).getBaseType().toString();
	}

	/** The type read from a file's first bytes, when it is one the desk takes; the stream is left at its start. */
	private String acceptedType(BufferedInputStream in) throws IOException {
		String mediaType = detect(in);
		if ("application/octet-stream".equals(mediaType) && in.read() == -1) {
			throw new DocumentRefused(Why.EMPTY, "The file is empty");
		}
		in.reset();
		if (!MEDIA_TYPES.contains(mediaType)) {
			throw new DocumentRefused(Why.UNSUPPORTED_TYPE, "The file's content is " + mediaType
					+ ", whatever its name or declared type; the desk takes image/jpeg, image/png and application/pdf");
		}
		return mediaType;
	}

	/** Opens the bytes of a file being checked, as often as a check needs them. */
	private interface Bytes {

		InputStream open() throws IOException;

	}

	/** A file the desk cannot show with its watermark is refused like any other type. */
	private static void requireReadable(String mediaType, Bytes bytes) throws IOException {
		if (mediaType.startsWith("image/")) {
			requireReadableImage(mediaType, bytes);
		}
		else if (!readablePdf(bytes)) {
			// a PDF the desk cannot open (damaged, or locked with a password) could not be shown with its watermark
			throw new DocumentRefused(Why.UNSUPPORTED_TYPE,
					"The file starts like application/pdf but cannot be opened (damaged, or protected by a password)");
		}
	}

	private static boolean readablePdf(Bytes bytes) throws IOException {
		try (InputStream pdf = bytes.open()) {
			return PdfWatermark.readable(pdf);
		}
	}

	/** An image the desk cannot decode could not be shown with its watermark: refused like any other type. */
	private static void requireReadableImage(String mediaType, Bytes bytes) throws IOException {
		try (InputStream raw = bytes.open(); ImageInputStream image = ImageIO.createImageInputStream(raw)) {
			var readers = ImageIO.getImageReadersByMIMEType(mediaType);
			if (image != null && readers.hasNext()) {
				ImageReader reader = readers.next();
				try {
					reader.setInput(image, true, true);
					if (reader.getWidth(0) > 0 && reader.getHeight(0) > 0) {
						return;
					}
				}
				catch (IOException | RuntimeException ex) {
					// not decodable: refused below
				}
				finally {
					reader.dispose();
				}
			}
		}
		throw new DocumentRefused(Why.UNSUPPORTED_TYPE,
				"The file starts like " + mediaType + " but is not a readable image");
	}

	private static CaseDocument row(ResultSet rs, int n) throws SQLException {
		long size = rs.getLong("size_bytes");
		return new CaseDocument(rs.getLong("id"), rs.getString("case_number"), rs.getString("code"),
				Kind.valueOf(rs.getString("kind")), rs.getString("media_type"), rs.wasNull() ? null : size,
				rs.getString("sha256"), rs.getString("supplied_by"),
				rs.getTimestamp("supplied_at").toLocalDateTime());
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Counts the bytes read and refuses any beyond the limit. */
	private static final class LimitedStream extends FilterInputStream {

		private final long limit;

		private long count;

		LimitedStream(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				add(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int off, int len) throws IOException {
			int n = super.read(buffer, off, len);
			if (n > 0) {
				add(n);
			}
			return n;
		}

		private void add(int n) {
			count += n;
			if (count > limit) {
				throw new DocumentRefused(Why.TOO_LARGE, "Files are limited to " + limit + " bytes");
			}
		}

	}

	/** Checks the bytes once more as they are served; a difference at the end fails the read. */
	private static final class VerifyingStream extends DigestInputStream {

		private final CaseDocument document;

		private boolean checked;

		VerifyingStream(CaseDocument document, InputStream in) {
			super(in, sha256());
			this.document = document;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b < 0) {
				check();
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int off, int len) throws IOException {
			int n = super.read(buffer, off, len);
			if (n < 0) {
				check();
			}
			return n;
		}

		private void check() {
			if (!checked) {
				checked = true;
				String actual = HexFormat.of().formatHex(getMessageDigest().digest());
				if (!actual.equals(document.sha256())) {
					throw new DocumentDamaged(document, actual);
				}
			}
		}

	}

}
