package org.unbinddesk.system;

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
 * shows the case number, merchant and risk level as columns.
 */
@Component
@Order(2)
class TasklistFilters implements ApplicationRunner {

	static final String MY_GROUPS_REVIEWS = "My group's reviews";

	static final String OVERDUE = "Overdue";

	static final String HIGH_RISK = "High risk";

	static final String ASSIGNED_TO_ME = "Assigned to me";

	private static final List<Map<String, String>> COLUMNS = List.of(Map.of("name", "caseNumber", "label", "Case"),
			Map.of("name", "merchantName", "label", "Merchant"), Map.of("name", "terminalId", "label", "Terminal"),
			Map.of("name", "riskLevel", "label", "Risk"));

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
		create(MY_GROUPS_REVIEWS, -10, "Tasks of my groups, claimed or not",
				myGroups().includeAssignedTasks().orderByTaskPriority().desc().orderByDueDate().asc());
		create(OVERDUE, -5, "Tasks of my groups past their due date",
				myGroups().includeAssignedTasks().dueBeforeExpression("${now()}").orderByDueDate().asc());
		create(HIGH_RISK, 0, "High-risk cases of my groups",
				myGroups().includeAssignedTasks().processVariableValueEquals("riskLevel", "HIGH").orderByDueDate().asc());
		create(ASSIGNED_TO_ME, 5, "Tasks I have claimed",
				tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
	}

	private TaskQuery myGroups() {
		return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}");
	}

	private void create(String name, int priority, String description, TaskQuery query) {
		if (filters.createFilterQuery().filterName(name).count() > 0) {
			return;
		}
		Filter filter = filters.newTaskFilter(name)
			.setQuery(query)
			.setProperties(Map.of("priority", priority, "description", description, "refresh", true, "variables",
					COLUMNS));
		filters.saveFilter(filter);
		for (String group : AccessPolicy.CASE_READERS) {
			if (Groups.INTAKE.equals(group)) {
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
