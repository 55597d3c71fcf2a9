package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.REVIEW_DUE_DATE;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.unbinddesk.calendar.WorkingCalendar;

/**
 * On the way into review: the due date of the review task and its escalation timer, from the SLA in China's working
 * days (holidays and make-up working days counted), in the business time zone.
 */
@Component("scheduleReview")
class ScheduleReviewListener implements ExecutionListener {

	private final UnbindingSettings settings;

	private final WorkingCalendar calendar;

	private final Clock clock;

	ScheduleReviewListener(UnbindingSettings settings, WorkingCalendar calendar, Clock clock) {
		this.settings = settings;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateExecution execution) {
		LocalDateTime due = calendar.plusWorkingDays(LocalDateTime.now(clock), settings.getReviewSlaWorkingDays());
		execution.setVariable(REVIEW_DUE_DATE, Date.from(due.atZone(clock.getZone()).toInstant()));
	}

}
