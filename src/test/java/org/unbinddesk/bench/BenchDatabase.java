package org.unbinddesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.unbinddesk.crash.ServiceProcess;
import org.unbinddesk.support.EmbeddedPostgresConfiguration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Where a service under test keeps its data, how to start the packaged service on it, and how the load generator
 * reaches it for fixtures and checks (through a small pool, so that its checks cost the service no new connections).
 */
record BenchDatabase(String description, String url, String user, String password, Map<String, String> environment,
		String profiles, Path file) {

	/**
	 * All the benchmark changes in the service's configuration: the daily request limits per terminal and merchant
	 * (the load opens many cases a day), and the log level.
	 */
	static final String[] SERVICE_ARGUMENTS = { "--unbinddesk.limits.cases-per-terminal-per-day=1000000",
			"--unbinddesk.limits.cases-per-merchant-per-day=1000000", "--logging.level.org.unbinddesk=WARN",
			"--unbinddesk.unbind.wait-for-settlement=false" };

	/** Engine history tables, counted per case. */
	static final List<String> HISTORY_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
			"act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_job_log", "act_hi_decinst",
			"act_hi_dec_in", "act_hi_dec_out", "act_hi_op_log", "act_hi_incident");

	/**
	 * The service's default, an H2 file under the working directory, opened with AUTO_SERVER so that the load
	 * generator can read the registry while the service runs.
	 */
	static BenchDatabase h2(Path workingDirectory) {
		String url = "jdbc:h2:file:" + workingDirectory.resolve("data/unbind-desk") + ";AUTO_SERVER=TRUE";
		return new BenchDatabase("H2 file database", url, "sa", "", Map.of("UNBINDDESK_DB_URL", url + ServiceProcess.h2Settings()),
				"--spring.profiles.active=demo", workingDirectory.resolve("data/unbind-desk.mv.db"));
	}

	/** A fresh database on an embedded PostgreSQL server, with the service's {@code postgres} profile. */
	static BenchDatabase postgres(String name) {
		String url = EmbeddedPostgresConfiguration.database(name);
		String version = JdbcClient.create(new DriverManagerDataSource(url, "postgres", "postgres"))
			.sql("select current_setting('server_version')")
			.query(String.class)
			.single();
		return new BenchDatabase("PostgreSQL " + version + " (embedded, same machine)", url, "postgres", "postgres",
				Map.of("UNBINDDESK_DB_URL", url, "UNBINDDESK_DB_USER", "postgres", "UNBINDDESK_DB_PASSWORD", "postgres",
						"UNBINDDESK_SECURE_COOKIES", "false"),
				"--spring.profiles.active=demo,postgres", null);
	}

	/** The database of the benchmark's choice ({@code -Dbench.database=h2|postgres}) for a service in that folder. */
	static BenchDatabase of(String kind, String name, Path workingDirectory) {
		return kind.equals("postgres") ? postgres(name) : h2(workingDirectory);
	}

	boolean isPostgres() {
		return file == null;
	}

	HikariDataSource dataSource() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(user);
		pool.setPassword(password);
		pool.setMaximumPoolSize(4);
		pool.setMinimumIdle(0);
		return pool;
	}

	ServiceProcess start(String name, Path workingDirectory, List<String> jvmOptions, String... extraArguments)
			throws Exception {
		List<String> arguments = new ArrayList<>(List.of(SERVICE_ARGUMENTS));
		arguments.add(profiles);
		arguments.addAll(List.of(extraArguments));
		// the environment production runs with (MALLOC_ARENA_MAX), then the database's
		Map<String, String> all = new java.util.HashMap<>(ServiceProcess.PRODUCTION_ENVIRONMENT);
		all.putAll(environment);
		return ServiceProcess.start(name, workingDirectory, all, jvmOptions, arguments.toArray(String[]::new));
	}

	/** Bytes on disk: the H2 file (never shrinks while the service runs), or PostgreSQL's database size. */
	double fileMebibytes(JdbcClient jdbc) throws Exception {
		long bytes = isPostgres() ? jdbc.sql("select pg_database_size(current_database())").query(Long.class).single()
				: Files.size(file);
		return bytes / 1024.0 / 1024.0;
	}

	/**
	 * The H2 file's size once fully compacted ({@code SHUTDOWN COMPACT}, no time limit): the data it holds in H2's own
	 * format, its pages compressed (H2 writes the compacted copy so, whatever the file's own setting), a steadier
	 * measure than {@code DISK_SPACE_USED}. Only once the service has stopped; compacts the file.
	 */
	double compactedMebibytes() throws Exception {
		String local = url.replace(";AUTO_SERVER=TRUE", "");
		try (Connection connection = DriverManager.getConnection(local, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN COMPACT");
		}
		return Files.size(file) / 1024.0 / 1024.0;
	}

	/** Bytes the tables and their indexes hold. */
	double liveMebibytes(JdbcClient jdbc) {
		String sql = isPostgres() ? """
				select sum(pg_total_relation_size(quote_ident(table_name))) from information_schema.tables
				where table_schema = 'public' and table_type = 'BASE TABLE'"""
				: """
						select sum(disk_space_used('"' || table_schema || '"."' || table_name || '"'))
						from information_schema.tables where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'""";
		return jdbc.sql(sql).query(Long.class).single() / 1024.0 / 1024.0;
	}

	long historyRows(JdbcClient jdbc) {
		long rows = 0;
		for (String table : HISTORY_TABLES) {
			rows += jdbc.sql("select count(*) from " + table).query(Long.class).single();
		}
		return rows;
	}

}
