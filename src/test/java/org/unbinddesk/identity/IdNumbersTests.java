package org.unbinddesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumbersTests {

	@ParameterizedTest
	@ValueSource(strings = { "110101198001011232", "33010619830419012X", "33010619830419012x" })
	void acceptsNumbersWithTheRightCheckCharacter(String id) {
		assertThat(IdNumbers.isValid(id)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "110101198001011233", "110101198013011232", "11010119800101123", "1101011980010112321",
			"11010119800101123A", "110101 98001011232", "110101202602301239", "990101219901011230" })
	void refusesNumbersWithAWrongCheckCharacterDateOrShape(String id) {
		assertThat(IdNumbers.isValid(id)).isFalse();
	}

}
