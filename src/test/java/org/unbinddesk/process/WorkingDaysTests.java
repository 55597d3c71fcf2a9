package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class WorkingDaysTests {

	@Test
	void skipsTheWeekend() {
		LocalDateTime friday = LocalDateTime.of(2026, 11, 27, 16, 0);

		assertThat(WorkingDays.plus(friday, 1)).isEqualTo(LocalDateTime.of(2026, 11, 30, 16, 0));
		assertThat(WorkingDays.plus(LocalDateTime.of(2026, 11, 25, 9, 0), 1))
			.isEqualTo(LocalDateTime.of(2026, 11, 26, 9, 0));
		assertThat(WorkingDays.plus(LocalDateTime.of(2026, 11, 28, 9, 0), 1))
			.isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 0));
	}

}
