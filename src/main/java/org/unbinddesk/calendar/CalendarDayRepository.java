package org.unbinddesk.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {

	List<CalendarDay> findByDayBetweenOrderByDay(LocalDate from, LocalDate to);

}
