package org.unbinddesk.unbind;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.unbinddesk.calendar.WorkingCalendar;
import org.unbinddesk.cases.Reason;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.cases.UnbindingCaseRepository;
import org.unbinddesk.merchant.MerchantRepository;

/**
 * When an approved case's terminal stops and when it is unbound, the way the trade does it: the terminal stops taking
 * transactions at the next daily cut-off (日切, default 23:00); it is unbound once the settlement run that pays its last
 * day has passed (T+1: the next working day's run, default 10:00; D0: an hour after the cut-off), and then only at a
 * quiet time (default outside 08:00–22:00). A lost device, suspended on the first call, is stopped and unbound at once.
 * The BPMN's timers ask this bean ({@code ${unbindSchedule.stopAt(execution)}}).
 */
@Component("unbindSchedule")
public class UnbindSchedule {

	private final UnbindingCaseRepository cases;

	private final MerchantRepository merchants;

	private final WorkingCalendar calendar;

	private final Clock clock;

	private final boolean waitForSettlement;

	private final LocalTime cutOff;

	private final LocalTime settlementRun;

	private final Duration sameDaySettlement;

	private final LocalTime busyFrom;

	private final LocalTime busyUntil;

	UnbindSchedule(UnbindingCaseRepository cases, MerchantRepository merchants, WorkingCalendar calendar, Clock clock,
			@Value("${unbinddesk.unbind.wait-for-settlement:true}") boolean waitForSettlement,
			@Value("${unbinddesk.unbind.cut-off:23:00}") LocalTime cutOff,
			@Value("${unbinddesk.unbind.settlement-run:10:00}") LocalTime settlementRun,
			@Value("${unbinddesk.unbind.same-day-settlement:PT1H}") Duration sameDaySettlement,
			@Value("${unbinddesk.unbind.busy-from:08:00}") LocalTime busyFrom,
			@Value("${unbinddesk.unbind.busy-until:22:00}") LocalTime busyUntil) {
		this.cases = cases;
		this.merchants = merchants;
		this.calendar = calendar;
		this.clock = clock;
		this.waitForSettlement = waitForSettlement;
		this.cutOff = cutOff;
		this.settlementRun = settlementRun;
		this.sameDaySettlement = sameDaySettlement;
		this.busyFrom = busyFrom;
		this.busyUntil = busyUntil;
	}

	/** When the approved case's terminal stops taking transactions. */
	public Date stopAt(DelegateExecution execution) {
		return date(stopAt(caseOf(execution), LocalDateTime.now(clock)));
	}

	/** When the stopped terminal is unbound. */
	public Date unbindAt(DelegateExecution execution) {
		UnbindingCase c = caseOf(execution);
		LocalDateTime now = LocalDateTime.now(clock);
		return date(unbindAt(c, settlementMode(c), now));
	}

	LocalDateTime stopAt(UnbindingCase c, LocalDateTime now) {
		if (!waitForSettlement || isLost(c)) {
			return now;
		}
		LocalDateTime today = now.toLocalDate().atTime(cutOff);
		return now.isBefore(today) ? today : today.plusDays(1);
	}

	/** @param now the moment the terminal stopped (the cut-off) */
	LocalDateTime unbindAt(UnbindingCase c, String settlementMode, LocalDateTime now) {
		if (!waitForSettlement || isLost(c)) {
			return now;
		}
		LocalDateTime paid;
		if ("D0".equals(settlementMode)) {
			paid = now.plus(sameDaySettlement);
		}
		else {
			LocalDate runDay = now.toLocalDate().plusDays(1);
			while (!calendar.isWorkingDay(runDay)) {
				runDay = runDay.plusDays(1);
			}
			paid = runDay.atTime(settlementRun);
		}
		return quiet(paid);
	}

	/** The moment itself if it falls in the quiet hours, else the end of that day's busy hours. */
	LocalDateTime quiet(LocalDateTime at) {
		LocalTime time = at.toLocalTime();
		if (!time.isBefore(busyFrom) && time.isBefore(busyUntil)) {
			return at.toLocalDate().atTime(busyUntil);
		}
		return at;
	}

	private String settlementMode(UnbindingCase c) {
		return merchants.findById(c.getMerchantNo()).map(m -> m.getSettlementMode()).orElse("T1");
	}

	private static boolean isLost(UnbindingCase c) {
		return Reason.LOST_DEVICE.name().equals(c.getReason());
	}

	private UnbindingCase caseOf(DelegateExecution execution) {
		return cases.findOfProcess(execution.getProcessInstanceId())
			.orElseThrow(() -> new IllegalStateException("No case for " + execution.getProcessInstanceId()));
	}

	private Date date(LocalDateTime at) {
		return Date.from(at.atZone(clock.getZone()).toInstant());
	}

}
