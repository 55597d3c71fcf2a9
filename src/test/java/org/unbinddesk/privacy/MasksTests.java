package org.unbinddesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasksTests {

	@Test
	void keepsOnlyTheLastFourCharacters() {
		assertThat(Masks.last4("110101198001011232")).isEqualTo("**************1232");
		assertThat(Masks.last4("13800000001")).isEqualTo("*******0001");
		assertThat(Masks.last4("123")).isEqualTo("****");
		assertThat(Masks.last4(null)).isNull();
	}

	@Test
	void masksLongNumbersInsideFreeText() {
		assertThat(Masks.scrub("ID 33010619830419012X, phone 13800000001, card 6222020000000000011, amount 1200", 500))
			.isEqualTo("ID **************012X, phone *******0001, card **************0011, amount 1200");
	}

	@Test
	void cutsTextToTheGivenLength() {
		assertThat(Masks.scrub("x".repeat(600), 500)).hasSize(500);
	}

}
