package org.unbinddesk.process;

import java.time.DayOfWeek;
import java.time.LocalDateTime;

/**
 * Adds working days (Monday to Friday) to a moment, for review SLAs. Public holidays are not counted as working days
 * only where the acquirer's calendar is loaded; this default knows weekends.
 */
final class WorkingDays {

	private WorkingDays() {
	}

	static LocalDateTime plus(LocalDateTime from, int workingDays) {
		LocalDateTime due = from;
		int added = 0;
		while (added < workingDays) {
			due = due.plusDays(1);
			if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
				added++;
			}
		}
		return due;
	}

}
