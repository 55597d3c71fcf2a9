package org.unbinddesk.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.unbinddesk.cases.Identifiers;
import org.unbinddesk.cases.ApplicantRole;
import org.unbinddesk.cases.Channel;
import org.unbinddesk.cases.Reason;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an intake system sends to open a case.
 */
@Schema(description = "A merchant's request to unbind a terminal, as taken by an intake channel")
record OpenCaseRequest(@NotNull Channel channel,
		@NotNull @Pattern(regexp = Identifiers.MERCHANT_NO, message = "must be 15 digits") @Schema(example = "898100000000000") String merchantNo,
		@Pattern(regexp = Identifiers.TERMINAL_ID, message = "must be 8 letters or digits") @Schema(example = "T0000000") String terminalId,
		@Pattern(regexp = Identifiers.SERIAL_NUMBER, message = "must be up to 32 letters, digits and dashes") String terminalSn,
		@NotNull Reason reason, @NotNull @Valid Applicant applicant,
		@Size(max = 20) List<@NotNull @Pattern(regexp = Identifiers.DOCUMENT_CODE, message = "must be a document code such as ID_CARD") String> documents,
		@Pattern(regexp = Identifiers.SERIAL_NUMBER, message = "must be up to 32 letters, digits and dashes") String replacementTerminalSn) {

	@JsonIgnore
	@AssertTrue(message = "give terminalId or terminalSn")
	boolean isTerminalGiven() {
		return terminalId != null || terminalSn != null;
	}

	@Schema(description = "Who asks: the legal person or an authorised agent")
	record Applicant(
			@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]+", message = "may not hold control characters") @Schema(example = "张三") String name,
			@NotNull @ValidIdNumber @Schema(example = "110101190001011234") String idNumber,
			@NotNull @Pattern(regexp = Identifiers.MOBILE, message = "must be a mainland mobile number") @Schema(example = "13800000000") String phone,
			@NotNull ApplicantRole role) {

		@Override
		public String toString() {
			return "Applicant[role=" + role + "]";
		}
	}

}
