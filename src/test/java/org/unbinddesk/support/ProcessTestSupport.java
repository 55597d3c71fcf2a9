package org.unbinddesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.unbinddesk.audit.AuditEntry;
import org.unbinddesk.audit.AuditEntryRepository;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.cases.UnbindingCaseRepository;
import org.unbinddesk.notice.Notice;
import org.unbinddesk.notice.NoticeRepository;
import org.unbinddesk.cases.CaseProcess;
import org.unbinddesk.process.ProcessVariables;
import org.unbinddesk.support.RegistryFixtures.Merchant;

/**
 * Runs the process on the engine with the job executor off: tests execute asynchronous steps and timers themselves.
 * The context is the one the API tests use too ({@link ServiceTest}).
 */
@ServiceTest
public abstract class ProcessTestSupport {

	@Autowired
	protected ProcessEngine engine;

	@Autowired
	protected RuntimeService runtime;

	@Autowired
	protected TaskService tasks;

	@Autowired
	protected ManagementService management;

	@Autowired
	protected HistoryService history;

	@Autowired
	protected IdentityService identity;

	@Autowired
	protected RegistryFixtures registry;

	@Autowired
	protected UnbindingCaseRepository cases;

	@Autowired
	protected NoticeRepository notices;

	@Autowired
	protected AuditEntryRepository auditEntries;

	@Autowired
	private StageStarts stages;

	@BeforeEach
	void initAssertions() {
		AbstractAssertions.init(engine);
	}

	@AfterEach
	void clearAuthentication() {
		identity.clearAuthentication();
		AbstractAssertions.reset();
	}

	/** A complete, valid application by the legal person, as an agent would open it. */
	protected Map<String, Object> applicationFor(Merchant m, String reason) {
		Map<String, Object> variables = new HashMap<>();
		// the merchant's own app: no one-time confirmation of the request is needed (see MerchantConsentTests)
		variables.put(ProcessVariables.CHANNEL, "APP");
		variables.put(ProcessVariables.MERCHANT_NO, m.merchantNo());
		variables.put(ProcessVariables.TERMINAL_ID, m.terminalId());
		variables.put(ProcessVariables.REASON, reason);
		variables.put(ProcessVariables.APPLICANT_NAME, m.legalName());
		variables.put(ProcessVariables.APPLICANT_ID_NUMBER, m.idNumber());
		variables.put(ProcessVariables.APPLICANT_PHONE, m.phone());
		variables.put(ProcessVariables.APPLICANT_ROLE, "LEGAL_PERSON");
		variables.put(ProcessVariables.DOCUMENTS, String.join(",", documentsFor(m, reason)));
		return variables;
	}

	protected static List<String> documentsFor(Merchant m, String reason) {
		List<String> documents = new java.util.ArrayList<>(List.of("ID_CARD", "SETTLEMENT_CARD_COPY"));
		if ("COMPANY".equals(m.type())) {
			documents.add("BUSINESS_LICENCE");
		}
		switch (reason) {
			case "DEVICE_FAULT" -> documents.add("FAULT_CERTIFICATE");
			case "LOST_DEVICE" -> documents.add("POLICE_REPORT");
			case "CHANGE_OF_OWNER" -> documents.addAll(List.of("REGISTRATION_CHANGE_CERTIFICATE", "NEW_OWNER_ID_CARD"));
			default -> {
			}
		}
		return documents;
	}

	protected ProcessInstance start(Map<String, Object> variables) {
		return runtime.startProcessInstanceByKey(CaseProcess.ID, variables);
	}

	/**
	 * Starts a registered case at an activity (the first of the stage a test is about) rather than at the start event;
	 * see {@link StageStarts}.
	 */
	protected ProcessInstance startBefore(String activityId, Map<String, Object> application) {
		return stages.startBefore(activityId, application);
	}

	/**
	 * Runs the instance's asynchronous continuations and the timers already due (with the test profile's
	 * {@code unbinddesk.unbind.wait-for-settlement=false}, the stop and unbind timers fall due at once) until it
	 * reaches a wait state.
	 */
	protected void runAsyncSteps(ProcessInstance pi) {
		Jobs.runAll(management, () -> management.createJobQuery().processInstanceId(pi.getId()).executable());
	}

	/** Fires the instance's timer that waits at the given activity, as if its time had come. */
	protected void fireTimer(ProcessInstance pi, String activityId) {
		Job timer = management.createJobQuery()
			.processInstanceId(pi.getId())
			.timers()
			.activityId(activityId)
			.singleResult();
		assertThat(timer).as("timer at " + activityId).isNotNull();
		management.executeJob(timer.getId());
	}

	protected Task taskAt(ProcessInstance pi, String taskDefinitionKey) {
		Task task = tasks.createTaskQuery()
			.processInstanceId(pi.getId())
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult();
		assertThat(task).as("open task " + taskDefinitionKey).isNotNull();
		return task;
	}

	/** Claims and completes a task as the given user, the way Tasklist does it (user logged in). */
	protected void completeAs(String userId, Task task, Map<String, Object> variables) {
		loginAs(userId);
		try {
			tasks.claim(task.getId(), userId);
			tasks.complete(task.getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/** Makes the user, with their groups, the engine's current user, as Tasklist does after a login. */
	/**
	 * The leased device comes back intact and the warehouse checks it in: the deposit refund starts and the case ends
	 * (see {@code DeviceReturnTests}).
	 */
	protected void returnDevice(ProcessInstance pi) {
		completeAs("warehouse1", taskAt(pi, "Task_ReceiveReturnedDevice"),
				Map.of("scannedSn", caseOf(pi).getTerminalSn(), "deviceCondition", "INTACT"));
	}

	protected void loginAs(String userId) {
		identity.setAuthentication(userId,
				identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList());
	}

	protected void correlate(ProcessInstance pi, String message, Map<String, Object> variables) {
		runtime.createMessageCorrelation(message)
			.processInstanceBusinessKey(caseNumber(pi))
			.setVariables(variables)
			.correlate();
	}

	protected String caseNumber(ProcessInstance pi) {
		return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0
				? runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey()
				: history.createHistoricProcessInstanceQuery()
					.processInstanceId(pi.getId())
					.singleResult()
					.getBusinessKey();
	}

	protected UnbindingCase caseOf(ProcessInstance pi) {
		return cases.findById(caseNumber(pi)).orElseThrow();
	}

	protected List<Notice> noticesOf(ProcessInstance pi) {
		return notices.findByCaseNumberOrderByIdAsc(caseNumber(pi));
	}

	protected List<String> auditActionsOf(ProcessInstance pi) {
		return auditEntries.findByCaseNumberOrderByIdAsc(caseNumber(pi)).stream().map(AuditEntry::getAction).toList();
	}

	/** What the case's audit trail says of each entry with this action, in order. */
	protected List<String> auditDetailsOf(ProcessInstance pi, String action) {
		return auditEntries.findByCaseNumberOrderByIdAsc(caseNumber(pi)).stream()
			.filter(entry -> entry.getAction().equals(action))
			.map(AuditEntry::getDetail)
			.toList();
	}

	protected Object historicVariable(ProcessInstance pi, String name) {
		var variable = history.createHistoricVariableInstanceQuery()
			.processInstanceId(pi.getId())
			.variableName(name)
			.singleResult();
		return variable == null ? null : variable.getValue();
	}

}
