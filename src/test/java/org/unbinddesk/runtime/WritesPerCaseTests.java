package org.unbinddesk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unbinddesk.cases.CaseStatus;
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.cases.UnbindingCaseRepository;
import org.unbinddesk.notice.NoticeDispatcher;
import org.unbinddesk.support.DatabaseWrites;
import org.unbinddesk.support.DatabaseWrites.Recording;
import org.unbinddesk.support.DatabaseWrites.Transaction;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;
import org.unbinddesk.support.WebTestSupport;

/**
 * What one whole case writes, step by step, the way the service runs it: opened through the API, each background
 * step and timer as the job executor would run it, the notices sent, the reviewer's claim and decision. Each commit is
 * a write of the embedded database's file (docs/benchmark.md, "Writes per case"), so the steps that write nothing
 * anyone reads are kept out, and this test keeps them out. The table, with the statements each step reads, lands in
 * {@code target/writes-per-case.md}.
 */
class WritesPerCaseTests extends WebTestSupport {

	@Autowired
	DatabaseWrites writes;

	@Autowired
	UnbindingCaseRepository cases;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	NoticeDispatcher notices;

	@Autowired
	HistoryService history;

	private final List<Step> steps = new ArrayList<>();

	@org.junit.jupiter.api.AfterEach
	void stopRecording() {
		writes.stop();
	}

	private Recording recording;

	record Step(String name, List<Transaction> transactions, int reads) {

		int rows() {
			return transactions.stream().mapToInt(Transaction::rowsWritten).sum();
		}

		int rowsOf(String statementAndTable) {
			return transactions.stream().mapToInt(t -> t.rowsOf(statementAndTable)).sum();
		}

	}

