package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.cases.RegistryRetention;
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
	JdbcClient jdbc;

	@Test
	void engineHistoryOfAClosedCaseIsRemovableOnTheFirstOfJanuaryAfterTenWholeYears() {
		Merchant m = registry.merchant();
		ProcessInstance pi = start(applicationFor(m, "BUSINESS_CLOSED"));
		correlate(pi, "CancellationRequested", Map.of());

		var ended = history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
		int closedIn = ended.getEndTime().toInstant().atZone(ZoneId.systemDefault()).getYear();
		assertThat(ended.getRemovalTime().toInstant())
			.isEqualTo(LocalDate.of(closedIn + 11, 1, 1).atStartOfDay(ZoneId.systemDefault()).toInstant());
		assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId()).list())
			.allSatisfy(d -> assertThat(d.getRemovalTime()).isEqualTo(ended.getRemovalTime()));
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
