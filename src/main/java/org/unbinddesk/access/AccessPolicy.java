package org.unbinddesk.access;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;


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
import org.unbinddesk.cases.CaseProcess;

/**
 * Who may do what in the engine, set at startup to exactly these rights (a right withdrawn here is withdrawn from a
 * running installation too). Tasks themselves are granted by the engine to their candidate groups and assignee; this
 * adds the least each group's work needs:
 * <ul>
 * <li>web apps: everyone who works cases uses Tasklist; supervisors and operations also Cockpit; Admin stays with
 * {@code camunda-admin};</li>
 * <li>agents start cases (Tasklist's start form); supervisors read every case; operations read them and retry failed
 * jobs; the warehouse works only its own tasks (devices sent back);</li>
 * <li>intake systems hold no engine rights: they work through {@code /api}, which checks their groups and drives the
 * engine as the service.</li>
 * </ul>
 * Nobody outside {@code camunda-admin} may modify instances, write variables, correlate messages, migrate, suspend or
 * delete, nor touch deployments, users or other engine resources.
 */
@Component
@Order(1)
class AccessPolicy implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AccessPolicy.class);

	private final AuthorizationService authorizations;

	AccessPolicy(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String group : Groups.TASKLIST_USERS) {
			exactly(group, Resources.APPLICATION, "tasklist", ACCESS);
		}
		exactly(Groups.SUPERVISORS, Resources.APPLICATION, "cockpit", ACCESS);
		exactly(Groups.OPERATIONS, Resources.APPLICATION, "cockpit", ACCESS);

		// agents start cases from Tasklist's start form; nobody else starts, and nobody but admins modifies, writes
		// variables, correlates messages (the case API does that as the service), migrates, suspends or deletes.
		// Tasklist's filter columns (case, merchant, terminal, risk) are process variables: reading them needs
		// READ_INSTANCE (the process holds no full ID, card or phone number)
		exactly(Groups.AGENTS, Resources.PROCESS_DEFINITION, CaseProcess.ID, READ, READ_INSTANCE,
				CREATE_INSTANCE);
		exactly(Groups.AGENTS, Resources.PROCESS_INSTANCE, Authorization.ANY, CREATE);
		exactly(Groups.REVIEWERS, Resources.PROCESS_DEFINITION, CaseProcess.ID, READ, READ_INSTANCE);
		exactly(Groups.REVIEWERS, Resources.PROCESS_INSTANCE, Authorization.ANY);
		// supervisors watch every case in Cockpit
		exactly(Groups.SUPERVISORS, Resources.PROCESS_DEFINITION, CaseProcess.ID, READ, READ_INSTANCE,
				READ_HISTORY);
		exactly(Groups.SUPERVISORS, Resources.PROCESS_INSTANCE, Authorization.ANY, READ);
		// operations watch cases and retry failed jobs in Cockpit; they change no case otherwise
		exactly(Groups.OPERATIONS, Resources.PROCESS_DEFINITION, CaseProcess.ID, READ, READ_INSTANCE,
				READ_HISTORY, ProcessDefinitionPermissions.RETRY_JOB);
		exactly(Groups.OPERATIONS, Resources.PROCESS_INSTANCE, Authorization.ANY, READ,
				ProcessInstancePermissions.RETRY_JOB);
		exactly(Groups.OPERATIONS, Resources.DEPLOYMENT, Authorization.ANY, READ);
		for (String group : Groups.CASE_READERS) {
			// completing a task runs the next steps, decision tables included, as that person
			exactly(group, Resources.DECISION_DEFINITION, Authorization.ANY, READ, CREATE_INSTANCE,
					group.equals(Groups.SUPERVISORS) || group.equals(Groups.OPERATIONS) ? READ_HISTORY : READ);
		}
		// the warehouse sees its own tasks (the engine grants those to candidate groups) and nothing else of a case;
		// checking a device in prices its condition with a decision table, as that person
		exactly(Groups.WAREHOUSE, Resources.DECISION_DEFINITION, Authorization.ANY, READ, CREATE_INSTANCE);
		// rights that intake systems held before they moved to /api only
		exactly(Groups.INTAKE, Resources.PROCESS_DEFINITION, CaseProcess.ID);
		exactly(Groups.INTAKE, Resources.PROCESS_INSTANCE, Authorization.ANY);
		exactly(Groups.INTAKE, Resources.DECISION_DEFINITION, Authorization.ANY);
		log.info("Authorizations of {} in place; {} holds no engine rights", Groups.CASE_READERS, Groups.INTAKE);
	}

	/**
	 * Gives the group exactly these permissions on the resource (none: removes its grant), whatever it held before, so
	 * a right withdrawn here is withdrawn from running installations too.
	 */
	void exactly(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (permissions.length == 0) {
			if (authorization != null) {
				authorizations.deleteAuthorization(authorization.getId());
			}
			return;
		}
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		authorization.setPermissions(permissions);
		authorizations.saveAuthorization(authorization);
	}

}
