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
	void engineHistoryIsKeptTenWholeYearsAfterTheYearAfterTheCaseOpened() {
		Merchant m = registry.merchant();
		ProcessInstance pi = start(applicationFor(m, "BUSINESS_CLOSED"));
		correlate(pi, "CancellationRequested", Map.of());

		var ended = history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
		int openedIn = ended.getStartTime().toInstant().atZone(ZoneId.systemDefault()).getYear();
		// stamped as the rows were written, with a year's margin for the case to end: never rewritten as it ends
		Date keptUntil = date(LocalDate.of(openedIn + 12, 1, 1));
		assertThat(ended.getRemovalTime()).isEqualTo(keptUntil);
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list())
			.allSatisfy(a -> assertThat(a.getRemovalTime()).isEqualTo(keptUntil));
		assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId()).list()).isNotEmpty()
			.allSatisfy(d -> assertThat(d.getRemovalTime()).isEqualTo(keptUntil));
	}

	@Test
	void aCaseThatRanLongerThanItsYearOrOpenedBeforeThisVersionIsKeptTenWholeYearsFromTheYearItEnded() {
		ProcessInstance longCase = start(applicationFor(registry.merchant(), "BUSINESS_CLOSED"));
		correlate(longCase, "CancellationRequested", Map.of());
		ProcessInstance usual = start(applicationFor(registry.merchant(), "BUSINESS_CLOSED"));
		correlate(usual, "CancellationRequested", Map.of());
		// as if the long case had opened three years ago: its rows were stamped then
		int thisYear = LocalDate.now().getYear();
		Date stampedAtOpening = date(LocalDate.of(thisYear - 3 + 12, 1, 1));
		jdbc.sql("update ACT_HI_PROCINST set START_TIME_ = ?, REMOVAL_TIME_ = ? where PROC_INST_ID_ = ?")
			.params(LocalDate.of(thisYear - 3, 6, 1).atStartOfDay(), stampedAtOpening, longCase.getId())
			.update();
		jdbc.sql("update ACT_HI_ACTINST set REMOVAL_TIME_ = ? where PROC_INST_ID_ = ?")
			.params(stampedAtOpening, longCase.getId())
			.update();
		// and a case opened before this version, when the engine stamped its rows only as it ended: none yet
		ProcessInstance fromBefore = start(applicationFor(registry.merchant(), "BUSINESS_CLOSED"));
		correlate(fromBefore, "CancellationRequested", Map.of());
		jdbc.sql("update ACT_HI_PROCINST set REMOVAL_TIME_ = null where PROC_INST_ID_ = ?").params(fromBefore.getId()).update();
		jdbc.sql("update ACT_HI_ACTINST set REMOVAL_TIME_ = null where PROC_INST_ID_ = ?").params(fromBefore.getId()).update();

		List<Batch> batches = removalTimes.extendForLongCases();
		batches.forEach(this::runBatch);

		Date fromTheYearItEnded = date(LocalDate.of(thisYear + 11, 1, 1));
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(longCase.getId()).singleResult()
			.getRemovalTime()).isEqualTo(fromTheYearItEnded);
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(longCase.getId()).list())
			.allSatisfy(a -> assertThat(a.getRemovalTime()).isEqualTo(fromTheYearItEnded));
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(fromBefore.getId()).list())
			.allSatisfy(a -> assertThat(a.getRemovalTime()).isEqualTo(fromTheYearItEnded));
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(usual.getId()).singleResult()
			.getRemovalTime()).isEqualTo(date(LocalDate.of(thisYear + 12, 1, 1)));
		// checked once, the long case needs nothing more
		assertThat(removalTimes.extendForLongCases()).isEmpty();
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
