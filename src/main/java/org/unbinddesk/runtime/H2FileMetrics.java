package org.unbinddesk.runtime;

import java.sql.Connection;
import java.util.function.ToDoubleFunction;

import javax.sql.DataSource;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How full the embedded H2 file is, for operations to see it growing before the disk does: its size, the share of it
 * taken by chunks, and the share of the chunks' bytes still live (what {@link H2FileCompaction} keeps up). A file many
 * times its live data with a low chunk fill means compaction is not keeping up with the writes. Nothing is registered
 * on PostgreSQL or an in-memory database.
 */
@Component
class H2FileMetrics implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(H2FileMetrics.class);

	private final DataSource dataSource;

	H2FileMetrics(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		MVStore store;
		try (Connection connection = dataSource.getConnection()) {
			store = H2FileCompaction.fileStore(connection);
		}
		catch (Exception | LinkageError ex) {
			log.warn("H2 file metrics are off: {}", ex.toString());
			return;
		}
		if (store == null) {
			return;
		}
		gauge(registry, store, "unbinddesk.h2.file.size", "bytes", "Size of the H2 database file",
				s -> s.getFileStore().size());
		gauge(registry, store, "unbinddesk.h2.file.fill", null, "Share of the H2 file taken by chunks (0 to 1)",
				s -> s.getFillRate() / 100.0);
		gauge(registry, store, "unbinddesk.h2.chunks.fill", null,
				"Share of the bytes of the H2 file's chunks still live (0 to 1); compaction keeps it up",
				s -> s.getFileStore().getChunksFillRate() / 100.0);
	}

	private static void gauge(MeterRegistry registry, MVStore store, String name, String unit, String description,
			ToDoubleFunction<MVStore> value) {
		Gauge.builder(name, store, s -> s.isClosed() ? Double.NaN : value.applyAsDouble(s))
			.description(description)
			.baseUnit(unit)
			.register(registry);
	}

}
