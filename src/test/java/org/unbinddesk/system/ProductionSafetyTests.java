package org.unbinddesk.system;

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
				"camunda.bpm.admin-user.password=admin").run())
			.hasRootCauseMessage("Refusing to start outside the demo profile: the admin user's password "
					+ "(camunda.bpm.admin-user.password) is missing or a default one. Set secrets through the "
					+ "environment or files under UNBINDDESK_SECRETS (see README).");
	}

	@Test
	void refusesToStartWithAnAdminWhosePasswordIsMissingOrTheUserId() {
		assertThatThrownBy(() -> app("safety-missing", "camunda.bpm.admin-user.id=root").run())
			.rootCause()
			.hasMessageContaining("admin user's password");
		assertThatThrownBy(() -> app("safety-same", "camunda.bpm.admin-user.id=root",
				"camunda.bpm.admin-user.password=root").run())
			.rootCause()
			.hasMessageContaining("admin user's password");
	}

	@Test
	void refusesToStartWithTheDemoPasswordOrAnEmptyServerDatabasePassword() {
		assertThatThrownBy(() -> app("safety-demo", "unbinddesk.demo.password=demo").run()).rootCause()
			.hasMessageContaining("unbinddesk.demo.password is set");
		ProductionSafety check = new ProductionSafety(new org.springframework.mock.env.MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/unbinddesk")
			.withProperty("spring.datasource.password", ""));
		assertThatThrownBy(check::afterPropertiesSet).hasMessageContaining("database password");
	}

	@Test
	void startsWithRealSecretsAndCreatesNoDemoUsers() {
		try (ConfigurableApplicationContext context = app("safety-ok", "camunda.bpm.admin-user.id=opsadmin",
				"camunda.bpm.admin-user.password=7f3kq-Lw9x-Zr2p").run()) {
			IdentityService identity = context.getBean(IdentityService.class);
			assertThat(identity.createUserQuery().userId("agent1").count()).isZero();
			assertThat(identity.createUserQuery().userId("opsadmin").count()).isEqualTo(1);
		}
	}

}
