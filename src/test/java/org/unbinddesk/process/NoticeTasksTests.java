package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.junit.jupiter.api.Test;
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.notice.Notice;
import org.unbinddesk.notice.NoticeType;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;

/** Each "Send … notice" task names its notice in the diagram, as a property, not as a variable the case keeps. */
class NoticeTasksTests extends ProcessTestSupport {

	private static final Path DIAGRAM = Path.of("bpmn/terminal-unbinding.bpmn");

	@Test
	void everyNoticeTaskNamesANoticeAndEveryNoticeOfTheProcessHasItsTask() {
		List<ServiceTask> noticeTasks = noticeTasks(Bpmn.readModelFromFile(DIAGRAM.toFile()));

		List<NoticeType> sent = noticeTasks.stream()
			.map(task -> SendNoticeDelegate.noticeTypeOf(task).orElseThrow(
					() -> new AssertionError(task.getId() + " has no noticeType property")))
			.toList();

		// the one-time code is sent by the case API, every other notice by a task of the diagram, once
		assertThat(sent).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(NoticeType.values())
				.filter(type -> type != NoticeType.CONSENT_CODE)
				.toList());
		assertThat(noticeTasks).allSatisfy(task -> assertThat(
				task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).count())
			.as("input mappings of %s", task.getId())
			.isZero());
	}

	/**
	 * A case still running on the diagram as it was before the property (its notice tasks gave the type as an input
	 * variable) sends its notices after an upgrade: the version is deployed beside the current one under a key of its
	 * own, so no other test starts it.
	 */
	@Test
	void aCaseOnTheDiagramBeforeThePropertyStillSendsItsNotice() throws IOException {
		String before = Files.readString(DIAGRAM)
			.replaceAll("<camunda:properties><camunda:property name=\"noticeType\" value=\"(\\w+)\" />"
					+ "</camunda:properties>", "<camunda:inputOutput><camunda:inputParameter name=\"noticeType\">$1"
							+ "</camunda:inputParameter></camunda:inputOutput>")
			.replace("id=\"TerminalUnbinding\"", "id=\"TerminalUnbindingBeforeNoticeProperty\"");
		BpmnModelInstance beforeDiagram = Bpmn
			.readModelFromStream(new ByteArrayInputStream(before.getBytes(StandardCharsets.UTF_8)));
		assertThat(noticeTasks(beforeDiagram))
			.allSatisfy(task -> assertThat(SendNoticeDelegate.noticeTypeOf(task)).isEmpty());
		Deployment deployment = engine.getRepositoryService()
			.createDeployment()
			.addString("terminal-unbinding-before.bpmn", before)
			.deploy();
		try {
			Merchant m = registry.merchant();
			Map<String, Object> application = applicationFor(m, "DEVICE_FAULT");
			application.put("terminalId", "X9999999");

			ProcessInstance pi = runtime.startProcessInstanceByKey("TerminalUnbindingBeforeNoticeProperty",
					application);

			assertThat(pi).isEnded().hasPassed("Task_SendInvalidRequestNotice", "Event_RequestInvalid");
			assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.REQUEST_INVALID);
			assertThat(noticesOf(pi)).extracting(Notice::getType).containsExactly(NoticeType.REQUEST_INVALID);
		}
		finally {
			engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
		}
	}

	private static List<ServiceTask> noticeTasks(BpmnModelInstance diagram) {
		return diagram.getModelElementsByType(ServiceTask.class)
			.stream()
			.filter(task -> "${sendNotice}".equals(task.getCamundaDelegateExpression()))
			.toList();
	}

}
