package org.unbinddesk.api;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.unbinddesk.cases.Identifiers;
import org.unbinddesk.consent.ConsentPurpose;
import org.unbinddesk.unbind.Courier;

/**
 * Bodies of the requests that pass a merchant's answer to a waiting case.
 */
final class MessageRequests {

	private MessageRequests() {
	}

	record DocumentsSupplied(
			@NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = Identifiers.DOCUMENT_CODE, message = "must be a document code such as ID_CARD") String> documents) {
	}

	enum Decision {

		ACCEPT, DECLINE

	}

	/** @param otp the one-time code sent to the legal person's phone on file for FEE (consent-codes) */
	record FeeDecision(@NotNull Decision decision, @Size(max = 500) String reason,
			@NotNull @Pattern(regexp = "\\d{6}", message = "must be the 6-digit one-time code") String otp) {
	}

	/** @param otp the one-time code sent to the legal person's phone on file for CANCELLATION (consent-codes) */
	record Cancellation(@Size(max = 500) String reason,
			@NotNull @Pattern(regexp = "\\d{6}", message = "must be the 6-digit one-time code") String otp) {
	}

	/** @param note what the merchant said about the call (masked before it is kept), optional */
	record SuspiciousCall(@Size(max = 500) String note) {
	}

	/**
	 * @param courier the courier the merchant sent the device with
	 * @param waybillNumber its waybill number (letters and digits)
	 */
	record DeviceShipment(@NotNull Courier courier,
			@NotNull @Pattern(regexp = "[A-Za-z0-9]{6,30}", message = "must be a waybill number: 6 to 30 letters or digits") String waybillNumber) {
	}

	/** @param otp the one-time code sent to the legal person's phone on file for UNBINDING (consent-codes) */
	record MerchantConsent(
			@NotNull @Pattern(regexp = "\\d{6}", message = "must be the 6-digit one-time code") String otp) {
	}

	record ConsentCodeRequest(@NotNull ConsentPurpose purpose) {
	}

}
