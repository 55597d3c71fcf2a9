package org.unbinddesk.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unbinddesk.documents.DocumentRetention;

/**
 * Removes the registry's record of cases closed more than the retention period ago, in whole calendar years counted
 * from the end of the year they closed (the engine removes their history by the same rule): the case with the
 * applicant's identity, its audit rows, its notices and the merchant's files. Clearing-report records and deposit refunds are the
 * acquirer's financial records and stay. Runs nightly in the business time zone.
 */
@Service
public class RegistryRetention {

	private static final Logger log = LoggerFactory.getLogger(RegistryRetention.class);

	private final JdbcClient jdbc;

	private final DocumentRetention documents;

	private final Clock clock;

	private final int years;

	RegistryRetention(JdbcClient jdbc, DocumentRetention documents, Clock clock,
			@Value("${unbinddesk.retention.years:10}") int years) {
		this.jdbc = jdbc;
		this.documents = documents;
		this.clock = clock;
		this.years = years;
	}

	/** Cases closed before this moment are past their retention. */
	public LocalDateTime keptSince() {
		return LocalDate.now(clock).withDayOfYear(1).minusYears(years).atStartOfDay();
	}

	@Scheduled(cron = "${unbinddesk.retention.cron:0 30 1 * * *}", zone = "${unbinddesk.business-zone:Asia/Shanghai}")
	@Transactional
	public int removeExpired() {
		LocalDateTime before = keptSince();
		documents.removeForCasesClosedBefore(before);
		String expired = "select case_number from unbinding_case where status = 'CLOSED' and closed_at < :before";
		jdbc.sql("delete from audit_entry where case_number in (" + expired + ")").param("before", before).update();
		jdbc.sql("delete from notice where case_number in (" + expired + ")").param("before", before).update();
		jdbc.sql("delete from device_return where case_number in (" + expired + ")").param("before", before).update();
		int removed = jdbc.sql("delete from unbinding_case where status = 'CLOSED' and closed_at < :before")
			.param("before", before)
			.update();
		if (removed > 0) {
			log.info("Removed the registry records of {} cases closed before {}", removed, before.toLocalDate());
		}
		return removed;
	}

}
