package org.unbinddesk.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues readable case numbers, {@code UB-20261125-000123}, from a database sequence so that nodes sharing one
 * database never issue the same number.
 */
@Component
public class CaseNumbers {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String nextValueSql;

	CaseNumbers(JdbcClient jdbc, Clock clock, DataSource dataSource) throws SQLException {
		this.jdbc = jdbc;
		this.clock = clock;
		try (Connection connection = dataSource.getConnection()) {
			boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
			this.nextValueSql = postgres ? "select nextval('case_number_seq')" : "select next value for case_number_seq";
		}
	}

	public String next() {
		long n = jdbc.sql(nextValueSql).query(Long.class).single();
		return "UB-%s-%06d".formatted(LocalDate.now(clock).format(DAY), n);
	}

}
