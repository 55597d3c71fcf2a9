package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.cases.RegistryRetention;
import org.unbinddesk.support.Jobs;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.RegistryFixtures.Merchant;

/**
 * Records are kept whole calendar years from the end of the year a case closed (ten by default, the Anti-Money
 * Laundering Law as revised in 2024, art. 34), by the engine for its history and by the registry for the case.
 */
class RetentionTests extends ProcessTestSupport {

	@Autowired
	RegistryRetention retention;

	@Autowired
	HistoryRemovalTimes removalTimes;

	@Autowired
	JdbcClient jdbc;

	@Test
	void engineHistoryOfACaseClosedInTheYearItOpenedIsKeptTenWholeYears() {
		Merchant m = registry.merchant();
		ProcessInstance pi = start(applicationFor(m, "BUSINESS_CLOSED"));
		correlate(pi, "CancellationRequested", Map.of());

		var ended = history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
		int closedIn = ended.getEndTime().toInstant().atZone(ZoneId.systemDefault()).getYear();
		// stamped as the rows were written, never rewritten as the case ends
		Date keptUntil = date(LocalDate.of(closedIn + 11, 1, 1));
		assertThat(ended.getRemovalTime()).isEqualTo(keptUntil);
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list())
			.allSatisfy(a -> assertThat(a.getRemovalTime()).isEqualTo(keptUntil));
		assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId()).list()).isNotEmpty()
			.allSatisfy(d -> assertThat(d.getRemovalTime()).isEqualTo(keptUntil));
	}

	@Test
	void aCaseThatEndsInALaterYearIsKeptTenWholeYearsFromTheYearItEnded() {
		int thisYear = LocalDate.now().getYear();
		// opened on the last day of last year, three years ago, and before this rule (no removal time): all ended now
		ProcessInstance acrossNewYear = endedCaseOpenedAt(LocalDate.of(thisYear - 1, 12, 31), true);
		ProcessInstance threeYears = endedCaseOpenedAt(LocalDate.of(thisYear - 3, 6, 1), true);
		ProcessInstance beforeThisRule = endedCaseOpenedAt(LocalDate.now(), false);
		ProcessInstance usual = endedCaseOpenedAt(LocalDate.now(), true);
		// and one still open, opened ten years ago: its stamp comes within a year
		ProcessInstance stillOpen = start(applicationFor(registry.merchant(), "BUSINESS_CLOSED"));
		openedAt(stillOpen, LocalDate.of(thisYear - 10, 6, 1), true);

		removalTimes.extendForLongCases().forEach(this::runBatch);

		Date fromThisYear = date(LocalDate.of(thisYear + 11, 1, 1));
		for (ProcessInstance pi : List.of(acrossNewYear, threeYears, beforeThisRule, stillOpen)) {
			assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
				.getRemovalTime()).isEqualTo(fromThisYear);
			assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list())
				.allSatisfy(a -> assertThat(a.getRemovalTime()).isEqualTo(fromThisYear));
		}
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(usual.getId()).singleResult()
			.getRemovalTime()).isEqualTo(fromThisYear);
		// checked once, nothing more to do
		assertThat(removalTimes.extendForLongCases()).isEmpty();
	}

	/** A case cancelled now, as if opened on that day: its rows stamped then (or not at all, before this rule). */
	private ProcessInstance endedCaseOpenedAt(LocalDate opened, boolean stamped) {
		ProcessInstance pi = start(applicationFor(registry.merchant(), "BUSINESS_CLOSED"));
		correlate(pi, "CancellationRequested", Map.of());
		openedAt(pi, opened, stamped);
		return pi;
	}

	private void openedAt(ProcessInstance pi, LocalDate opened, boolean stamped) {
		Date stamp = stamped ? date(LocalDate.of(opened.getYear() + 11, 1, 1)) : null;
		jdbc.sql("update ACT_HI_PROCINST set START_TIME_ = ?, REMOVAL_TIME_ = ? where PROC_INST_ID_ = ?")
			.params(opened.atTime(12, 0), stamp, pi.getId())
			.update();
		jdbc.sql("update ACT_HI_ACTINST set REMOVAL_TIME_ = ? where PROC_INST_ID_ = ?").params(stamp, pi.getId()).update();
	}

	private void runBatch(Batch batch) {
		for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
				batch.getMonitorJobDefinitionId())) {
			Jobs.runAll(management, () -> management.createJobQuery().jobDefinitionId(definition).executable());
		}
	}

	private static Date date(LocalDate day) {
		return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

	@Test
	void registryRecordsOfCasesPastRetentionAreRemovedAndNewerOnesKept() {
		Merchant m = registry.merchant();
		ProcessInstance recent = start(applicationFor(m, "BUSINESS_CLOSED"));
		correlate(recent, "CancellationRequested", Map.of());
		Merchant n = registry.merchant();
		ProcessInstance old = start(applicationFor(n, "BUSINESS_CLOSED"));
		correlate(old, "CancellationRequested", Map.of());
		LocalDateTime closedLongAgo = LocalDate.now().withDayOfYear(1).minusYears(10).minusDays(1).atTime(12, 0);
		jdbc.sql("update unbinding_case set closed_at = ? where case_number = ?")
			.params(closedLongAgo, caseNumber(old))
			.update();

		retention.removeExpired();

		assertThat(cases.findById(caseNumber(old))).isEmpty();
		assertThat(auditEntries.findByCaseNumberOrderByIdAsc(caseNumber(old))).isEmpty();
		assertThat(cases.findById(caseNumber(recent))).isPresent();
		assertThat(auditEntries.findByCaseNumberOrderByIdAsc(caseNumber(recent))).isNotEmpty();
	}

}
