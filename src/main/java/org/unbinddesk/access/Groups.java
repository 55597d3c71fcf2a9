package org.unbinddesk.access;

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

	private Groups() {
	}

}
