package org.unbinddesk.documents;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files follow their case's retention: they go with the registry's record of the case, when {@code RegistryRetention}
 * removes cases closed before the retention period (the engine removes their history by the same calendar-year rule),
 * never before. Open cases and cases still within their retention keep every file.
 */
@Component
public class DocumentRetention {

	private final JdbcClient jdbc;

	private final DocumentContentStore store;

	DocumentRetention(JdbcClient jdbc, DocumentContentStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/** Removes the files and code-only records of the cases closed before this moment; in the caller's transaction. */
	@Transactional
	public int removeForCasesClosedBefore(LocalDateTime before) {
		List<Long> expired = jdbc.sql("""
				select d.id from case_document d join unbinding_case c on c.case_number = d.case_number
				where c.status = 'CLOSED' and c.closed_at < ?""")
			.param(before)
			.query(Long.class)
			.list();
		if (expired.isEmpty()) {
			return 0;
		}
		store.delete(expired);
		for (Long id : expired) {
			jdbc.sql("delete from case_document where id = ?").param(id).update();
		}
		return expired.size();
	}

}
