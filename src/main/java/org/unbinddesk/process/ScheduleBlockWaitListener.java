package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.BLOCK_WAIT_UNTIL;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the way into "Send block notice": until when the case waits for its block to clear, for the notice and the
 * timer that lapses the application ({@code unbinddesk.process.block-clear-deadline}).
 */
@Component("scheduleBlockWait")
class ScheduleBlockWaitListener implements ExecutionListener {

	private final UnbindingSettings settings;

	private final Clock clock;

	ScheduleBlockWaitListener(UnbindingSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateExecution execution) {
		LocalDateTime until = LocalDateTime.now(clock).plus(settings.blockClearDeadlinePeriod());
		execution.setVariable(BLOCK_WAIT_UNTIL, Date.from(until.atZone(clock.getZone()).toInstant()));
	}

}
