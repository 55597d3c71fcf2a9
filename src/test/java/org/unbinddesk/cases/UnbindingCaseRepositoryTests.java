package org.unbinddesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.QueryTest;

/**
 * The registry's queries about cases: the one open case of a terminal, and the counts behind the daily limit, the
 * repeated-request risk signal and the dashboard.
 */
@QueryTest
class UnbindingCaseRepositoryTests {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 10, 0);

	private static int sequence;

	@Autowired
	UnbindingCaseRepository cases;

	@Autowired
	JdbcClient jdbc;

	/** A valid case that holds the terminal's open slot, as "Register request" records it. */
	private UnbindingCase opened(String sn, LocalDateTime at) {
		String caseNumber = "UB-20261126-%06d".formatted(++sequence);
		UnbindingCase c = new UnbindingCase(caseNumber, "pi-" + caseNumber, new CaseRequest("PHONE",
				"898120000000001", null, null, "DEVICE_FAULT", "测试甲", "110101198001011232", "13900000001",
				"LEGAL_PERSON", null), at);
		c.identifyTerminal(sn, "U0000001");
		c.holdTerminal();
		return cases.saveAndFlush(c);
	}

	@Test
	void findsATerminalsOpenCaseUntilItCloses() {
		UnbindingCase open = opened("SN-Q-1", NOW);

		assertThat(cases.findByOpenTerminalSn("SN-Q-1")).map(UnbindingCase::getCaseNumber)
			.contains(open.getCaseNumber());

		open.close(Outcome.CANCELLED, "商户撤回", NOW.plusHours(1));
		cases.saveAndFlush(open);

		assertThat(cases.findByOpenTerminalSn("SN-Q-1")).isEmpty();
		assertThat(cases.findByProcessInstanceId(open.getProcessInstanceId())).isPresent();
	}

	@Test
	void aTerminalHasOneOpenCaseWhateverTheCaller() {
		opened("SN-Q-2", NOW);

		assertThatThrownBy(() -> opened("SN-Q-2", NOW.plusMinutes(1)))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void countsATerminalsRequestsSinceAMomentForTheDailyLimit() {
		opened("SN-Q-3", NOW.minusDays(1)).close(Outcome.CANCELLED, null, NOW.minusDays(1));
		opened("SN-Q-4", NOW.plusMinutes(5));
		UnbindingCase today = cases.findByOpenTerminalSn("SN-Q-4").orElseThrow();
		today.close(Outcome.CANCELLED, null, NOW.plusMinutes(6));
		cases.saveAndFlush(today);
		opened("SN-Q-4", NOW.plusMinutes(10));

		assertThat(cases.countByTerminalSnAndOpenedAtAfter("SN-Q-4", NOW)).isEqualTo(2);
		assertThat(cases.countByTerminalSnAndOpenedAtAfter("SN-Q-3", NOW)).isZero();
	}

	@Test
	void genuineRequestsLeaveOutTheCaseItselfAndRequestsThatWereInvalid() {
		UnbindingCase earlier = opened("SN-Q-5", NOW.minusDays(3));
		earlier.close(Outcome.CANCELLED, null, NOW.minusDays(3));
		cases.saveAndFlush(earlier);
		UnbindingCase doubleClick = new UnbindingCase("UB-20261126-900001", "pi-double", new CaseRequest("PHONE",
				"898120000000001", null, null, "DEVICE_FAULT", "测试甲", null, null, "LEGAL_PERSON", null),
				NOW.minusMinutes(1));
		doubleClick.identifyTerminal("SN-Q-5", "U0000001");
		doubleClick.close(Outcome.REQUEST_INVALID, "an open case exists", NOW.minusMinutes(1));
		cases.saveAndFlush(doubleClick);
		UnbindingCase current = opened("SN-Q-5", NOW);

		assertThat(cases.countGenuineRequests("SN-Q-5", NOW.minusDays(30), current.getCaseNumber())).isEqualTo(1);
		assertThat(cases.countGenuineRequests("SN-Q-5", NOW.minusDays(2), current.getCaseNumber())).isZero();
	}

	@Test
	void genuineRequestsCountOpenCasesAndGoByTheMomentACaseOpened() {
		opened("SN-Q-8", NOW.minusHours(2));
		otherCase("SN-Q-8", NOW.minusDays(5), NOW.minusHours(1));
		otherCase("SN-Q-8", NOW.minusDays(2), NOW.minusDays(2));
		UnbindingCase current = otherCase("SN-Q-8", NOW, null);

		// the open one (no outcome yet); not the one opened before the moment and closed after it, nor the one
		// opened at the moment itself
		assertThat(cases.countGenuineRequests("SN-Q-8", NOW.minusDays(2), current.getCaseNumber())).isEqualTo(1);
		assertThat(cases.countGenuineRequests("SN-Q-8", NOW.minusDays(6), current.getCaseNumber())).isEqualTo(3);
		assertThat(cases.countGenuineRequests("SN-Q-9", NOW.minusDays(6), current.getCaseNumber())).isZero();
	}

	/** A stored case of the terminal that does not hold its open slot: closed at {@code closedAt}, or open if null. */
	private UnbindingCase otherCase(String sn, LocalDateTime openedAt, LocalDateTime closedAt) {
		UnbindingCase c = unsaved(sn, openedAt);
		if (closedAt != null) {
			c.close(Outcome.CANCELLED, null, closedAt);
		}
		return cases.saveAndFlush(c);
	}

	private UnbindingCase unsaved(String sn, LocalDateTime openedAt) {
		UnbindingCase c = new UnbindingCase("UB-20261126-%06d".formatted(++sequence), "pi-unsaved-" + sequence,
				new CaseRequest("PHONE", "898120000000001", null, null, "DEVICE_FAULT", "测试甲", null, null,
						"LEGAL_PERSON", null),
				openedAt);
		c.identifyTerminal(sn, "U0000001");
		return c;
	}

	@Test
	void findsTheStoredCaseOfAProcessWithoutWritingThisTransactionsChangesFirst() {
		UnbindingCase stored = opened("SN-Q-10", NOW);
		stored.moveTo(Stage.REVIEW, NOW.plusMinutes(1));

		assertThat(cases.findStoredCaseNumberByProcessInstanceId(stored.getProcessInstanceId()))
			.contains(stored.getCaseNumber());
		assertThat(storedStage(stored)).isNotEqualTo(Stage.REVIEW.name());
		assertThat(cases.findStoredCaseNumberByProcessInstanceId("pi-unknown")).isEmpty();

		// registered in this transaction and not written yet: only the second query of findOfProcess sees it
		UnbindingCase registeredNow = cases.save(unsaved("SN-Q-11", NOW));
		assertThat(cases.findStoredCaseNumberByProcessInstanceId(registeredNow.getProcessInstanceId())).isEmpty();
		assertThat(cases.findOfProcess(stored.getProcessInstanceId())).containsSame(stored);
		assertThat(cases.findOfProcess(registeredNow.getProcessInstanceId())).containsSame(registeredNow);
	}

	private String storedStage(UnbindingCase c) {
		return jdbc.sql("select stage from unbinding_case where case_number = ?")
			.param(c.getCaseNumber())
			.query(String.class)
			.single();
	}

	@Test
	void countsOpenCasesByStage() {
		long before = cases.countByStatusAndStage(CaseStatus.OPEN, Stage.REVIEW);
		UnbindingCase atReview = opened("SN-Q-6", NOW);
		atReview.moveTo(Stage.REVIEW, NOW);
		cases.saveAndFlush(atReview);
		opened("SN-Q-7", NOW);

		assertThat(cases.countByStatusAndStage(CaseStatus.OPEN, Stage.REVIEW)).isEqualTo(before + 1);
	}

}
