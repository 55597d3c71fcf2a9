package org.unbinddesk.system;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_INSTANCE;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.unbinddesk.process.ProcessVariables;

/**
 * Who may do what in the engine, granted at startup (idempotently) to the product's groups. Tasks themselves are
 * granted by the engine to their candidate groups and assignee; this adds the rest:
 * <ul>
 * <li>web apps: everyone who works cases uses Tasklist; supervisors and operations also Cockpit; intake systems no web
 * app at all; Admin stays with {@code camunda-admin};</li>
 * <li>intake systems and agents open cases and pass merchants' messages (start, correlate); supervisors read every
 * case; operations may repair them.</li>
 * </ul>
 * Each group sees only the tasks it is a candidate for. The case API ({@code /api}) applies its own group rules and
 * reads cases as the service.
 * Nobody outside {@code camunda-admin} may touch deployments, users or other engine resources.
 */
@Component
@Order(1)
class AccessPolicy implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AccessPolicy.class);

	static final List<String> CASE_READERS = List.of(Groups.INTAKE, Groups.AGENTS, Groups.REVIEWERS,
			Groups.SUPERVISORS, Groups.OPERATIONS);

	static final List<String> CASE_OPENERS = List.of(Groups.INTAKE, Groups.AGENTS);

	private final AuthorizationService authorizations;

	AccessPolicy(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String group : List.of(Groups.AGENTS, Groups.REVIEWERS, Groups.SUPERVISORS, Groups.OPERATIONS)) {
			grant(group, Resources.APPLICATION, "tasklist", ACCESS);
		}
		grant(Groups.SUPERVISORS, Resources.APPLICATION, "cockpit", ACCESS);
		grant(Groups.OPERATIONS, Resources.APPLICATION, "cockpit", ACCESS);

		for (String group : CASE_READERS) {
			grant(group, Resources.PROCESS_DEFINITION, ProcessVariables.PROCESS_ID, READ);
			// completing a task or passing a message runs the next steps, decision tables included, as that person
			grant(group, Resources.DECISION_DEFINITION, Authorization.ANY, READ, CREATE_INSTANCE);
		}
		for (String group : CASE_OPENERS) {
			grant(group, Resources.PROCESS_DEFINITION, ProcessVariables.PROCESS_ID, CREATE_INSTANCE, UPDATE_INSTANCE);
			grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, CREATE);
		}
		// the filters' columns (case, merchant, terminal, risk) are process variables: reading them needs this
		for (String group : List.of(Groups.AGENTS, Groups.REVIEWERS)) {
			grant(group, Resources.PROCESS_DEFINITION, ProcessVariables.PROCESS_ID, READ_INSTANCE);
		}
		// supervisors watch every case in Cockpit
		grant(Groups.SUPERVISORS, Resources.PROCESS_DEFINITION, ProcessVariables.PROCESS_ID, READ_INSTANCE,
				READ_HISTORY);
		grant(Groups.SUPERVISORS, Resources.PROCESS_INSTANCE, Authorization.ANY, READ);
		grant(Groups.SUPERVISORS, Resources.DECISION_DEFINITION, Authorization.ANY, READ_HISTORY);
		// operations watch and repair running cases in Cockpit (retry failed jobs, resolve incidents); they neither
		// open cases nor work other groups' tasks
		grant(Groups.OPERATIONS, Resources.PROCESS_DEFINITION, ProcessVariables.PROCESS_ID, READ_INSTANCE,
				READ_HISTORY, UPDATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB);
		grant(Groups.OPERATIONS, Resources.PROCESS_INSTANCE, Authorization.ANY, READ, UPDATE,
				ProcessInstancePermissions.RETRY_JOB);
		grant(Groups.OPERATIONS, Resources.DEPLOYMENT, Authorization.ANY, READ);
		grant(Groups.OPERATIONS, Resources.DECISION_DEFINITION, Authorization.ANY, READ_HISTORY);
		log.info("Authorizations of {} in place", CASE_READERS);
	}

	/** Grants the permissions, adding to whatever the group already has on that resource. */
	void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		boolean changed = false;
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			authorizations.saveAuthorization(authorization);
		}
	}

}
