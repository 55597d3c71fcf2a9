package org.unbinddesk.runtime;

import java.lang.reflect.Method;
import java.sql.Connection;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
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
 * {@code unbinddesk.h2.compaction-interval} (1 s), while the file's chunks are less than {@code target-fill-rate} %
 * live, this rewrites the live pages of the chunks that are emptier than the chunks on average, at most
 * {@code max-write} bytes at a time, as H2's own background writer does under load, so that {@code RETENTION_TIME=0}
 * can reuse their space. It waits its turn for the store's lock, holding commits back while it rewrites (H2's own
 * compaction tries the lock for 10 ms and gives up, and under load every commit holds the lock while its chunk is
 * written).
 * <p>
 * Only the emptier chunks: H2's public {@code MVStore.compact} picks any chunk not entirely live, the older the sooner,
 * so under load it kept rewriting the old, nearly full chunks of data nobody changes (the merchants, the closed cases),
 * a second's worth of rewriting each second, each rewrite freeing next to nothing: about a fifth of the service's CPU
 * under load. Its chunk-by-chunk rewrite with a fill limit ({@code FileStore.rewriteChunks}, what H2's background
 * writer calls) is not public, so it is called by reflection; where a version of H2 lacks it, the public compaction
 * is used. Nothing is done on PostgreSQL, on an in-memory database, or where H2 is reached over the network
 * ({@code AUTO_SERVER} client); a version of H2 whose store cannot be reached this way is logged once and left alone.
 * <p>
 * At most 4 MiB of the file a second by default: H2 picks the emptiest, oldest chunks first, and a larger budget
 * reaches chunks whose pages later commits would have freed anyway. With 16 MiB the rewrite read, deserialised and
 * cached 40 % of all the bytes the service allocated under load, and those pages, kept in H2's cache past a young
 * collection, filled the old generation: a whole case cost 1.4 times the CPU (the compaction's and the collector's) for
 * a file no smaller (docs/benchmark.md, "The compaction's budget").
 */
@Component
class H2FileCompaction {

	private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

	/** {@code FileStore.rewriteChunks(int writeLimit, int chunkFillRate)}, or null where this H2 has none. */
	private static final Method REWRITE_CHUNKS = rewriteChunks();

	private final DataSource dataSource;

	private final int targetFillRate;

	private final int maxWrite;

	private volatile boolean off;

	H2FileCompaction(DataSource dataSource, @Value("${unbinddesk.h2.target-fill-rate:80}") int targetFillRate,
			@Value("${unbinddesk.h2.max-write:4194304}") int maxWrite,
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
			FileStore<?> file = store.getFileStore();
			int fillRate = file.getChunksFillRate();
			if (fillRate < targetFillRate) {
				// in its turn among the commits: MVStore.compact alone gives up after waiting 10 ms for the store's
				// lock, which under load (every commit holds it while its chunk is written) it almost never gets
				store.executeFilestoreOperation(() -> rewrite(store, file, fillRate));
			}
		}
		catch (Exception | LinkageError ex) {
			off = true;
			log.warn("H2 file compaction while running is off: {}", ex.toString());
		}
	}

	/** Rewrites the chunks less than {@code fillRate} % live, as many as {@code maxWrite} bytes of live pages. */
	private void rewrite(MVStore store, FileStore<?> file, int fillRate) {
		if (REWRITE_CHUNKS == null) {
			store.compact(targetFillRate, maxWrite);
			return;
		}
		try {
			if ((Boolean) REWRITE_CHUNKS.invoke(file, maxWrite, fillRate)) {
				file.dropUnusedChunks();
			}
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Method rewriteChunks() {
		try {
			Method method = FileStore.class.getDeclaredMethod("rewriteChunks", int.class, int.class);
			method.setAccessible(true);
			return method.getReturnType() == boolean.class ? method : null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			log.info("H2 has no chunk-by-chunk rewrite ({}): the file is compacted as MVStore.compact does", ex.toString());
			return null;
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
