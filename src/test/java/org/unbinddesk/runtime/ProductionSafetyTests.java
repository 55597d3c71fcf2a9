package org.unbinddesk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.unbinddesk.UnbindDeskApplication;

/**
 * Outside the demo profile the service starts only with real secrets, and without demo users.
 */
class ProductionSafetyTests {

	/** Command-line arguments, as an operator gives them: they win over every configuration file. */
	private static Starter app(String database, String... properties) {
		java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
				"--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "--server.port=0",
				"--camunda.bpm.generate-unique-process-engine-name=true"));
		for (String property : properties) {
			args.add("--" + property);
		}
		return () -> new SpringApplicationBuilder(UnbindDeskApplication.class).profiles("test")
			.run(args.toArray(String[]::new));
	}

	interface Starter {

		ConfigurableApplicationContext run();

	}

	@Test
	void refusesToStartWithADefaultAdminPassword() {
		assertThatThrownBy(() -> app("safety-admin", "camunda.bpm.admin-user.id=admin",
				"camunda.bpm.admin-user.password=admin",
				"unbinddesk.clearing.key=q3Jm1Xf0bC8sL2vN9pR4tW7yZ6aD5eG1hK0mP3sV8xE=").run())
			.satisfies(ex -> assertThat(rootOf(ex)).hasMessage("Refusing to start outside the demo profile: the admin user's password "
					+ "(camunda.bpm.admin-user.password) is missing or a default one. Set secrets through the "
					+ "environment or files under UNBINDDESK_SECRETS (see README)."));
	}

	@Test
	void refusesToStartWithAnAdminWhosePasswordIsMissingOrTheUserId() {
		assertThatThrownBy(() -> app("safety-missing", "camunda.bpm.admin-user.id=root").run())
			.satisfies(ex -> assertThat(rootOf(ex)).hasMessageContaining("admin user's password"));
		assertThatThrownBy(() -> app("safety-same", "camunda.bpm.admin-user.id=root",
				"camunda.bpm.admin-user.password=root").run())
			.satisfies(ex -> assertThat(rootOf(ex)).hasMessageContaining("admin user's password"));
	}

	@Test
	void refusesToStartWithTheDemoPasswordOrAnEmptyServerDatabasePassword() {
		assertThatThrownBy(() -> app("safety-demo", "unbinddesk.demo.password=demo").run())
			.satisfies(ex -> assertThat(rootOf(ex)).hasMessageContaining("unbinddesk.demo.password is set"));
		assertThatThrownBy(() -> ProductionSafety.check(new org.springframework.mock.env.MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/unbinddesk")
			.withProperty("spring.datasource.password", ""))).hasMessageContaining("database password");
	}

	@Test
	void refusesTheDemoOutboxOutsideTheDemo() {
		assertThatThrownBy(() -> ProductionSafety.check(new org.springframework.mock.env.MockEnvironment()
			.withProperty("unbinddesk.notices.delivery", "outbox"))).hasMessageContaining("demo outbox shows one-time codes");
	}

	@Test
	void namesAMissingDatabasePasswordBeforeTryingToConnect() {
		// nothing listens on port 1: a check that ran after connecting would report a connection failure instead
		assertThatThrownBy(() -> new SpringApplicationBuilder(UnbindDeskApplication.class).profiles("postgres")
			.run("--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unbinddesk",
					"--spring.datasource.password="))
			.satisfies(ex -> assertThat(rootOf(ex))
				.hasMessageContaining("the database password (UNBINDDESK_DB_PASSWORD) is empty or a default one"));
	}

	private static Throwable rootOf(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root;
	}

	@Test
	void refusesToStartWithoutItsOwnClearingReportKey() {
		assertThatThrownBy(() -> app("safety-key", "camunda.bpm.admin-user.id=opsadmin",
				"camunda.bpm.admin-user.password=7f3kq-Lw9x-Zr2p").run())
			.satisfies(ex -> assertThat(rootOf(ex)).hasMessageContaining("the clearing-report key"));
		assertThatThrownBy(() -> app("safety-demo-key", "camunda.bpm.admin-user.id=opsadmin",
				"camunda.bpm.admin-user.password=7f3kq-Lw9x-Zr2p",
				"unbinddesk.clearing.key=" + ProductionSafety.DEMO_CLEARING_KEY).run())
			.satisfies(ex -> assertThat(rootOf(ex)).hasMessageContaining("the clearing-report key"));
	}

	@Test
	void startsWithRealSecretsAndCreatesNoDemoUsers() {
		try (ConfigurableApplicationContext context = app("safety-ok", "camunda.bpm.admin-user.id=opsadmin",
				"camunda.bpm.admin-user.password=7f3kq-Lw9x-Zr2p",
				"unbinddesk.clearing.key=q3Jm1Xf0bC8sL2vN9pR4tW7yZ6aD5eG1hK0mP3sV8xE=").run()) {
			IdentityService identity = context.getBean(IdentityService.class);
			assertThat(identity.createUserQuery().userId("agent1").count()).isZero();
			assertThat(identity.createUserQuery().userId("opsadmin").count()).isEqualTo(1);
		}
	}

}
