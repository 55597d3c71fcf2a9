package org.unbinddesk.access;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Creates the demo groups and users at startup (demo profile only). Existing ones are left as they are.
 */
@Component
@Profile("demo")
class DemoUsers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	record DemoUser(String id, String firstName, String lastName, String group) {
	}

	static final List<DemoUser> USERS = List.of(new DemoUser("agent1", "An", "Li", Groups.AGENTS),
			new DemoUser("agent2", "Bo", "Wang", Groups.AGENTS),
			new DemoUser("reviewer1", "Chen", "Zhao", Groups.REVIEWERS),
			new DemoUser("reviewer2", "Dan", "Sun", Groups.REVIEWERS),
			new DemoUser("ops1", "Fang", "Zhou", Groups.OPERATIONS),
			new DemoUser("supervisor1", "Gang", "Wu", Groups.SUPERVISORS),
			new DemoUser("supervisor2", "Hui", "Zheng", Groups.SUPERVISORS),
			new DemoUser("warehouse1", "Jun", "Ma", Groups.WAREHOUSE),
			new DemoUser("intake1", "Hotline", "CRM", Groups.INTAKE));

	private final IdentityService identity;

	private final String password;

	DemoUsers(IdentityService identity, @Value("${unbinddesk.demo.password}") String password) {
		this.identity = identity;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Tasklist shows a task's candidate group by its name: in the staff's Chinese
		Map<String, String> names = Map.of(Groups.AGENTS, "客服", Groups.REVIEWERS, "审核", Groups.OPERATIONS, "运营",
				Groups.SUPERVISORS, "主管", Groups.WAREHOUSE, "设备仓库", Groups.INTAKE, "受理渠道系统");
		for (String groupId : List.of(Groups.AGENTS, Groups.REVIEWERS, Groups.OPERATIONS, Groups.SUPERVISORS,
				Groups.WAREHOUSE, Groups.INTAKE)) {
			if (identity.createGroupQuery().groupId(groupId).count() == 0) {
				Group group = identity.newGroup(groupId);
				group.setName(names.get(groupId));
				group.setType("WORKFLOW");
				identity.saveGroup(group);
			}
		}
		for (DemoUser demo : USERS) {
			if (identity.createUserQuery().userId(demo.id()).count() == 0) {
				User user = identity.newUser(demo.id());
				user.setFirstName(demo.firstName());
				user.setLastName(demo.lastName());
				user.setPassword(password);
				user.setEmail(demo.id() + "@unbinddesk.example");
				identity.saveUser(user);
				identity.createMembership(demo.id(), demo.group());
			}
		}
		log.info("Demo users ready: {}", USERS.stream().map(DemoUser::id).toList());
	}

}
