package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.REVIEW_DUE_DATE;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the way into review: the due date of the review task and its escalation timer, from the SLA in working days.
 */
@Component("scheduleReview")
class ScheduleReviewListener implements ExecutionListener {

	private final UnbindingSettings settings;

	private final Clock clock;

	ScheduleReviewListener(UnbindingSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateExecution execution) {
		LocalDateTime due = WorkingDays.plus(LocalDateTime.now(clock), settings.getReviewSlaWorkingDays());
		execution.setVariable(REVIEW_DUE_DATE, Date.from(due.atZone(ZoneId.systemDefault()).toInstant()));
	}

}
