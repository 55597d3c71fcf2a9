package org.unbinddesk.api;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Bodies of the requests that pass a merchant's answer to a waiting case.
 */
final class MessageRequests {

	private MessageRequests() {
	}

	record DocumentsSupplied(
			@NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z_]{2,40}", message = "must be a document code such as ID_CARD") String> documents) {
	}

	enum Decision {

		ACCEPT, DECLINE

	}

	record FeeDecision(@NotNull Decision decision, @Size(max = 500) String reason) {
	}

	record Cancellation(@Size(max = 500) String reason) {
	}

}
