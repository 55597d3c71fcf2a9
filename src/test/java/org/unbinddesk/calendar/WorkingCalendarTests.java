package org.unbinddesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unbinddesk.support.WebTestSupport;

/**
 * Working days are China's: the State Council's holidays do not count, the weekend days worked instead (调休) do.
 */
class WorkingCalendarTests extends WebTestSupport {

	@Autowired
	WorkingCalendar calendar;

	@Test
	void skipsPublicHolidaysAndCountsMakeUpWorkingDays() {
		// National Day: 1–7 October 2026 off, Saturday 10 October worked
		assertThat(calendar.plusWorkingDays(LocalDateTime.of(2026, 9, 30, 10, 0), 1))
			.isEqualTo(LocalDateTime.of(2026, 10, 8, 10, 0));
		assertThat(calendar.plusWorkingDays(LocalDateTime.of(2026, 10, 9, 10, 0), 1))
			.isEqualTo(LocalDateTime.of(2026, 10, 10, 10, 0));
		// Spring Festival: Saturday 14 February worked, 15–23 February off
		assertThat(calendar.plusWorkingDays(LocalDateTime.of(2026, 2, 13, 16, 0), 1))
			.isEqualTo(LocalDateTime.of(2026, 2, 14, 16, 0));
		assertThat(calendar.plusWorkingDays(LocalDateTime.of(2026, 2, 14, 16, 0), 1))
			.isEqualTo(LocalDateTime.of(2026, 2, 24, 16, 0));
		// an ordinary weekend
		assertThat(calendar.plusWorkingDays(LocalDateTime.of(2026, 11, 27, 16, 0), 1))
			.isEqualTo(LocalDateTime.of(2026, 11, 30, 16, 0));
	}

	@Test
	void operationsKeepTheCalendarAndOthersOnlyReadIt() {
		String newYear = "{\"working\": false, \"name\": \"元旦\"}";

		assertThat(send("reviewer1", put("/api/calendar/2027-01-01", newYear)).status()).isEqualTo(403);
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
		assertThat(send("ops1", put("/api/calendar/2027-01-01", newYear)).status()).isEqualTo(200);
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();

		assertThat(get("reviewer1", "/api/calendar?year=2026").json().findValuesAsText("name")).contains("国庆节",
				"国庆节调休上班", "春节");
		assertThat(send("ops1", put("/api/calendar/2027-01-02", "{\"working\": 1, \"name\": \"x\"}")).status())
			.isEqualTo(400);
	}

	private HttpRequest.Builder put(String path, String json) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json));
	}

}
