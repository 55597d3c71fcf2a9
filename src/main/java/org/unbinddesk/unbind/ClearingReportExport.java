package org.unbinddesk.unbind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily clearing-report file (PBOC 银发〔2021〕259号): every terminal change recorded on a day and not yet reported,
 * with the full identifiers the report needs, as one CSV file per day; each record is then marked reported with the
 * file's name and SHA-256. The format is in docs/clearing-report.md. Sending the file over the clearing organisation's
 * secure channel, and its acknowledgement, are outside this service.
 */
@Service
public class ClearingReportExport {

	private static final Logger log = LoggerFactory.getLogger(ClearingReportExport.class);

	static final String HEADER = "record_id,change_type,terminal_sn,acquirer_code,merchant_no,merchant_identity,"
			+ "settlement_account,registered_address,recorded_at";

	private final ClearingReportRecordRepository records;

	private final ReportCipher cipher;

	private final String acquirerCode;

	private final Clock clock;

	private final Path directory;

	ClearingReportExport(ClearingReportRecordRepository records, ReportCipher cipher,
			@Value("${unbinddesk.process.acquirer-code}") String acquirerCode, Clock clock,
			@Value("${unbinddesk.clearing.export-dir:./data/clearing-reports}") Path directory) {
		this.records = records;
		this.cipher = cipher;
		this.acquirerCode = acquirerCode;
		this.clock = clock;
		this.directory = directory;
	}

	/** Yesterday's file, shortly after midnight in the business time zone. */
	@Scheduled(cron = "${unbinddesk.clearing.export-cron:0 30 0 * * *}", zone = "${unbinddesk.business-zone:Asia/Shanghai}")
	public void exportYesterday() {
		export(LocalDate.now(clock).minusDays(1), directory);
	}

	/**
	 * Writes the day's file (once: a day already exported is left as it is) and marks its records reported.
	 * @return the file
	 */
	@Transactional
	public Path export(LocalDate day, Path into) {
		Path file = into.resolve("clearing-" + acquirerCode + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE)
				+ ".csv");
		if (Files.exists(file)) {
			return file;
		}
		List<ClearingReportRecord> due = records.findByReportedFalseAndRecordedAtBetweenOrderById(day.atStartOfDay(),
				day.plusDays(1).atStartOfDay());
		StringBuilder csv = new StringBuilder(HEADER).append('\n');
		for (ClearingReportRecord r : due) {
			csv.append(String.join(",", String.valueOf(r.getId()), r.getChangeType(), field(r.getTerminalSn()),
					field(r.getAcquirerCode()), field(r.getMerchantNo()),
					field(cipher.decrypt(r.getMerchantIdentityEncrypted())),
					field(cipher.decrypt(r.getSettlementAccountEncrypted())), field(r.getRegisteredAddress()),
					r.getRecordedAt().toString()))
				.append('\n');
		}
		byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
		String checksum = sha256(bytes);
		try {
			Files.createDirectories(into);
			Path partial = into.resolve(file.getFileName() + ".part");
			Files.write(partial, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
			restrict(partial);
			Files.move(partial, file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the clearing report " + file, ex);
		}
		LocalDateTime now = LocalDateTime.now(clock);
		due.forEach(r -> r.markReported(file.getFileName().toString(), checksum, now));
		log.info("Clearing report {}: {} records, SHA-256 {}", file.getFileName(), due.size(), checksum);
		return file;
	}

	/** CSV field: quoted when it holds a comma, a quote or a line break. */
	private static String field(String value) {
		if (value == null) {
			return "";
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}

	private static void restrict(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			// not a POSIX file system: the directory's own permissions apply
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
