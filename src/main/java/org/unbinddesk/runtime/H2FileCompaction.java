package org.unbinddesk.runtime;

import java.sql.Connection;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file database near the size of the data it holds while the service runs. With
 * {@code WRITE_DELAY=0} (every commit written before the call returns) H2 runs no background writer, and so no
 * compaction: each commit leaves its chunk of the file partly filled with pages later commits replace. Every
 * {@code unbinddesk.h2.compaction-interval} (1 s) this rewrites the live pages of chunks less than
 * {@code target-fill-rate} % full, at most {@code max-write} bytes at a time, as H2's own background writer would,
 * so that {@code RETENTION_TIME=0} can reuse their space. It waits its turn for the store's lock, holding commits back
 * while it rewrites (H2's own compaction tries the lock for 10 ms and gives up, and under load every commit holds the
 * lock while its chunk is written). Nothing is done on PostgreSQL, on an in-memory database, or
 * where H2 is reached over the network ({@code AUTO_SERVER} client); a version of H2 whose store cannot be reached
 * this way is logged once and left alone.
 */
@Component
class H2FileCompaction {

	private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

	private final DataSource dataSource;

	private final int targetFillRate;

	private final int maxWrite;

	private volatile boolean off;

	H2FileCompaction(DataSource dataSource, @Value("${unbinddesk.h2.target-fill-rate:80}") int targetFillRate,
			@Value("${unbinddesk.h2.max-write:16777216}") int maxWrite,
			@Value("${unbinddesk.h2.compaction:true}") boolean enabled) {
		this.dataSource = dataSource;
		this.targetFillRate = targetFillRate;
		this.maxWrite = maxWrite;
		this.off = !enabled;
	}

	@Scheduled(fixedDelayString = "${unbinddesk.h2.compaction-interval:PT1S}", initialDelayString = "PT10S")
	void compact() {
		if (off) {
			return;
		}
		try (Connection connection = dataSource.getConnection()) {
			MVStore store = fileStore(connection);
			if (store == null) {
				off = true;
				return;
			}
			if (store.getFileStore().getChunksFillRate() < targetFillRate) {
				// in its turn among the commits: MVStore.compact alone gives up after waiting 10 ms for the store's
				// lock, which under load (every commit holds it while its chunk is written) it almost never gets
				store.executeFilestoreOperation(() -> store.compact(targetFillRate, maxWrite));
			}
		}
		catch (Exception | LinkageError ex) {
			off = true;
			log.warn("H2 file compaction while running is off: {}", ex.toString());
		}
	}

	/** The MVStore of an embedded H2 file database, or null for any other database. */
	static MVStore fileStore(Connection connection) throws Exception {
		if (!"H2".equals(connection.getMetaData().getDatabaseProductName())
				|| !connection.isWrapperFor(JdbcConnection.class)) {
			return null;
		}
		if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
				|| session.getDatabase().getStore() == null) {
			return null;
		}
		MVStore store = session.getDatabase().getStore().getMvStore();
		return store.getFileStore() == null || store.getFileStore().isReadOnly() || store.isClosed() ? null : store;
	}

}
