package org.unbinddesk.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * H2's automatic statistics against the service's own, under writes: does a commit that was saved get reported as
 * failed ({@code MVStoreException: Chunk N not found}, docs/operations.md "H2's statistics")? H2 alone, in this JVM:
 * four writers commit row by row on one table (merges and deletes over 20,000 ids) while the service's compaction
 * ({@link H2FileCompaction}) runs every 20 ms, as under load, with a small page cache so that reads go to the file.
 * "H2's own": {@code ANALYZE_AUTO=100}, H2 analysing the table inside every 100th commit. "The service's":
 * {@code ANALYZE_AUTO=0} and an {@code ANALYZE TABLE} statement every 20 ms, as {@link H2Statistics} runs it. Both read
 * 5,000 rows per analysis. Interleaved rounds of {@code bench.h2-seconds} (60) each, {@code bench.h2-rounds} (3)
 * pairs; the report goes to {@code target/bench/h2-statistics.md}. Counts, not times; nothing is asserted.
 */
class H2StatisticsBench {

	static final int SECONDS = Integer.getInteger("bench.h2-seconds", 60);

	static final int ROUNDS = Integer.getInteger("bench.h2-rounds", 3);

	static final String SETTINGS = ";WRITE_DELAY=0;RETENTION_TIME=0;COMPRESS=TRUE;CACHE_SIZE=512;ANALYZE_SAMPLE=50000";

	@TempDir
	Path dir;

	@Test
	void commitsReportedFailed() throws Exception {
		List<String> out = new ArrayList<>(List.of("# H2's statistics under writes", "",
				"%d s a round, 4 writers, the service's compaction every 20 ms, `%s`.".formatted(SECONDS, SETTINGS), "",
				"| round | statistics | commits | commits reported failed | of them \"Chunk … not found\" | analyses by statement |",
				"|---|---|---:|---:|---:|---:|"));
		for (int round = 1; round <= ROUNDS; round++) {
			out.add(run(round, "H2's own (`ANALYZE_AUTO=100`)", ";ANALYZE_AUTO=100", false));
			out.add(run(round, "the service's (`ANALYZE_AUTO=0`, a statement)", ";ANALYZE_AUTO=0", true));
		}
		Path report = Path.of("target/bench/h2-statistics.md");
		Files.createDirectories(report.getParent());
		Files.write(report, out);
		out.forEach(System.out::println);
	}

	private String run(int round, String label, String analyze, boolean byStatement) throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("r" + round + analyze.replaceAll("\\W", "")) + SETTINGS + analyze;
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong commits = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicLong chunkNotFound = new AtomicLong();
		long analyses = 0;
		try (Connection keep = DriverManager.getConnection(url, "sa", "")) {
			keep.createStatement().execute("create table item (id bigint primary key, k varchar(40), v varchar(400))");
			keep.createStatement().execute("create index item_k on item (k)");
			DataSource dataSource = new DriverManagerDataSource(url, "sa", "");
			H2FileCompaction compaction = new H2FileCompaction(dataSource, 80, 4 << 20, true);
			List<Thread> threads = new ArrayList<>();
			threads.add(new Thread(() -> {
				while (!stop.get()) {
					compaction.compact();
					pause(20);
				}
			}));
			for (int w = 0; w < 4; w++) {
				Random random = new Random(w);
				threads.add(new Thread(() -> write(url, random, stop, commits, failed, chunkNotFound)));
			}
			threads.forEach(Thread::start);
			long end = System.nanoTime() + SECONDS * 1_000_000_000L;
			while (System.nanoTime() < end) {
				if (byStatement) {
					try {
						keep.createStatement().execute("analyze table item sample_size 5000");
						analyses++;
					}
					catch (SQLException ex) {
						count(ex, failed, chunkNotFound);
					}
				}
				pause(20);
			}
			stop.set(true);
			for (Thread thread : threads) {
				thread.join();
			}
		}
		return "| %d | %s | %d | %d | %d | %s |".formatted(round, label, commits.get(), failed.get(), chunkNotFound.get(),
				byStatement ? Long.toString(analyses) : "–");
	}

	private static void write(String url, Random random, AtomicBoolean stop, AtomicLong commits, AtomicLong failed,
			AtomicLong chunkNotFound) {
		try (Connection c = DriverManager.getConnection(url, "sa", "");
				PreparedStatement merge = c.prepareStatement("merge into item values (?, ?, ?)");
				PreparedStatement delete = c.prepareStatement("delete from item where id = ?")) {
			for (long i = 0; !stop.get(); i++) {
				try {
					if (random.nextInt(4) == 0) {
						delete.setLong(1, random.nextInt(20_000));
						delete.executeUpdate();
					}
					else {
						merge.setLong(1, random.nextInt(20_000));
						merge.setString(2, "k" + random.nextInt(500));
						merge.setString(3, "x".repeat(200) + i);
						merge.executeUpdate();
					}
					commits.incrementAndGet();
				}
				catch (SQLException ex) {
					count(ex, failed, chunkNotFound);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void count(SQLException ex, AtomicLong failed, AtomicLong chunkNotFound) {
		failed.incrementAndGet();
		if (String.valueOf(ex.getMessage()).contains("not found")) {
			chunkNotFound.incrementAndGet();
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
