package org.unbinddesk.unbind;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;

/**
 * The clearing report carries the full identifiers, which the database holds only encrypted; each day's file is
 * written once, and every record in it is marked reported with the file's name and checksum.
 */
class ClearingReportTests extends ProcessTestSupport {

	@Autowired
	ClearingReportExport export;

	@Autowired
	ClearingReportRecordRepository records;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path reports;

	@Test
	void exportsTheDaysTerminalChangesWithFullIdentifiersKeptEncryptedAtRest() throws IOException {
		Merchant m = registry.merchant();
		ProcessInstance pi = start(applicationFor(m, "BUSINESS_CLOSED"));
		runAsyncSteps(pi);
		completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
		runAsyncSteps(pi);
		String card = jdbc.sql("select a.card_number from settlement_account a join merchant x on x.merchant_no = "
				+ "a.merchant_no where x.merchant_no = ?").param(m.merchantNo()).query(String.class).list().get(0);
		String atRest = jdbc.sql("select * from clearing_report_record where case_number = ?")
			.param(caseNumber(pi))
			.query()
			.listOfRows()
			.toString();
		assertThat(atRest).doesNotContain(card, m.idNumber());

		Path file = export.export(LocalDate.now(), reports);

		String csv = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(file.getFileName().toString()).isEqualTo("clearing-48581000-"
				+ LocalDate.now().toString().replace("-", "") + ".csv");
		assertThat(csv).startsWith(ClearingReportExport.HEADER).contains(m.sn(), m.merchantNo(), card, m.idNumber());
		ClearingReportRecord record = records.findByCaseNumber(caseNumber(pi)).get(0);
		assertThat(record.isReported()).isTrue();
		assertThat(record.getReportFile()).isEqualTo(file.getFileName().toString());
		assertThat(record.getReportChecksum()).isEqualTo(ClearingReportExport.sha256(Files.readAllBytes(file)));

		// the day is written once; a record already reported is never reported again
		assertThat(export.export(LocalDate.now(), reports)).isEqualTo(file);
		Path again = export.export(LocalDate.now(), reports.resolve("other"));
		assertThat(Files.readAllLines(again)).isEqualTo(List.of(ClearingReportExport.HEADER));
	}

}
