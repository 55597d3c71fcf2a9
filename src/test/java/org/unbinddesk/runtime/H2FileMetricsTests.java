package org.unbinddesk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Operations see the H2 file's size and fill beside the service's other metrics; only for an H2 file. */
class H2FileMetricsTests {

	@TempDir
	Path dir;

	@Test
	void tellTheFileSizeAndHowFullItIs() throws Exception {
		try (SingleConnectionDataSource db = H2FileCompactionTests.fileDatabase(dir, "metrics")) {
			JdbcClient jdbc = JdbcClient.create(db);
			jdbc.sql("create table item (id bigint primary key, v varchar(400))").update();
			for (int i = 0; i < 500; i++) {
				jdbc.sql("insert into item values (?, ?)").params(i, "x".repeat(300)).update();
				jdbc.sql("update item set v = ? where id = ?").params("y".repeat(300), i / 2).update();
			}
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			new H2FileMetrics(db).bindTo(registry);

			double size = registry.get("unbinddesk.h2.file.size").gauge().value();
			assertThat(size).isEqualTo(Files.size(dir.resolve("metrics.mv.db")));
			assertThat(registry.get("unbinddesk.h2.file.size").gauge().getId().getBaseUnit()).isEqualTo("bytes");
			assertThat(registry.get("unbinddesk.h2.file.fill").gauge().value()).isBetween(0.01, 1.0);
			// a thousand small commits leave most of the chunks' bytes replaced by later ones
			double chunksFill = registry.get("unbinddesk.h2.chunks.fill").gauge().value();
			assertThat(chunksFill).isBetween(0.0, 0.9);

			new H2FileCompaction(db, 80, 4 << 20, true).compact();
			// the rewritten pages are stored with the next commit, the chunks they left are freed at the ones after
			for (int i = 1; i <= 3; i++) {
				jdbc.sql("insert into item values (?, 'after')").param(-i).update();
			}
			assertThat(registry.get("unbinddesk.h2.chunks.fill").gauge().value()).isGreaterThan(chunksFill);
		}
	}

	@Test
	void areScrapedByPrometheusUnderTheNamesOperationsUse() throws Exception {
		try (SingleConnectionDataSource db = H2FileCompactionTests.fileDatabase(dir, "scraped")) {
			JdbcClient.create(db).sql("create table item (id bigint primary key)").update();
			PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
			new H2FileMetrics(db).bindTo(registry);

			assertThat(registry.scrape()).containsPattern("(?m)^unbinddesk_h2_file_size_bytes [0-9.E]+$")
				.containsPattern("(?m)^unbinddesk_h2_file_fill [0-9.E]+$")
				.containsPattern("(?m)^unbinddesk_h2_chunks_fill [0-9.E]+$");
		}
	}

	@Test
	void registerNothingForAnotherDatabase() {
		try (SingleConnectionDataSource memory = new SingleConnectionDataSource("jdbc:h2:mem:metrics", "sa", "", true)) {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			new H2FileMetrics(memory).bindTo(registry);
			assertThat(registry.find("unbinddesk.h2.file.size").gauge()).isNull();
		}
	}

}
