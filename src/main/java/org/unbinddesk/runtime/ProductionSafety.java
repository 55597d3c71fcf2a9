package org.unbinddesk.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo profile the service refuses to start with a demo or default password: the demo users' password,
 * an admin user whose password is missing (the starter would then use the user id), weak or equal to the user id, or
 * an empty database password on a server database; and with the demo outbox in place of the merchants' channels. It checks before anything starts, so the message names the
 * setting rather than showing as a failed database connection.
 */
public class ProductionSafety implements EnvironmentPostProcessor, Ordered {

	/** The demo profile's key for the clearing report's encrypted identifiers; never for real data. */
	static final String DEMO_CLEARING_KEY = "ZGVtby1vbmx5LWNsZWFyaW5nLXJlcG9ydC1rZXktMzI=";

	static final Set<String> WEAK = Set.of("", "admin", "demo", "password", "changeme", "camunda", "secret", "sa",
			"postgres", "123456");

	/** Runs once the configuration (files, environment, secrets) is read, before any bean or database connection. */
	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("demo"))) {
			check(environment);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	static void check(Environment environment) {
		List<String> problems = new ArrayList<>();
		if (environment.containsProperty("unbinddesk.demo.password")) {
			problems.add("unbinddesk.demo.password is set: demo users belong to the demo profile only");
		}
		String adminId = environment.getProperty("camunda.bpm.admin-user.id");
		if (adminId != null) {
			String password = environment.getProperty("camunda.bpm.admin-user.password");
			if (password == null || password.equals(adminId) || WEAK.contains(password.toLowerCase())) {
				problems.add("the admin user's password (camunda.bpm.admin-user.password) is missing or a default one");
			}
		}
		if ("outbox".equals(environment.getProperty("unbinddesk.notices.delivery"))) {
			problems.add("unbinddesk.notices.delivery is outbox: the demo outbox shows one-time codes to API clients and "
					+ "sends nothing to merchants");
		}
		String url = environment.getProperty("spring.datasource.url", "");
		String dbPassword = environment.getProperty("spring.datasource.password", "");
		if (!url.startsWith("jdbc:h2:") && WEAK.contains(dbPassword.toLowerCase())) {
			problems.add("the database password (UNBINDDESK_DB_PASSWORD) is empty or a default one");
		}
		String clearingKey = environment.getProperty("unbinddesk.clearing.key", "");
		if (clearingKey.isBlank() || clearingKey.equals(DEMO_CLEARING_KEY)) {
			problems.add("the clearing-report key (UNBINDDESK_CLEARING_KEY: 32 random bytes, Base64) is missing or the "
					+ "demo one");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start outside the demo profile: " + String.join("; ", problems)
					+ ". Set secrets through the environment or files under UNBINDDESK_SECRETS (see README).");
		}
	}

}
