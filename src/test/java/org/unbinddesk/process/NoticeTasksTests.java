package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.junit.jupiter.api.Test;
import org.unbinddesk.notice.NoticeType;

/** Each "Send … notice" task names its notice in the diagram, as a property, not as a variable the case keeps. */
class NoticeTasksTests {

	private final BpmnModelInstance diagram = Bpmn.readModelFromFile(new File("bpmn/terminal-unbinding.bpmn"));

	@Test
	void everyNoticeTaskNamesANoticeAndEveryNoticeOfTheProcessHasItsTask() {
		List<ServiceTask> noticeTasks = diagram.getModelElementsByType(ServiceTask.class).stream()
			.filter(task -> "${sendNotice}".equals(task.getCamundaDelegateExpression()))
			.toList();

		List<NoticeType> sent = noticeTasks.stream().map(SendNoticeDelegate::noticeTypeOf).toList();

		// the one-time code is sent by the case API, every other notice by a task of the diagram, once
		assertThat(sent).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(NoticeType.values())
				.filter(type -> type != NoticeType.CONSENT_CODE)
				.toList());
		assertThat(noticeTasks).allSatisfy(task -> assertThat(task.getExtensionElements().getElementsQuery()
			.filterByType(CamundaInputOutput.class)
			.count()).as("input mappings of %s", task.getId()).isZero());
	}

	@Test
	void aNoticeTaskWithoutItsPropertyFailsWithTheTaskNamed() {
		BpmnModelInstance broken = Bpmn.createExecutableProcess("Broken")
			.startEvent()
			.serviceTask("Task_SendSomething")
			.camundaDelegateExpression("${sendNotice}")
			.endEvent()
			.done();

		assertThatThrownBy(() -> SendNoticeDelegate.noticeTypeOf(broken.getModelElementById("Task_SendSomething")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Task_SendSomething");
	}

}
