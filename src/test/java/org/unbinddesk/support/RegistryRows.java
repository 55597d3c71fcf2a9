package org.unbinddesk.support;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What tests read back from the registry to see what a user's action left behind. */
@Component
public class RegistryRows {

	private final JdbcClient jdbc;

	public RegistryRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many files (not paper-only marks) the case's documents hold. */
	public long filesOf(String caseNumber) {
		return jdbc.sql("select count(*) from case_document where case_number = ? and kind = 'FILE'")
			.param(caseNumber)
			.query(Long.class)
			.single();
	}

	/** Who did the given action on the case, oldest first, one entry per audit row. */
	public List<String> auditActors(String caseNumber, String action) {
		return jdbc.sql("select actor from audit_entry where case_number = ? and action = ? order by id")
			.params(caseNumber, action)
			.query(String.class)
			.list();
	}

}
