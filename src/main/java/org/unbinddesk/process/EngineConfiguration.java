package org.unbinddesk.process;

import java.time.Clock;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.unbinddesk.privacy.PiiSafeHistoryLevel;
import org.unbinddesk.privacy.FreeTextHistoryScrubber;

/**
 * Engine settings that have no Spring Boot property: the PII-safe history level (and what the job log keeps), free
 * text masked in history, history kept for whole calendar years ({@code unbinddesk.retention.years},
 * {@link CalendarYearRemovalTime}), and how often the engine writes its
 * metrics to the database ({@code unbinddesk.metrics.engine-reporting-interval}); and, where
 * {@code unbinddesk.engine-schema.migrations} names Camunda's scripts (the postgres profile), the engine's tables
 * brought up to date by Flyway before the engine starts ({@link EngineSchema}); and the decision tables' FEEL
 * expressions parsed once ({@link CachingFeelEngineFactory}).
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	@Bean
	AbstractProcessEnginePlugin piiSafeHistoryPlugin(
			@Value("${unbinddesk.history.variable-trail:false}") boolean variableTrail,
			@Value("${unbinddesk.history.job-log:failures}") JobLog jobLog, CalendarYearRemovalTime removalTimes) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
						: new ArrayList<>(configuration.getCustomHistoryLevels());
				levels.add(new PiiSafeHistoryLevel(ProcessVariables.SENSITIVE, variableTrail, jobLog == JobLog.ALL));
				configuration.setCustomHistoryLevels(levels);
				// free text is masked before the default handler writes the row
				configuration.setHistoryEventHandler(new CompositeHistoryEventHandler(
						List.of(new FreeTextHistoryScrubber(ProcessVariables.FREE_TEXT, FreeText.MAX_LENGTH), new DbHistoryEventHandler())));
				configuration.setHistoryRemovalTimeProvider(removalTimes);
			}
		};
	}

	/** The retention rule of the engine's history, the one {@link HistoryRemovalTimes} extends by. */
	@Bean
	CalendarYearRemovalTime calendarYearRemovalTime(@Value("${unbinddesk.retention.years:10}") int retentionYears,
			Clock clock) {
		return new CalendarYearRemovalTime(retentionYears, clock.getZone());
	}

	/**
	 * The engine keeps its metrics in memory and writes them to its metrics table every 15 minutes by default;
	 * {@code EngineMetrics} reads that table, so Prometheus would see jobs and instances a quarter of an hour late.
	 */
	@Bean
	AbstractProcessEnginePlugin metricsReportingPlugin(
			@Value("${unbinddesk.metrics.engine-reporting-interval:PT60S}") Duration interval) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void postInit(ProcessEngineConfigurationImpl configuration) {
				if (configuration.getDbMetricsReporter() != null) {
					configuration.getDbMetricsReporter().setReportingIntervalInSeconds(Math.max(1, interval.toSeconds()));
				}
			}
		};
	}

	/**
	 * The decision tables' FEEL expressions parsed once each rather than on every evaluation
	 * ({@link CachingFeelEngineFactory}); the same engine and results otherwise. Not with the legacy (JUEL) FEEL
	 * engine, which Camunda picks itself when {@code dmnFeelEnableLegacyBehavior} is set.
	 */
	@Bean
	AbstractProcessEnginePlugin feelExpressionCachePlugin(@Value("${unbinddesk.dmn.feel-cache-size:1000}") int size) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				if (configuration.isDmnFeelEnableLegacyBehavior()) {
					return;
				}
				DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
						? configuration.getDmnEngineConfiguration()
						: (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
				if (dmn.getFeelEngineFactory() == null) {
					dmn.setFeelEngineFactory(new CachingFeelEngineFactory(size, dmn::getFeelCustomFunctionProviders));
				}
				configuration.setDmnEngineConfiguration(dmn);
			}
		};
	}

	/**
	 * Runs before the engine checks its tables, whatever order Spring builds the beans in. The engine must not
	 * change its own tables as well: that is refused here rather than left to race with the scripts.
	 */
	@Bean
	@ConditionalOnProperty("unbinddesk.engine-schema.migrations")
	AbstractProcessEnginePlugin engineSchemaPlugin(DataSource dataSource,
			@Value("${unbinddesk.engine-schema.migrations}") String location,
			@Value("${camunda.bpm.database.schema-update:true}") String schemaUpdate) {
		if (!"false".equals(schemaUpdate)) {
			throw new IllegalStateException("unbinddesk.engine-schema.migrations runs the engine's scripts: "
					+ "set camunda.bpm.database.schema-update=false (it is " + schemaUpdate + ")");
		}
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				new EngineSchema(dataSource, location).migrate();
			}
		};
	}

	/**
	 * Where the engine makes its own tables (schema-update, the embedded default), the indexes Unbind Desk adds to them
	 * and the engine's indexes it drops (of the tenant and CMMN-case columns, empty in every row here) come from the
	 * same scripts Flyway runs on PostgreSQL, once the engine has made its tables; each statement can run again
	 * ({@code if not exists}, {@code if exists}), so a database that has them so already is left as it is.
	 */
	@Bean
	@ConditionalOnExpression("'${unbinddesk.engine-schema.migrations:}' == ''")
	AbstractProcessEnginePlugin engineIndexesPlugin(DataSource dataSource) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void postProcessEngineBuild(ProcessEngine engine) {
				new ResourceDatabasePopulator(ENGINE_INDEXES.stream().map(ClassPathResource::new)
						.toArray(ClassPathResource[]::new)).execute(dataSource);
			}
		};
	}

	/**
	 * Jobs made without a due date (by an earlier release) are given one as the engine starts, before its job executor
	 * looks for due jobs ({@link JobDueDates}), on every database.
	 */
	@Bean
	AbstractProcessEnginePlugin jobDueDatesPlugin() {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void postProcessEngineBuild(ProcessEngine engine) {
				JobDueDates.fill(engine.getManagementService());
			}
		};
	}

	/**
	 * The engine's ids ({@code camunda.bpm.id-generator: simple}, application.yml). On an H2 file or in-memory
	 * database (embedded in this process, or a file it shares with other processes through {@code AUTO_SERVER}: one H2
	 * engine still serves it, and a block is taken under a row lock), short numbers handed out in blocks of
	 * {@code unbinddesk.engine.id-block-size} ({@link EngineIdBlocks}): every engine row and index entry holds several
	 * ids, and 36-character random UUIDs made the H2 file 1.7 times as large and its live data 1.2 times
	 * (docs/benchmark.md, "Engine ids on H2"). On an H2 server ({@code tcp:}, {@code ssl:}) or another database, where
	 * several nodes share the database, random UUIDs as Camunda recommends there. A generator set explicitly
	 * ({@code strong}, {@code prefixed}) is kept everywhere.
	 */
	@Bean
	AbstractProcessEnginePlugin engineIdsPlugin(DataSource dataSource, DataSourceProperties connection,
			@Value("${unbinddesk.engine.id-block-size:10000}") int blockSize) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				if (configuration.getIdGenerator() != null) {
					return;
				}
				String url = connection.getUrl();
				if (onH2FileOrMemory(dataSource, url)) {
					configuration.setIdGenerator(new EngineIdBlocks(new DriverManagerDataSource(url,
							connection.determineUsername(), connection.determinePassword()), blockSize));
				}
				else {
					configuration.setIdGenerator(new StrongUuidGenerator());
				}
			}
		};
	}

	/**
	 * Whether the pool's database is an H2 file or in-memory database, by the URL configured for it (H2 reports its
	 * URL without the settings), and that URL names the pool's very database.
	 */
	static boolean onH2FileOrMemory(DataSource dataSource, String configuredUrl) {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData database = connection.getMetaData();
			return h2FileOrMemory(database.getDatabaseProductName(), configuredUrl)
					&& sameDatabase(database.getURL(), configuredUrl);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database the engine runs on", ex);
		}
	}

	/** H2 opened as a file or in memory (AUTO_SERVER included), not an H2 server several nodes connect to. */
	static boolean h2FileOrMemory(String product, String url) {
		String u = url == null ? "" : url.toUpperCase(Locale.ROOT);
		return "H2".equals(product) && !u.startsWith("JDBC:H2:TCP:") && !u.startsWith("JDBC:H2:SSL:");
	}

	/** The database H2 reports (its URL without settings) is the one the configured URL opens. */
	static boolean sameDatabase(String reportedUrl, String configuredUrl) {
		return reportedUrl != null && configuredUrl != null
				&& reportedUrl.equalsIgnoreCase(configuredUrl.split(";", 2)[0].trim());
	}

	/** What the engine's job log keeps ({@code unbinddesk.history.job-log}). */
	enum JobLog {

		/** a job's failures only */
		FAILURES,
		/** also each job made, succeeded or removed */
		ALL

	}

	static final List<String> ENGINE_INDEXES = List.of(
			"db/engine/postgres/V7_24_0_1__event_subscriptions_by_process_instance.sql",
			"db/engine/postgres/V7_24_0_2__no_tenant_or_cmmn_indexes.sql",
			"db/engine/postgres/V7_24_0_3__due_jobs_by_due_date.sql");

}
