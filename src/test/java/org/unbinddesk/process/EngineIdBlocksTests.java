package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The engine's numbered ids on an H2 file: a block is taken on a connection of its own, so a service whose pool is
 * exhausted by commands waiting for ids still gets them; ids are never handed out twice, across threads, restarts or
 * two services sharing the file.
 */
class EngineIdBlocksTests {

	private final String url = "jdbc:h2:mem:engine-ids-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	/** Connections opened one by one, as the service opens them for a block. */
	private final DriverManagerDataSource unpooled = new DriverManagerDataSource(url, "sa", "");

	private SingleConnectionDataSource database;

	private JdbcClient jdbc;

	@BeforeEach
	void engineTables() {
		database = new SingleConnectionDataSource(url, "sa", "", true);
		jdbc = JdbcClient.create(database);
		jdbc.sql("create table ACT_GE_PROPERTY (NAME_ varchar(64) primary key, VALUE_ varchar(300), REV_ integer)")
			.update();
		jdbc.sql("insert into ACT_GE_PROPERTY values ('next.dbid', '1', 1)").update();
	}

	@AfterEach
	void drop() {
		jdbc.sql("shutdown").update();
		database.destroy();
	}

	private long counter() {
		return Long.parseLong(
				jdbc.sql("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'next.dbid'").query(String.class).single());
	}

	@Test
	void idsComeWhileEveryPooledConnectionIsHeld() throws Exception {
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(url);
			pool.setUsername("sa");
			pool.setMaximumPoolSize(1);
			pool.setConnectionTimeout(250);
			try (Connection held = pool.getConnection()) {
				EngineIdBlocks ids = new EngineIdBlocks(unpooled, 10);
				List<String> taken = new ArrayList<>();
				for (int i = 0; i < 25; i++) {
					taken.add(ids.getNextId());
				}

				assertThat(taken).first().isEqualTo("1");
				assertThat(taken).last().isEqualTo("25");
				assertThat(taken).doesNotHaveDuplicates();
				// what Camunda's own generator does, a block from the pool, waits for the held connection and fails
				assertThatThrownBy(() -> new EngineIdBlocks(pool, 10).getNextId())
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("block of engine ids");
			}
		}
		assertThat(counter()).as("three blocks of ten taken").isEqualTo(31);
	}

	@Test
	void threadsNeverShareAnIdAndARestartSkipsTheRestOfItsBlock() throws Exception {
		EngineIdBlocks ids = new EngineIdBlocks(unpooled, 7);
		Set<String> seen = ConcurrentHashMap.newKeySet();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				work.add(threads.submit(() -> {
					for (int i = 0; i < 500; i++) {
						assertThat(seen.add(ids.getNextId())).as("an id handed out twice").isTrue();
					}
				}));
			}
			for (Future<?> w : work) {
				w.get();
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(seen).hasSize(4000);
		long counter = counter();
		assertThat(seen.stream().mapToLong(Long::parseLong).max().getAsLong()).isLessThan(counter);

		String afterRestart = new EngineIdBlocks(unpooled, 7).getNextId();

		assertThat(Long.parseLong(afterRestart)).isEqualTo(counter);
		assertThat(seen).doesNotContain(afterRestart);
	}

	@Test
	void aSecondEngineOnTheFileWaitsForTheOthersBlockAndTakesTheNext() throws Exception {
		// as another service sharing the H2 file through AUTO_SERVER, half-way through taking its block of ten
		try (Connection other = unpooled.getConnection()) {
			other.setAutoCommit(false);
			long read;
			try (PreparedStatement lock = other
				.prepareStatement("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'next.dbid' for update");
					ResultSet row = lock.executeQuery()) {
				row.next();
				read = Long.parseLong(row.getString(1));
			}
			ExecutorService thread = Executors.newSingleThreadExecutor();
			try {
				Future<String> ours = thread.submit(() -> new EngineIdBlocks(unpooled, 10).getNextId());
				// this engine has reached the counter and waits for the other's lock on it
				await().atMost(Duration.ofSeconds(10))
					.until(() -> jdbc.sql("select count(*) from INFORMATION_SCHEMA.SESSIONS where BLOCKER_ID is not null")
						.query(Long.class)
						.single() == 1);
				try (PreparedStatement move = other
					.prepareStatement("update ACT_GE_PROPERTY set VALUE_ = ? where NAME_ = 'next.dbid'")) {
					move.setString(1, Long.toString(read + 10));
					move.executeUpdate();
				}
				other.commit();

				assertThat(ours.get(10, TimeUnit.SECONDS)).as("the first id after the other's block 1–10").isEqualTo("11");
			}
			finally {
				thread.shutdownNow();
			}
		}
		assertThat(counter()).isEqualTo(21);
	}

	@Test
	void aBlockHoldsAtLeastOneId() {
		assertThatThrownBy(() -> new EngineIdBlocks(unpooled, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThat(counter()).isEqualTo(1);
	}

}
