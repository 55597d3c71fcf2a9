package org.unbinddesk.calendar;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A day that differs from the usual week: a public holiday on a weekday, or a weekend day worked instead (调休).
 */
@Entity
@Table(name = "business_calendar")
public class CalendarDay {

	@Id
	@Column(name = "calendar_day")
	private LocalDate day;

	private boolean working;

	private String name;

	protected CalendarDay() {
	}

	public CalendarDay(LocalDate day, boolean working, String name) {
		this.day = day;
		this.working = working;
		this.name = name;
	}

	public LocalDate getDay() {
		return day;
	}

	public boolean isWorking() {
		return working;
	}

	public String getName() {
		return name;
	}

}
