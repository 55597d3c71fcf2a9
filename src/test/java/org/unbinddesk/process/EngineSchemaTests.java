package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.unbinddesk.UnbindDeskApplication;
import org.unbinddesk.support.EmbeddedPostgresConfiguration;

/**
 * Production's engine tables come from Camunda's scripts run by Flyway (the postgres profile), on real PostgreSQL:
 * a new database, one whose engine tables the engine made itself, and schemas that do not fit the engine.
 */
class EngineSchemaTests {

	static final String SCRIPTS = "classpath:db/engine/postgres";

	static DataSource database(String name) {
		EmbeddedPostgresConfiguration.database(name);
		return EmbeddedPostgresConfiguration.server().getDatabase("postgres", name);
	}

	static List<String> history(JdbcClient jdbc) {
		return jdbc.sql("select type || ' ' || version from " + EngineSchema.HISTORY_TABLE
				+ " where version <> '0' order by installed_rank").query(String.class).list();
	}

	static List<String> schemaLog(JdbcClient jdbc) {
		return jdbc.sql("select version_ from ACT_GE_SCHEMA_LOG order by cast(id_ as integer)").query(String.class).list();
	}

	@Test
	void aNewDatabaseGetsTheEngineTablesFromCamundasScriptsAndTheServiceRuns() {
		String url = EmbeddedPostgresConfiguration.database("engine_schema_new");
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(UnbindDeskApplication.class)
			.profiles("demo", "postgres")
			.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=postgres", "--camunda.bpm.generate-unique-process-engine-name=true",
					"--camunda.bpm.job-execution.enabled=false", "--logging.file.name=target/test-logs/engine-schema.log")) {
			JdbcClient jdbc = JdbcClient.create(service.getBean(DataSource.class));
			ProcessEngine engine = service.getBean(ProcessEngine.class);

			assertThat(history(jdbc)).containsExactly("SQL 7.24.0", "SQL 7.24.0.1", "SQL 7.24.0.2", "SQL 7.24.0.3");
			assertThat(schemaLog(jdbc)).containsExactly("7.24.0");
			assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseSchemaUpdate())
				.isEqualTo("false");
			assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
				.processDefinitionKey("TerminalUnbinding")
				.count()).isEqualTo(1);
			// the registry keeps its own migrations and numbers
			assertThat(jdbc.sql("select max(installed_rank) from flyway_schema_history where version = '11'")
				.query(Integer.class).optional()).isPresent();
		}
	}

	@Test
	void engineTablesTheEngineMadeItselfAreBaselinedNotMadeAgain() {
		DataSource dataSource = database("engine_schema_existing");
		createAsTheEngineDoes(dataSource);

		new EngineSchema(dataSource, SCRIPTS).migrate();

		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(history(jdbc)).containsExactly("BASELINE 7.24.0", "SQL 7.24.0.1", "SQL 7.24.0.2", "SQL 7.24.0.3");
		assertThat(schemaLog(jdbc)).containsExactly("7.24.0");
		// the engine's own indexes of its tenant column, made with the tables, are gone; those it reads by are kept
		assertThat(jdbc.sql("select indexname from pg_indexes where tablename = 'act_hi_actinst'")
			.query(String.class)
			.list()).contains("act_idx_hi_act_inst_procinst").doesNotContain("act_idx_hi_act_inst_tenant_id");
		new EngineSchema(dataSource, SCRIPTS).migrate();
		assertThat(history(jdbc)).containsExactly("BASELINE 7.24.0", "SQL 7.24.0.1", "SQL 7.24.0.2", "SQL 7.24.0.3");
	}

	@Test
	void refusesEngineTablesOlderThanTheScripts() {
		DataSource dataSource = database("engine_schema_older");
		createAsTheEngineDoes(dataSource);
		JdbcClient.create(dataSource).sql("update ACT_GE_SCHEMA_LOG set version_ = '7.23.0'").update();

		assertThatThrownBy(() -> new EngineSchema(dataSource, SCRIPTS).migrate())
			.hasMessageContaining("The engine schema is at 7.23.0, older than the first script")
			.hasMessageContaining("7.24.0");
	}

	@Test
	void refusesToStartTheEngineOnASchemaOfAnotherVersion() {
		DataSource dataSource = database("engine_schema_newer");
		new EngineSchema(dataSource, SCRIPTS).migrate();
		JdbcClient.create(dataSource)
			.sql("insert into ACT_GE_SCHEMA_LOG values ('1400', current_timestamp, '7.25.0')")
			.update();

		assertThatThrownBy(() -> new EngineSchema(dataSource, SCRIPTS).migrate())
			.hasMessageContaining("The engine schema is at 7.25.0 but the engine is 7.24.0");
	}

	/** What camunda.bpm.database.schema-update=true did on production databases: the jar's create scripts. */
	static void createAsTheEngineDoes(DataSource dataSource) {
		ResourceDatabasePopulator scripts = new ResourceDatabasePopulator();
		for (String part : List.of("engine", "history", "identity", "case.engine", "case.history", "decision.engine",
				"decision.history")) {
			scripts.addScript(new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + part
					+ ".sql"));
		}
		scripts.execute(dataSource);
	}

}
