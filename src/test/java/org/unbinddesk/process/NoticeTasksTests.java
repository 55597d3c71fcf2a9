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
import org.unbinddesk.support.RegistryFixtures.Spec;

/** Each "Send … notice" task names its notice in the diagram, as a property, not as a variable the case keeps. */
class NoticeTasksTests extends ProcessTestSupport {

	private static final Path DIAGRAM = Path.of("bpmn/terminal-unbinding.bpmn");

	/** The diagram as released on 2026-11-27, before its notice tasks named their notice as a property. */
	private static final Path EARLIER_DIAGRAM = Path
		.of("src/test/resources/earlier-diagrams/terminal-unbinding-2026-11-27.xml");

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
	 * A case on the diagram as released before the property (its notice tasks gave the type as an input variable, its
	 * start event set {@code initiator}) goes through with this build: started, reviewed, unbound and told at each
	 * step. That diagram is deployed beside the current one under a key of its own, so no other test starts it, and
	 * kept as {@code .xml} so the engine does not deploy it with the service's own.
	 */
	@Test
	void aCaseOnTheDiagramReleasedBeforeThePropertyGoesThroughAndIsToldAtEachStep() throws IOException {
		String earlier = Files.readString(EARLIER_DIAGRAM)
			.replace("id=\"TerminalUnbinding\"", "id=\"TerminalUnbindingEarlier\"");
		BpmnModelInstance earlierDiagram = Bpmn
			.readModelFromStream(new ByteArrayInputStream(earlier.getBytes(StandardCharsets.UTF_8)));
		assertThat(noticeTasks(earlierDiagram)).isNotEmpty()
			.allSatisfy(task -> assertThat(SendNoticeDelegate.noticeTypeOf(task)).isEmpty());
		Deployment deployment = engine.getRepositoryService()
			.createDeployment()
			.addString("terminal-unbinding-earlier.bpmn", earlier)
			.deploy();
		try {
			Merchant m = registry.merchant(new Spec().purchased());

			ProcessInstance pi = runtime.startProcessInstanceByKey("TerminalUnbindingEarlier",
					applicationFor(m, "BUSINESS_CLOSED"));
			runAsyncSteps(pi);
			completeAs("reviewer1", taskAt(pi, "Task_ReviewApplication"), Map.of("reviewDecision", "APPROVE"));
			runAsyncSteps(pi);

			assertThat(pi).isEnded().hasPassed("Event_TerminalUnbound");
			assertThat(caseOf(pi).getOutcome()).isEqualTo(Outcome.UNBOUND);
			assertThat(noticesOf(pi)).extracting(Notice::getType)
				.containsExactly(NoticeType.FEE_NOTICE, NoticeType.APPROVAL, NoticeType.CONFIRMATION);
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
