package org.unbinddesk.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Clock;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 10,000 load-test merchants on a database the registry and demo migrations made: added in one go, each with its
 * account, terminal and binding, and not again on the next start. Prints the time taken (not asserted).
 */
class DemoLoadMerchantsBatchTests {

	@Test
	void addsTenThousandOnceInBatches() throws Exception {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:load-merchants-batch;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/demo").load().migrate();
		DemoLoadMerchants load = new DemoLoadMerchants(10_000, Clock.systemDefaultZone());
		try (Connection connection = dataSource.getConnection()) {
			long t0 = System.nanoTime();
			assertThat(load.addMissing(connection)).isEqualTo(10_000);
			System.out.printf("10,000 load-test merchants added in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
			assertThat(load.addMissing(connection)).isZero();
		}
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("select count(*) from binding where merchant_no like '898199%'").query(Long.class).single())
			.isEqualTo(10_000);
		assertThat(jdbc.sql("select terminal_id from terminal where sn = 'SN-LOAD-0010000'").query(String.class).single())
			.isEqualTo("L0010000");
		assertThat(new DemoLoadMerchants(10_002, Clock.systemDefaultZone()).addMissing(dataSource.getConnection()))
			.as("a larger N adds the rest").isEqualTo(2);
	}

}
