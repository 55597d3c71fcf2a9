package org.unbinddesk.process;

import static org.unbinddesk.process.ProcessVariables.DOCUMENTS_DUE_DATE;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the way into "Supply missing documents": the deadline the merchant was given, for the task's due date and the
 * timer that lapses the application.
 */
@Component("scheduleDocuments")
class ScheduleDocumentsListener implements ExecutionListener {

	private final UnbindingSettings settings;

	private final Clock clock;

	ScheduleDocumentsListener(UnbindingSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateExecution execution) {
		LocalDateTime due = LocalDateTime.now(clock).plus(settings.documentsDeadlinePeriod());
		execution.setVariable(DOCUMENTS_DUE_DATE, Date.from(due.atZone(clock.getZone()).toInstant()));
	}

}
