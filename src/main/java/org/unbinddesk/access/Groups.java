package org.unbinddesk.access;

import java.util.Collection;
import java.util.List;

/**
 * The engine groups the product relies on; Tasklist candidate groups, filters and authorizations name them.
 */
public final class Groups {

	public static final String AGENTS = "agents";
	public static final String REVIEWERS = "reviewers";
	public static final String OPERATIONS = "operations";
	public static final String SUPERVISORS = "supervisors";
	public static final String INTAKE = "intake";
	public static final String ADMINS = "camunda-admin";
	/** The warehouse checks returned devices in; it reads no case beyond its own tasks, and no merchant's files. */
	public static final String WAREHOUSE = "warehouse";

	/** Everyone who works cases in Tasklist and reads any case; intake systems read only through {@code /api}. */
	public static final List<String> CASE_READERS = List.of(AGENTS, REVIEWERS, SUPERVISORS, OPERATIONS);

	/** Everyone who works tasks in Tasklist. */
	public static final List<String> TASKLIST_USERS = List.of(AGENTS, REVIEWERS, SUPERVISORS, OPERATIONS, WAREHOUSE);

	/** Whether someone in these groups may read any case and its files: a case reader or an admin. */
	public static boolean readCases(Collection<String> groups) {
		return groups.stream().anyMatch(g -> CASE_READERS.contains(g) || ADMINS.equals(g));
	}

	/** Every group that logs in to the service's own pages and API. */
	static final String[] EVERYONE = { INTAKE, AGENTS, REVIEWERS, SUPERVISORS, OPERATIONS, ADMINS };

	private Groups() {
	}

}
