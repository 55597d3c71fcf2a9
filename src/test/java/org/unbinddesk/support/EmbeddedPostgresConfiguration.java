package org.unbinddesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Under the {@code pgtest} profile every test context gets real PostgreSQL: one embedded server per JVM (binaries from
 * Maven), one database per test database name, so contexts that use separate H2 databases stay separate here too.
 * The server stops after Spring has closed every application context at exit: stopped by a shutdown hook of its own,
 * it went away while the contexts were closing, and each engine's last metrics report waited 30 seconds for a
 * connection, long enough for Surefire to kill the JVM.
 */
@Configuration(proxyBeanMethods = false)
@Profile("pgtest")
public class EmbeddedPostgresConfiguration {

	private static EmbeddedPostgres server;

	public static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
				EmbeddedPostgres started = server;
				SpringApplication.getShutdownHandlers().add(() -> {
					try {
						started.close();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot start embedded PostgreSQL", ex);
			}
		}
		return server;
	}

	/** A database of that name on the embedded server, created if it does not exist yet. */
	public static synchronized String database(String name) {
		try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			var exists = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
			if (!exists.next()) {
				s.execute("create database " + name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name;
	}

	@Bean
	@Primary
	DataSource dataSource(@Value("${spring.datasource.url}") String h2Url) {
		// jdbc:h2:mem:unbinddesk-test;... → unbinddesk_test
		String name = h2Url.replaceFirst("^jdbc:h2:mem:", "").replaceFirst(";.*$", "").replace('-', '_');
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database(name));
		dataSource.setUsername("postgres");
		dataSource.setPassword("postgres");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

}
