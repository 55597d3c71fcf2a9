package org.unbinddesk.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.WebTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request not made in the merchant's own app (an agent on the phone, a chat, WeChat) is carried out only once the
 * legal person or operator has confirmed it with a one-time code sent to the phone on file: no reviewer can approve it
 * before, whatever API drives the engine, and a wrong code changes nothing.
 */
class MerchantConsentTests extends WebTestSupport {

	@Autowired
	JdbcClient jdbc;

	private String openAtReview(Merchant m, String channel) {
		String caseNumber = post("intake1", "/api/unbinding-cases", m.applicationJson(channel, "BUSINESS_CLOSED")).json()
			.get("caseNumber")
			.asText();
		runAsyncSteps();
		return caseNumber;
	}

	private Response approve(String user, String caseNumber) {
		String task = get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
				+ "&taskDefinitionKey=Task_ReviewApplication").json().get(0).get("id").asText();
		post(user, "/engine-rest/task/" + task + "/claim", "{\"userId\": \"" + user + "\"}");
		return post(user, "/engine-rest/task/" + task + "/complete",
				"{\"variables\": {\"reviewDecision\": {\"value\": \"APPROVE\"}}}");
	}

	private long audited(String caseNumber, String action) {
		return jdbc.sql("select count(*) from audit_entry where case_number = ? and action = ?")
			.params(caseNumber, action)
			.query(Long.class)
			.single();
	}

	@Test
	void aRequestTakenOnThePhoneIsApprovedOnlyAfterTheMerchantConfirmedItWithTheCode() {
		Merchant m = registry.merchant();
		String caseNumber = openAtReview(m, "PHONE");
		JsonNode view = get("intake1", "/api/unbinding-cases/" + caseNumber).json();
		assertThat(view.at("/merchantConsent/required").asBoolean()).isTrue();
		assertThat(view.at("/merchantConsent/givenAt").isNull()).isTrue();
		// the merchant is told how to confirm, and never to give the code to anyone
		assertThat(view.at("/notices/0/text").asText()).contains("须您本人确认", "验证码", "如非您本人申请");

		Response early = approve("reviewer1", caseNumber);
		assertThat(early.status()).as(early.body()).isNotEqualTo(204);
		assertThat(early.body()).contains("商户尚未确认本次解绑申请");
		assertThat(get("intake1", "/api/unbinding-cases/" + caseNumber).json().get("stage").asText()).isEqualTo("REVIEW");

		String otp = consentCode("intake1", caseNumber, "UNBINDING");
		String wrong = otp.equals("000000") ? "111111" : "000000";
		Response refused = post("intake1", "/api/unbinding-cases/" + caseNumber + "/consent", "{\"otp\": \"" + wrong + "\"}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(audited(caseNumber, "MERCHANT_CONSENT_GIVEN")).isZero();
		assertThat(lastCodeSms(caseNumber)).contains("确认由您本人申请解绑终端" + m.terminalId(), "请勿告诉任何人");

		Response confirmed = post("intake1", "/api/unbinding-cases/" + caseNumber + "/consent", "{\"otp\": \"" + otp + "\"}");

		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().at("/merchantConsent/givenAt").isNull()).isFalse();
		assertThat(confirmed.json().at("/merchantConsent/via").asText()).isEqualTo("intake1");
		assertThat(confirmed.json().at("/merchantConsent/method").asText()).isEqualTo("SMS_ONE_TIME_CODE");
		assertThat(audited(caseNumber, "MERCHANT_CONSENT_GIVEN")).isEqualTo(1);
		// the code is spent: a replay confirms nothing more
		Response replay = post("intake1", "/api/unbinding-cases/" + caseNumber + "/consent", "{\"otp\": \"" + otp + "\"}");
		assertThat(replay.status()).isEqualTo(409);
		assertThat(approve("reviewer1", caseNumber).status()).isEqualTo(204);
		runAsyncSteps();
		assertThat(get("intake1", "/api/unbinding-cases/" + caseNumber).json().at("/terminal/status").asText())
			.isEqualTo("DISABLED");
	}

	@Test
	void aRequestFromTheMerchantsAppNeedsNoFurtherConfirmation() {
		Merchant m = registry.merchant();
		String caseNumber = openAtReview(m, "APP");

		JsonNode view = get("intake1", "/api/unbinding-cases/" + caseNumber).json();
		Response code = post("intake1", "/api/unbinding-cases/" + caseNumber + "/consent-codes",
				"{\"purpose\": \"UNBINDING\"}");

		assertThat(view.at("/merchantConsent/required").asBoolean()).isFalse();
		assertThat(view.at("/notices/0/text").asText()).doesNotContain("须您本人确认");
		assertThat(code.status()).isEqualTo(409);
		assertThat(approve("reviewer1", caseNumber).status()).isEqualTo(204);
	}

	@Test
	void anAgentCannotRecordTheConsentWithoutTheCode() {
		Merchant m = registry.merchant();
		String caseNumber = openAtReview(m, "CHAT");

		List<Response> attempts = List.of(
				post("agent1", "/api/unbinding-cases/" + caseNumber + "/consent", "{}"),
				post("agent1", "/api/unbinding-cases/" + caseNumber + "/consent", "{\"otp\": 123456}"),
				post("agent1", "/api/unbinding-cases/" + caseNumber + "/consent", "{\"otp\": \"123456\"}"),
				post("reviewer1", "/api/unbinding-cases/" + caseNumber + "/consent", "{\"otp\": \"123456\"}"));
		String pi = jdbc.sql("select process_instance_id from unbinding_case where case_number = ?")
			.param(caseNumber)
			.query(String.class)
			.single();
		Response variable = send("reviewer1", java.net.http.HttpRequest
			.newBuilder(uri("/engine-rest/process-instance/" + pi + "/variables/merchantConsented"))
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"value\": true, \"type\": \"Boolean\"}")));

		assertThat(attempts.get(0).status()).isEqualTo(400);
		assertThat(attempts.get(1).status()).isEqualTo(400);
		// no code was ever sent: there is nothing to match
		assertThat(attempts.get(2).status()).isIn(409, 422);
		assertThat(attempts.get(3).status()).isEqualTo(403);
		assertThat(variable.status()).isEqualTo(403);
		assertThat(audited(caseNumber, "MERCHANT_CONSENT_GIVEN")).isZero();
		assertThat(jdbc.sql("select count(*) from unbinding_case where case_number = ? and merchant_consent_at is not null")
			.param(caseNumber)
			.query(Long.class)
			.single()).isZero();
		assertThat(approve("reviewer1", caseNumber).status()).isNotEqualTo(204);
	}

	private String lastCodeSms(String caseNumber) {
		JsonNode outbox = get("intake1", "/api/demo/outbox?caseNumber=" + caseNumber).json();
		String text = "";
		for (JsonNode message : outbox) {
			if (message.toString().contains("验证码")) {
				text = message.toString();
			}
		}
		return text;
	}

}