	@Test
	void aWholeCaseCommitsEachStepOnceAndWritesNoRoutineLogs() throws IOException {
		// a merchant who owns the terminal, as in the benchmark's load: no deposit, no device to return
		Merchant m = registry.merchant(new Spec().purchased());
		// the outbox is shared with the tests before: send what they left, so the notices counted are this case's
		for (int round = 0; round < 10 && notices.dispatchDue() > 0; round++) {
		}
		Thread test = Thread.currentThread();
		recording = writes.record(thread -> thread == test || thread.getName().startsWith("http-nio"));

		Response opened = post("intake1", "/api/unbinding-cases", """
				{"channel": "APP", "merchantNo": "%s", "terminalId": "%s", "reason": "BUSINESS_CLOSED",
				 "applicant": {"name": "%s", "idNumber": "%s", "phone": "%s", "role": "LEGAL_PERSON"},
				 "documents": ["ID_CARD", "SETTLEMENT_CARD_COPY"]}""".formatted(m.merchantNo(), m.terminalId(),
				m.legalName(), m.idNumber(), m.phone()));
		assertThat(opened.status()).isEqualTo(201);
		step("POST /api/unbinding-cases");
		String caseNumber = opened.json().get("caseNumber").asText();
		String processInstanceId = cases.findById(caseNumber).orElseThrow().getProcessInstanceId();

		runJobs(processInstanceId);
		recording.takeReads();
		notices.dispatchDue();
		step("notices sent");
		Task review = tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey("Task_ReviewApplication")
			.singleResult();
		identity.setAuthentication("reviewer1", List.of("reviewers"));
		recording.takeReads();
		try {
			tasks.claim(review.getId(), "reviewer1");
			step("reviewer claims the review");
			tasks.complete(review.getId(), Map.of("reviewDecision", "APPROVE"));
			step("reviewer approves");
		}
		finally {
			identity.clearAuthentication();
		}
		runJobs(processInstanceId);
		recording.takeReads();
		notices.dispatchDue();
		step("notices sent");

		UnbindingCase closed = cases.findById(caseNumber).orElseThrow();
		assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
		assertThat(closed.getOutcome()).isEqualTo(Outcome.UNBOUND);
		write(Path.of("target/writes-per-case.md"));

		List<Transaction> all = steps.stream().flatMap(s -> s.transactions().stream()).toList();
		// the request's case, engine rows, audit row and idempotency record are one commit: all or nothing
		assertThat(steps.get(0).transactions()).hasSize(1);
		// routine logs nobody here reads: a job made and succeeded (the job log keeps failures), task assignments
		// counted for Camunda's licence reports
		assertThat(all).allSatisfy(t -> {
			assertThat(t.rowsOf("I ACT_HI_JOB_LOG")).as("job log rows").isZero();
			assertThat(t.rowsOf("I ACT_RU_TASK_METER_LOG")).as("task meter rows").isZero();
		});
		// each step saves the case once, however many of its parts change it (the request stores it before the
		// process starts, then links it to the process: a second update there)
		assertThat(all.subList(1, all.size())).allSatisfy(
				t -> assertThat(t.rowsOf("U UNBINDING_CASE")).as("case row updates").isLessThanOrEqualTo(1));
		// the variables the case kept: each one the diagram, a form, Tasklist's columns or a later step reads; what only
		// the record needs is in the registry (the terminal's serial number, the merchant's type, the SIM data fee,
		// the refund, the identity check's note), an empty list is no variable, and the notice tasks name their notice
		// in the diagram (removed ones included: a variable written and removed again is a row too)
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.includeDeleted()
			.list())
			.extracting(HistoricVariableInstance::getName)
			.containsExactlyInAnyOrder("channel", "merchantNo", "terminalId", "reason", "applicantName",
					"applicantRole", "documents", "applicantIdMasked", "applicantPhoneMasked", "caseNumber",
					"requestValid", "identityConfirmed", "feeSettled", "merchantName",
					"requiredDocuments", "documentsComplete", "identityResult", "accountBlocked", "fee", "depositRefund",
					"feeRule", "feePayable", "riskLevel", "taskPriority", "reviewDueDate", "reviewDecision",
					"reviewComment", "reviewComment", "firstReviewer", "deviceDisposition", "deviceToReturn",
					"outcome");
		// what one whole case costs today (docs/benchmark.md, "Writes per case"): a change that writes more says why
		assertThat(all).as("transactions").hasSizeLessThanOrEqualTo(14);
		assertThat(all.stream().mapToInt(Transaction::rowsWritten).sum()).as("rows written").isLessThanOrEqualTo(275);
	}

	/** Runs the case's due jobs one at a time, as the job executor would, each its own step. */
	private void runJobs(String processInstanceId) {
		for (int i = 0; i < 20; i++) {
			List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
			if (due.isEmpty()) {
				return;
			}
			Job job = due.get(0);
			String activity = management.createJobDefinitionQuery()
				.jobDefinitionId(job.getJobDefinitionId())
				.singleResult()
				.getActivityId();
			recording.takeReads(); // the test's own look-ups, not the job's
			management.executeJob(job.getId());
			step("job: " + activity);
		}
	}

	private void step(String name) {
		steps.add(new Step(name, recording.take(), recording.takeReads()));
	}

	private void write(Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add("| step | transactions | rows written | engine runtime | engine history | registry | reads | largest |");
		lines.add("|---|---:|---:|---:|---:|---:|---:|---|");
		Map<String, Integer> total = new TreeMap<>();
		for (Step step : steps) {
			Map<String, Integer> rows = new TreeMap<>();
			step.transactions().forEach(t -> t.rows().forEach((k, v) -> rows.merge(k, v, Integer::sum)));
			rows.forEach((k, v) -> total.merge(k, v, Integer::sum));
			lines.add(row(step.name(), step.transactions().size(), rows, step.reads()));
		}
		lines.add(row("**whole case**", steps.stream().mapToInt(s -> s.transactions().size()).sum(), total,
				steps.stream().mapToInt(Step::reads).sum()));
		Files.createDirectories(file.getParent());
		Files.write(file, lines);
		lines.forEach(System.out::println);
	}

	private static String row(String name, int transactions, Map<String, Integer> rows, int reads) {
		int runtime = sum(rows, " ACT_RU_", " ACT_GE_");
		int history = sum(rows, " ACT_HI_");
		int all = rows.values().stream().mapToInt(Integer::intValue).sum();
		String largest = rows.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(3)
			.map(e -> e.getKey() + " " + e.getValue())
			.reduce((a, b) -> a + ", " + b)
			.orElse("");
		return "| %s | %d | %d | %d | %d | %d | %d | %s |".formatted(name, transactions, all, runtime, history,
				all - runtime - history, reads, largest);
	}

	private static int sum(Map<String, Integer> rows, String... prefixes) {
		return rows.entrySet()
			.stream()
			.filter(e -> java.util.Arrays.stream(prefixes).anyMatch(p -> e.getKey().contains(p)))
			.mapToInt(Map.Entry::getValue)
			.sum();
	}

}
