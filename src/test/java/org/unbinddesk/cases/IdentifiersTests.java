package org.unbinddesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class IdentifiersTests {

	@Test
	void theStartFormChecksTheShapesTheServiceChecks() throws IOException {
		JsonNode form = new ObjectMapper().readTree(Path.of("bpmn/forms/start-unbinding.form").toFile());
		Map<String, String> patterns = new HashMap<>();
		form.findParents("key").forEach(field -> {
			JsonNode pattern = field.path("validate").path("pattern");
			if (pattern.isTextual()) {
				patterns.put(field.get("key").asText(), pattern.asText());
			}
		});
		assertThat(patterns).containsEntry("merchantNo", "^" + Identifiers.MERCHANT_NO + "$")
			.containsEntry("terminalId", "^" + Identifiers.TERMINAL_ID + "$")
			.containsEntry("applicantIdNumber", "^" + Identifiers.ID_NUMBER + "$")
			.containsEntry("applicantPhone", "^" + Identifiers.MOBILE + "$");
	}

	@Test
	void aRequestNamesItsMalformedFieldsWithoutCuttingThemToFit() {
		CaseRequest overlong = new CaseRequest("PHONE", "8981000000000001", "T000000", "SN 1", "DEVICE_FAULT", "张三",
				"110105194912310021X", "1380000000", "LEGAL_PERSON", "NOT_A_DOCUMENT").normalized();
		assertThat(overlong.malformedFields()).containsExactly("merchantNo", "terminalId", "terminalSn",
				"applicantIdNumber", "applicantPhone", "documents");
		assertThat(overlong.fitted().merchantNo()).hasSize(15);
	}

	@Test
	void blankFieldsCountAsMissing() {
		CaseRequest blank = new CaseRequest(" ", " ", null, null, "", "  ", "", null, null, null).normalized();
		assertThat(blank.malformedFields()).containsExactly("channel", "merchantNo", "terminalId", "reason",
				"applicantName", "applicantIdNumber", "applicantPhone", "applicantRole");
	}

}
