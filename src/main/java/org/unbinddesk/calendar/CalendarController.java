package org.unbinddesk.calendar;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The working calendar: read by everyone who works cases, kept by operations when the State Council publishes the
 * next year's holidays.
 */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "Working calendar")
@SecurityRequirement(name = "basic")
class CalendarController {

	private final WorkingCalendar calendar;

	CalendarController(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping
	@Operation(operationId = "listCalendarDays", summary = "A year's public holidays and make-up working days (调休)")
	List<CalendarDay> year(@RequestParam @Min(2000) @Max(2100) int year) {
		return calendar.exceptionsOf(year);
	}

	@PutMapping(path = "/{day}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "putCalendarDay", summary = "Record a public holiday (working=false) or a weekend day worked instead (working=true)")
	CalendarDay set(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@Valid @RequestBody Entry entry) {
		return calendar.set(day, entry.working(), entry.name().strip());
	}

	record Entry(@NotNull Boolean working, @NotBlank @Size(max = 40) String name) {
	}

}
