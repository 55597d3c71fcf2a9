package org.unbinddesk.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * China's working days: Monday to Friday, except the public holidays in the calendar table, plus the weekend days
 * worked instead (调休). Review SLAs and every "working day" deadline count with it.
 */
@Service
public class WorkingCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

	private final CalendarDayRepository days;

	private final Clock clock;

	/** The calendar's exceptions by year, read once per year and forgotten when a day is changed. */
	private final Map<Integer, Map<LocalDate, CalendarDay>> years = new ConcurrentHashMap<>();

	WorkingCalendar(CalendarDayRepository days, Clock clock) {
		this.days = days;
		this.clock = clock;
	}

	public boolean isWorkingDay(LocalDate date) {
		CalendarDay exception = year(date.getYear()).get(date);
		if (exception != null) {
			return exception.isWorking();
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** The same time of day, that many working days later (a holiday or weekend in between does not count). */
	public LocalDateTime plusWorkingDays(LocalDateTime from, int workingDays) {
		LocalDateTime due = from;
		int added = 0;
		while (added < workingDays) {
			due = due.plusDays(1);
			if (isWorkingDay(due.toLocalDate())) {
				added++;
			}
		}
		return due;
	}

	public List<CalendarDay> exceptionsOf(int year) {
		return days.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/** Records a holiday or a worked weekend day (operations, when the State Council publishes the schedule). */
	@Transactional
	public CalendarDay set(LocalDate day, boolean working, String name) {
		CalendarDay saved = days.save(new CalendarDay(day, working, name));
		years.remove(day.getYear());
		return saved;
	}

	/** Says when the coming year's holidays are not in the calendar yet, so that someone adds them. */
	@EventListener(ApplicationReadyEvent.class)
	void warnWhenNextYearIsMissing() {
		LocalDate today = LocalDate.now(clock);
		for (int year : List.of(today.getYear(), today.getYear() + 1)) {
			if (year(year).isEmpty()) {
				log.warn("The working calendar has no holidays for {}: that year counts weekends only until operations "
						+ "add the State Council's schedule (PUT /api/calendar/{day})", year);
			}
		}
	}

	private Map<LocalDate, CalendarDay> year(int year) {
		return years.computeIfAbsent(year, y -> exceptionsOf(y).stream()
			.collect(Collectors.toMap(CalendarDay::getDay, Function.identity())));
	}

}
