package org.unbinddesk.unbind;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unbinddesk.calendar.WorkingCalendar;
import org.unbinddesk.cases.CaseRequest;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.cases.UnbindingCaseRepository;
import org.unbinddesk.merchant.MerchantRepository;
import org.unbinddesk.support.WebTestSupport;

/**
 * The trade's order after approval, with the shipped defaults: stop at the 23:00 cut-off, unbind once the run that
 * pays the last day has passed (T+1 on the next working day at 10:00, D0 an hour after the cut-off), in the quiet
 * hours (not 08:00–22:00); a lost device at once.
 */
class UnbindScheduleTests extends WebTestSupport {

	@Autowired
	UnbindingCaseRepository cases;

	@Autowired
	MerchantRepository merchants;

	@Autowired
	WorkingCalendar calendar;

	private UnbindSchedule shipped() {
		return new UnbindSchedule(cases, merchants, calendar, Clock.system(ZoneId.of("Asia/Shanghai")), true,
				LocalTime.of(23, 0), LocalTime.of(10, 0), Duration.ofHours(1), LocalTime.of(8, 0), LocalTime.of(22, 0));
	}

	private static UnbindingCase caseFor(String reason) {
		return new UnbindingCase("UB-20261125-000001", "pi", new CaseRequest("PHONE", "898110000000001", "T0000001",
				null, reason, "张伟", "110101198001011232", "13800000001", "LEGAL_PERSON", null),
				LocalDateTime.of(2026, 11, 25, 9, 0));
	}

	@Test
	void stopsAtTheNextDailyCutOff() {
		assertThat(shipped().stopAt(caseFor("DEVICE_FAULT"), LocalDateTime.of(2026, 11, 25, 15, 0)))
			.isEqualTo(LocalDateTime.of(2026, 11, 25, 23, 0));
		assertThat(shipped().stopAt(caseFor("DEVICE_FAULT"), LocalDateTime.of(2026, 11, 25, 23, 30)))
			.isEqualTo(LocalDateTime.of(2026, 11, 26, 23, 0));
	}

	@Test
	void unbindsAfterTheNextWorkingDaysSettlementRunInTheQuietHours() {
		// stopped Wednesday 23:00: Thursday's 10:00 run pays the last day; unbound at 22:00
		assertThat(shipped().unbindAt(caseFor("DEVICE_FAULT"), "T1", LocalDateTime.of(2026, 11, 25, 23, 0)))
			.isEqualTo(LocalDateTime.of(2026, 11, 26, 22, 0));
		// stopped on 30 September: the next run is after National Day, on 8 October
		assertThat(shipped().unbindAt(caseFor("DEVICE_FAULT"), "T1", LocalDateTime.of(2026, 9, 30, 23, 0)))
			.isEqualTo(LocalDateTime.of(2026, 10, 8, 22, 0));
		// a D0 merchant is paid the same day: midnight is already quiet
		assertThat(shipped().unbindAt(caseFor("DEVICE_FAULT"), "D0", LocalDateTime.of(2026, 11, 25, 23, 0)))
			.isEqualTo(LocalDateTime.of(2026, 11, 26, 0, 0));
	}

	@Test
	void aLostDeviceIsStoppedAndUnboundAtOnce() {
		LocalDateTime noon = LocalDateTime.of(2026, 11, 25, 12, 0);

		assertThat(shipped().stopAt(caseFor("LOST_DEVICE"), noon)).isEqualTo(noon);
		assertThat(shipped().unbindAt(caseFor("LOST_DEVICE"), "T1", noon)).isEqualTo(noon);
	}

}
