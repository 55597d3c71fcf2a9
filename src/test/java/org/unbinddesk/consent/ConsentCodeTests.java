package org.unbinddesk.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;
import org.unbinddesk.support.WebTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Consent by one-time code over the case API: the code goes by SMS (here the demo outbox) to the legal person's phone
 * on file, says what it confirms and that staff never ask for it; a fee decision or a cancellation is taken only with
 * it; wrong codes, five wrong tries and expiry are refused with stable problem types; only a hash is stored.
 */
class ConsentCodeTests extends WebTestSupport {

	private static final String PROBLEMS = "https://unbinddesk.org/problems/";

	@Autowired
	JdbcClient jdbc;

	private String openFeeCase(Merchant m) {
		String caseNumber = post("intake1", "/api/unbinding-cases", m.applicationJson("APP", "SWITCHING_PROVIDER"))
			.json()
			.get("caseNumber")
			.asText();
		runAsyncSteps();
		return caseNumber;
	}

	private Merchant feeMerchant() {
		return registry.merchant(new Spec().activatedDaysAgo(40).minimumTermMonths(24));
	}

	private Response accept(String caseNumber, String otp) {
		return post("intake1", "/api/unbinding-cases/" + caseNumber + "/fee-decision",
				"{\"decision\": \"ACCEPT\", \"otp\": \"" + otp + "\"}");
	}

	private static String wrong(String code) {
		return code.equals("000000") ? "000001" : "000000";
	}

	@Test
	void acceptsTheFeeOnlyWithTheCodeSentToThePhoneOnFile() {
		Merchant m = feeMerchant();
		String caseNumber = openFeeCase(m);

		Response sent = post("intake1", "/api/unbinding-cases/" + caseNumber + "/consent-codes",
				"{\"purpose\": \"FEE\"}");

		assertThat(sent.status()).isEqualTo(202);
		assertThat(sent.json().get("sentTo").asText()).endsWith(m.phone().substring(7)).startsWith("*");
		assertThat(sent.body()).doesNotContain(m.phone());
		JsonNode sms = get("intake1", "/api/demo/outbox?caseNumber=" + caseNumber).json().get(0);
		assertThat(sms.get("channel").asText()).isEqualTo("SMS");
		assertThat(sms.get("to").asText()).endsWith(m.phone().substring(7));
		assertThat(sms.get("text").asText()).startsWith("【示例收单】")
			.contains("确认终端" + m.terminalId() + "的解绑费用", "受理编号" + caseNumber, "10分钟内有效", "请勿告诉任何人",
					"工作人员不会向您索要验证码", "400-000-0000");
		String code = lastCodeFor(caseNumber);

		Response wrong = accept(caseNumber, wrong(code));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.contentType()).startsWith("application/problem+json");
		assertThat(wrong.json().get("type").asText()).isEqualTo(PROBLEMS + "consent-code-wrong");
		assertThat(wrong.json().get("triesLeft").asInt()).isEqualTo(4);

		Response accepted = accept(caseNumber, code);
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.json().get("stage").asText()).isEqualTo("REVIEW");
	}

	@Test
	void aRequestCannotNameAnotherPhone() {
		Merchant m = feeMerchant();
		String caseNumber = openFeeCase(m);

		Response withPhone = post("intake1", "/api/unbinding-cases/" + caseNumber + "/consent-codes",
				"{\"purpose\": \"FEE\", \"phone\": \"13912345678\"}");

		assertThat(withPhone.status()).isEqualTo(400);
		assertThat(withPhone.json().get("errors").toString()).contains("phone");
		assertThat(get("intake1", "/api/demo/outbox?caseNumber=" + caseNumber).json()).isEmpty();
	}

	@Test
	void fiveWrongCodesInvalidateTheCode() {
		String caseNumber = openFeeCase(feeMerchant());
		String code = consentCode("intake1", caseNumber, "FEE");

		for (int i = 4; i >= 0; i--) {
			Response wrong = accept(caseNumber, wrong(code));
			assertThat(wrong.status()).isEqualTo(422);
			assertThat(wrong.json().get("triesLeft").asInt()).isEqualTo(i);
		}
		Response right = accept(caseNumber, code);

		assertThat(right.status()).isEqualTo(422);
		assertThat(right.json().get("type").asText()).isEqualTo(PROBLEMS + "consent-code-invalid");
		assertThat(get("intake1", "/api/unbinding-cases/" + caseNumber).json().get("stage").asText())
			.isEqualTo("APPLICATION");
	}

	@Test
	void anExpiredCodeIsRefused() {
		String caseNumber = openFeeCase(feeMerchant());
		String code = consentCode("intake1", caseNumber, "FEE");
		jdbc.sql("update consent_code set expires_at = ? where case_number = ?")
			.params(LocalDateTime.now().minusSeconds(1), caseNumber)
			.update();

		Response late = accept(caseNumber, code);

		assertThat(late.status()).isEqualTo(422);
		assertThat(late.json().get("type").asText()).isEqualTo(PROBLEMS + "consent-code-invalid");
	}

	@Test
	void aCancellationNeedsItsOwnCodeAndTheCodeIsStoredHashed() {
		Merchant m = registry.merchant();
		String caseNumber = post("intake1", "/api/unbinding-cases", m.applicationJson("APP", "DEVICE_FAULT"))
			.json()
			.get("caseNumber")
			.asText();
		Response noCode = post("intake1", "/api/unbinding-cases/" + caseNumber + "/cancellation",
				"{\"reason\": \"不解绑了\"}");
		assertThat(noCode.status()).isEqualTo(400);
		assertThat(noCode.json().get("errors").toString()).contains("\"field\":\"otp\"");
		Response noneRequested = post("intake1", "/api/unbinding-cases/" + caseNumber + "/cancellation",
				"{\"otp\": \"123456\"}");
		assertThat(noneRequested.status()).isEqualTo(422);
		assertThat(noneRequested.json().get("type").asText()).isEqualTo(PROBLEMS + "consent-code-invalid");

		String code = consentCode("intake1", caseNumber, "CANCELLATION");

		assertThat(jdbc.sql("select code_hash from consent_code where case_number = ?").param(caseNumber)
			.query(String.class)
			.single()).hasSize(64).doesNotContain(code);
		assertThat(jdbc.sql("select text_zh from notice where case_number = ? and notice_type = 'CONSENT_CODE'")
			.param(caseNumber)
			.query(String.class)
			.single()).contains("验证码******").doesNotContain(code);
		assertThat(post("intake1", "/api/unbinding-cases/" + caseNumber + "/consent-codes",
				"{\"purpose\": \"CANCELLATION\"}").status()).as("a second SMS within a minute").isEqualTo(429);
		Response cancelled = post("intake1", "/api/unbinding-cases/" + caseNumber + "/cancellation",
				"{\"otp\": \"" + code + "\"}");
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("outcome").asText()).isEqualTo("CANCELLED");
		assertThat(post("intake1", "/api/unbinding-cases/" + caseNumber + "/consent-codes",
				"{\"purpose\": \"CANCELLATION\"}").status()).as("closed: nothing to consent to").isEqualTo(409);
	}

}
