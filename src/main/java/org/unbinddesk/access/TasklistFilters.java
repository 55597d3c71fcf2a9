package org.unbinddesk.access;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The saved Tasklist filters every group works from, created once and shared with the groups that work cases. Each
 * shows the case number, merchant, terminal and risk level as columns. Names and labels are in the Chinese the staff
 * read; filters saved under the earlier English names are renamed in place, so nobody gets a second set.
 */
@Component
@Order(2)
class TasklistFilters implements ApplicationRunner {

	static final String MY_GROUPS_REVIEWS = "本组待办";

	static final String OVERDUE = "已超期";

	static final String HIGH_RISK = "高风险";

	static final String ASSIGNED_TO_ME = "我认领的任务";

	/** The names these filters had before they were given Chinese ones. */
	private static final Map<String, String> FORMER_NAMES = Map.of(MY_GROUPS_REVIEWS, "My group's reviews", OVERDUE,
			"Overdue", HIGH_RISK, "High risk", ASSIGNED_TO_ME, "Assigned to me");

	private static final List<Map<String, String>> COLUMNS = List.of(Map.of("name", "caseNumber", "label", "受理编号"),
			Map.of("name", "merchantName", "label", "商户"), Map.of("name", "terminalId", "label", "终端号"),
			Map.of("name", "riskLevel", "label", "风险等级"));

	private final FilterService filters;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
		this.filters = filters;
		this.tasks = tasks;
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		create(MY_GROUPS_REVIEWS, -10, "本组的任务，含已认领的",
				myGroups().includeAssignedTasks().orderByTaskPriority().desc().orderByDueDate().asc());
		create(OVERDUE, -5, "本组已过截止时间的任务",
				myGroups().includeAssignedTasks().dueBeforeExpression("${now()}").orderByDueDate().asc());
		create(HIGH_RISK, 0, "本组的高风险受理",
				myGroups().includeAssignedTasks().processVariableValueEquals("riskLevel", "HIGH").orderByDueDate().asc());
		create(ASSIGNED_TO_ME, 5, "我已认领的任务",
				tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
	}

	private TaskQuery myGroups() {
		return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}");
	}

	private void create(String name, int priority, String description, TaskQuery query) {
		List<Filter> existing = filters.createFilterQuery().filterName(name).list();
		if (!existing.isEmpty()) {
			// a group added since (the warehouse) gets to read the filters too
			existing.forEach(this::grantRead);
			return;
		}
		Map<String, Object> properties = Map.of("priority", priority, "description", description, "refresh", true,
				"variables", COLUMNS);
		Filter former = filters.createFilterQuery().filterName(FORMER_NAMES.get(name)).singleResult();
		if (former != null) {
			// same filter, same grants: only what people read changes
			filters.saveFilter(former.setName(name).setProperties(properties));
			return;
		}
		Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
		filters.saveFilter(filter);
		grantRead(filter);
	}

	private void grantRead(Filter filter) {
		for (String group : Groups.TASKLIST_USERS) {
			if (authorizations.createAuthorizationQuery()
				.groupIdIn(group)
				.resourceType(Resources.FILTER)
				.resourceId(filter.getId())
				.count() > 0) {
				continue;
			}
			Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			read.setGroupId(group);
			read.setResource(Resources.FILTER);
			read.setResourceId(filter.getId());
			read.addPermission(Permissions.READ);
			authorizations.saveAuthorization(read);
		}
	}

}
