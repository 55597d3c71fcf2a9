package org.unbinddesk.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The profiles of every test context: demo data and users, test settings, and {@code pgtest} when the suite runs on
 * PostgreSQL ({@code -Dunbinddesk.test.database=postgres}, the second Surefire run).
 */
public class TestProfiles implements ActiveProfilesResolver {

	public static boolean onPostgres() {
		return "postgres".equals(System.getProperty("unbinddesk.test.database"));
	}

	@Override
	public String[] resolve(Class<?> testClass) {
		List<String> profiles = new ArrayList<>(List.of("demo", "test"));
		if (onPostgres()) {
			profiles.add("pgtest");
		}
		return profiles.toArray(String[]::new);
	}

}
