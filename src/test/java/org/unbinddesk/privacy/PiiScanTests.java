package org.unbinddesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.ProcessTestSupport;

/**
 * After the rest of the suite: no full ID number, card number or phone number of anyone in the registry stands in
 * the engine's tables (history included), the notices, the audit trail, or the log of the test run. Only the
 * registry's own tables hold them.
 */
@Order(Integer.MAX_VALUE)
class PiiScanTests extends ProcessTestSupport {

	/** The registry's own tables, which hold the numbers by design. */
	private static final Set<String> REGISTRY = Set.of("merchant", "settlement_account", "unbinding_case",
			"flyway_schema_history");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	private List<String> sensitiveValues() {
		List<String> values = new ArrayList<>();
		values.addAll(jdbc.sql("select legal_person_id_number from merchant").query(String.class).list());
		values.addAll(jdbc.sql("select legal_person_phone from merchant").query(String.class).list());
		values.addAll(jdbc.sql("select card_number from settlement_account").query(String.class).list());
		values.addAll(jdbc.sql("select applicant_id_number from unbinding_case where applicant_id_number is not null")
			.query(String.class)
			.list());
		return values.stream().filter(v -> v.length() >= 11).distinct().toList();
	}

	@Test
	void noFullIdCardOrPhoneNumberOutsideTheRegistry() throws SQLException {
		List<String> sensitive = sensitiveValues();
		assertThat(sensitive).as("the suite left registry data to check against").hasSizeGreaterThan(20);
		assertThat(jdbc.sql("select count(*) from act_hi_procinst").query(Long.class).single())
			.as("the suite left history to scan")
			.isGreaterThan(20);

		Map<String, String> findings = new LinkedHashMap<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			try (ResultSet tables = meta.getTables(null, null, "%", new String[] { "TABLE" })) {
				while (tables.next()) {
					String schema = tables.getString("TABLE_SCHEM");
					String table = tables.getString("TABLE_NAME");
					if (schema == null || !schema.equalsIgnoreCase("public")
							|| REGISTRY.contains(table.toLowerCase())) {
						continue;
					}
					String text = tableAsText(connection, table);
					for (String value : sensitive) {
						if (text.contains(value)) {
							findings.put(table + " holds …" + value.substring(value.length() - 4), value);
						}
					}
				}
			}
		}

		assertThat(findings.keySet()).as("full numbers outside the registry").isEmpty();
	}

	@Test
	void noFullIdCardOrPhoneNumberInTheLog() throws IOException {
		Path log = Path.of("target", "test-logs", "unbind-desk-tests.log");
		assertThat(log).exists();
		String text = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(text).contains("Case ").contains("opened for merchant");

		List<String> leaked = sensitiveValues().stream().filter(text::contains).toList();

		assertThat(leaked).as("full numbers in the log of the test run").isEmpty();
	}

	private static String tableAsText(Connection connection, String table) throws SQLException {
		StringBuilder text = new StringBuilder();
		try (var statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select * from " + table)) {
			int columns = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				for (int i = 1; i <= columns; i++) {
					Object value = rows.getObject(i);
					if (value instanceof byte[] bytes) {
						text.append(new String(bytes, StandardCharsets.UTF_8));
					}
					else if (value instanceof java.sql.Blob blob) {
						text.append(new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8));
					}
					else if (value != null) {
						text.append(value);
					}
					text.append('\u0001');
				}
			}
		}
		return text.toString();
	}

}
