package org.unbinddesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.WebTestSupport;

/**
 * A case number carries the acquirer's day, not the server's: at 01:00 in Shanghai it is already tomorrow there.
 */
class CaseNumbersTests extends WebTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void dateTheCaseNumberInTheBusinessTimeZone() throws SQLException {
		Instant lateEveningInLondon = Instant.parse("2026-11-26T17:00:00Z");
		CaseNumbers shanghai = new CaseNumbers(jdbc, Clock.fixed(lateEveningInLondon, ZoneId.of("Asia/Shanghai")),
				dataSource);
		CaseNumbers utc = new CaseNumbers(jdbc, Clock.fixed(lateEveningInLondon, ZoneId.of("UTC")), dataSource);

		assertThat(shanghai.next()).startsWith("UB-20261127-");
		assertThat(utc.next()).startsWith("UB-20261126-");
	}

}
