package org.unbinddesk.process;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine's tables, created and upgraded by Camunda's own SQL scripts run by Flyway, with a history table of
 * their own ({@value #HISTORY_TABLE}) so their versions (Camunda's, 7.24.0) never meet the registry's (V1, V2, …).
 * A database whose engine tables the engine made itself (schema-update) is baselined at the version it records;
 * the engine then starts only if its schema is of the engine's own version.
 */
final class EngineSchema {

	static final String HISTORY_TABLE = "engine_schema_history";

	private static final Logger log = LoggerFactory.getLogger(EngineSchema.class);

	private final DataSource dataSource;

	private final String location;

	EngineSchema(DataSource dataSource, String location) {
		this.dataSource = dataSource;
		this.location = location;
	}

	/** Brings the engine's tables to the latest script in the location, then checks they fit this engine. */
	void migrate() {
		Flyway flyway = configure().load();
		if (flyway.info().applied().length == 0) {
			recordedVersion().ifPresent(existing -> baseline(flyway, existing));
		}
		flyway.migrate();
		check(recordedVersion().orElseThrow(() -> new IllegalStateException(
				"The engine schema scripts in " + location + " left no version in ACT_GE_SCHEMA_LOG")));
	}

	/** Engine tables made before Flyway ran them: recorded as done up to their version, never created again. */
	private void baseline(Flyway flyway, String existing) {
		MigrationVersion first = flyway.info().pending().length == 0 ? null : flyway.info().pending()[0].getVersion();
		if (first != null && MigrationVersion.fromVersion(existing).compareTo(first) < 0) {
			throw new IllegalStateException("The engine schema is at " + existing + ", older than the first script in "
					+ location + " (" + first + "): upgrade it with Camunda's upgrade scripts first");
		}
		log.info("Engine tables at {} found without {}: baselined at {}", existing, HISTORY_TABLE, existing);
		configure().baselineVersion(existing)
			.baselineDescription("engine tables made by the engine (schema-update)")
			.load()
			.baseline();
	}

	private FluentConfiguration configure() {
		return Flyway.configure(EngineSchema.class.getClassLoader())
			.dataSource(dataSource)
			.locations(location)
			.table(HISTORY_TABLE)
			// the registry's tables may be there already: the engine's scripts still run, from the start
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.baselineDescription("registry tables only, no engine tables yet")
			.failOnMissingLocations(true)
			.validateMigrationNaming(true);
	}

	/** A start-up check: the engine runs only on a schema of its own minor version (Camunda changes it per minor). */
	private void check(String schema) {
		String engine = ProcessEngine.class.getPackage().getImplementationVersion();
		if (engine != null && !minor(engine).equals(minor(schema))) {
			throw new IllegalStateException("The engine schema is at " + schema + " but the engine is " + engine
					+ ": add Camunda's upgrade script for it to " + location + " as the next version");
		}
	}

	private static String minor(String version) {
		String[] parts = version.split("[.-]");
		return parts.length < 2 ? version : parts[0] + "." + parts[1];
	}

	/** The version the engine's own schema log records last, if the engine's tables exist. */
	Optional<String> recordedVersion() {
		if (!tableExists("act_ge_schema_log")) {
			return Optional.empty();
		}
		return JdbcClient.create(dataSource)
			.sql("select version_ from ACT_GE_SCHEMA_LOG order by cast(id_ as integer) desc")
			.query(String.class)
			.list()
			.stream()
			.findFirst();
	}

	private boolean tableExists(String name) {
		try (Connection connection = dataSource.getConnection();
				ResultSet tables = connection.getMetaData()
					.getTables(connection.getCatalog(), connection.getSchema(), null, new String[] { "TABLE" })) {
			while (tables.next()) {
				if (name.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
					return true;
				}
			}
			return false;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the database's tables", ex);
		}
	}

}
