package org.unbinddesk.documents;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files follow their case's retention: they are removed once the engine's history cleanup has removed the case's
 * process instance (historyTimeToLive of TerminalUnbinding, counted from the end of the case), never before. Open
 * cases and closed cases whose history is still there keep every file. Runs after the cleanup window (01:00–05:00).
 */
@Component
public class DocumentRetention {

	private static final Logger log = LoggerFactory.getLogger(DocumentRetention.class);

	private final JdbcClient jdbc;

	private final DocumentContentStore store;

	DocumentRetention(JdbcClient jdbc, DocumentContentStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	@Scheduled(cron = "${unbinddesk.documents.retention-cron:0 30 5 * * *}")
	@Transactional
	public int removeExpired() {
		List<Long> expired = jdbc.sql("""
				select d.id from case_document d join unbinding_case c on c.case_number = d.case_number
				where c.status = 'CLOSED' and c.process_instance_id is not null
				  and not exists (select 1 from act_hi_procinst h where h.proc_inst_id_ = c.process_instance_id)""")
			.query(Long.class)
			.list();
		if (expired.isEmpty()) {
			return 0;
		}
		store.delete(expired);
		for (Long id : expired) {
			jdbc.sql("delete from case_document where id = ?").param(id).update();
		}
		log.info("Removed {} documents of closed cases whose history the engine has cleaned up", expired.size());
		return expired.size();
	}

}
