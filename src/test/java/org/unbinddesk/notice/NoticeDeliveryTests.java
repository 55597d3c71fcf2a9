package org.unbinddesk.notice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.unbinddesk.merchant.MerchantRepository;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;
import org.unbinddesk.support.WebTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Notices delivered for real: the SMS and WeChat gateways are WireMock servers, the mail server is GreenMail (SMTP).
 * Each notice reaches the merchant once, on the merchant's channel, in the merchant's words; a gateway that is down,
 * slow, failing or garbled gets the same notice again later, and after the last try the notice is FAILED, counted
 * for operations and shown in the case view; signed receipts from the gateway mark it DELIVERED.
 */
@AutoConfigureObservability
// a context of its own: its engine must not take the name of the shared one, whose REST API and web apps find it by name
@TestPropertySource(properties = { "camunda.bpm.generate-unique-process-engine-name=true",
		"spring.datasource.url=jdbc:h2:mem:unbinddesk-notices;DB_CLOSE_DELAY=-1",
		"unbinddesk.notices.delivery=gateways", "unbinddesk.notices.callback-secret=receipt-secret",
		"unbinddesk.notices.sms.read-timeout=1s", "unbinddesk.notices.wechat.read-timeout=1s",
		"unbinddesk.notices.sms.account=acq-test", "unbinddesk.notices.dispatch.batch=200",
		"spring.mail.host=localhost" })
class NoticeDeliveryTests extends WebTestSupport {

	static final WireMockServer gateways = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		gateways.start();
		mail.start();
	}

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry properties) {
		properties.add("unbinddesk.notices.sms.url", gateways::baseUrl);
		properties.add("unbinddesk.notices.wechat.url", gateways::baseUrl);
		properties.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@AfterAll
	static void stop() {
		gateways.stop();
		mail.stop();
	}

	@Autowired
	NoticeDispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoticeRepository noticeRepository;

	@Autowired
	MerchantRepository merchants;

	@Autowired
	NoticeSenders senders;

	@Autowired
	NoticeService texts;

	@Autowired
	NoticeProperties properties;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@BeforeEach
	void gatewaysUp() {
		gateways.resetAll();
		// every request matches a stub, so WireMock never reports (and prints) an unmatched one
		gateways.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
		gateways.stubFor(WireMock.post(urlPathEqualTo("/sms/messages")).atPriority(5)
			.willReturn(okJson("{\"code\": \"OK\", \"messageId\": \"sms-1\"}")));
		gateways.stubFor(WireMock.post(urlPathEqualTo("/template-messages")).atPriority(5)
			.willReturn(okJson("{\"code\": \"OK\", \"messageId\": \"wx-1\"}")));
	}

	private String openCase(Merchant m, String reason) {
		String caseNumber = post("intake1", "/api/unbinding-cases", m.applicationJson("APP", reason)).json()
			.get("caseNumber")
			.asText();
		runAsyncSteps();
		return caseNumber;
	}

	private List<LoggedRequest> smsTo(Merchant m) {
		return gateways.findAll(postRequestedFor(urlPathEqualTo("/sms/messages"))
			.withRequestBody(matchingJsonPath("$.phone", equalTo(m.phone()))));
	}

	private JsonNode notice(String caseNumber) {
		return get("intake1", "/api/unbinding-cases/" + caseNumber + "/notices").json().get(0);
	}

	private void dueNow(String caseNumber) {
		jdbc.sql("update notice set next_attempt_at = ? where case_number = ?")
			.params(LocalDateTime.now().minusSeconds(1), caseNumber)
			.update();
	}

	private static JsonNode body(LoggedRequest request) {
		try {
			return JSON.readTree(request.getBodyAsString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void sendsTheFeeNoticeBySmsToThePhoneOnFileOnceInChinese() {
		Merchant m = registry.merchant(new Spec().activatedDaysAgo(40).minimumTermMonths(24));
		String caseNumber = openCase(m, "SWITCHING_PROVIDER");

		dispatcher.dispatchDue();
		dispatcher.dispatchDue();

		List<LoggedRequest> sms = smsTo(m);
		assertThat(sms).as("one SMS, however often the dispatcher runs").hasSize(1);
		JsonNode request = body(sms.get(0));
		assertThat(request.get("account").asText()).isEqualTo("acq-test");
		assertThat(request.get("templateId").asText()).isEqualTo("SMS_FEE_NOTICE");
		assertThat(request.get("outId").asText()).startsWith("notice-");
		assertThat(sms.get(0).getHeader("Idempotency-Key")).isEqualTo(request.get("outId").asText());
		String text = request.get("content").asText();
		assertThat(text).startsWith("【示例收单】")
			.contains("受理编号" + caseNumber, "提前解约费￥", "年", "月", "日前通过商户客户端或官方客服热线400-000-0000确认",
					"工作人员不会向您索要验证码或密码，也不会要求您下载任何手机软件或转账", "拨打官方客服热线400-000-0000核实")
			.doesNotContain("案件号", "CNY", "元", m.idNumber());
		assertThat(text.replaceAll("UB-\\d{8}-\\d+|U\\d{7}", "")).as("no English in a Chinese notice")
			.doesNotContainPattern("[A-Za-z]{2,}");
		JsonNode notice = notice(caseNumber);
		assertThat(notice.get("status").asText()).isEqualTo("SENT");
		assertThat(notice.get("channel").asText()).isEqualTo("SMS");
		assertThat(notice.get("attempts").asInt()).isEqualTo(1);
	}

	@Test
	void sendsByEmailToACompanyThatChoseItInEnglish() throws Exception {
		Merchant m = registry.merchant(new Spec().company().english());
		String address = "finance-" + m.merchantNo() + "@merchant.example";
		jdbc.sql("update merchant set notice_channel = 'EMAIL', email = ? where merchant_no = ?")
			.params(address, m.merchantNo())
			.update();
		String caseNumber = openCase(m, "BUSINESS_CLOSED");

		dispatcher.dispatchDue();

		List<MimeMessage> received = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				received.add(message);
			}
		}
		assertThat(received).hasSize(1);
		MimeMessage message = received.get(0);
		assertThat(message.getSubject()).isEqualTo("[Example Acquiring] Terminal unbinding, case " + caseNumber);
		assertThat(message.getFrom()[0].toString()).isEqualTo("notices@unbinddesk.example");
		assertThat(message.getContent().toString()).startsWith("[Example Acquiring] Dear ")
			.contains(m.terminalId(), "never ask for verification codes", "official hotline 400-000-0000");
		String deliveryId = jdbc.sql("select delivery_id from notice where case_number = ?").param(caseNumber)
			.query(String.class)
			.single();
		assertThat(message.getMessageID()).as("the delivery id: a resent notice is the same message")
			.isEqualTo("<" + deliveryId + "@unbinddesk>");
		assertThat(notice(caseNumber).get("status").asText()).isEqualTo("SENT");
		assertThat(smsTo(m)).isEmpty();
	}

	@Test
	void sendsAWeChatTemplateMessageToTheFollower() {
		Merchant m = registry.merchant();
		jdbc.sql("update merchant set notice_channel = 'WECHAT', wechat_open_id = ? where merchant_no = ?")
			.params("openid-" + m.merchantNo(), m.merchantNo())
			.update();
		String caseNumber = openCase(m, "BUSINESS_CLOSED");

		dispatcher.dispatchDue();

		List<LoggedRequest> sent = gateways.findAll(postRequestedFor(urlPathEqualTo("/template-messages"))
			.withRequestBody(matchingJsonPath("$.toUser", equalTo("openid-" + m.merchantNo()))));
		assertThat(sent).hasSize(1);
		JsonNode request = body(sent.get(0));
		assertThat(request.get("templateId").asText()).isEqualTo("WX_ACTION_NEEDED");
		assertThat(request.at("/data/caseNumber").asText()).isEqualTo(caseNumber);
		assertThat(request.at("/data/content").asText()).startsWith("【示例收单】").contains("不收取任何费用");
		assertThat(notice(caseNumber).get("channel").asText()).isEqualTo("WECHAT");
		assertThat(smsTo(m)).isEmpty();
	}

	@Test
	void retriesAGatewayThatIsDownSlowFailingOrGarbledThenRaisesTheNotice() {
		Merchant m = registry.merchant();
		String caseNumber = openCase(m, "BUSINESS_CLOSED");
		java.util.function.Supplier<com.github.tomakehurst.wiremock.client.MappingBuilder> mine = () -> WireMock
			.post(urlPathEqualTo("/sms/messages"))
			.atPriority(1)
			.withRequestBody(matchingJsonPath("$.phone", equalTo(m.phone())));
		List<com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> failures = List.of(
				aResponse().withStatus(503), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
				okJson("{\"code\": \"OK\", \"messageId\": \"late\"}").withFixedDelay(2500),
				aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>busy</html>"),
				okJson("{\"code\": \"ACCOUNT_SUSPENDED\", \"message\": \"check 13800000001\"}"));

		LocalDateTime before = LocalDateTime.now();
		List<String> reasons = new ArrayList<>();
		for (int i = 0; i < failures.size(); i++) {
			gateways.stubFor(mine.get().willReturn(failures.get(i)));
			dueNow(caseNumber);
			dispatcher.dispatchDue();
			JsonNode notice = notice(caseNumber);
			assertThat(notice.get("attempts").asInt()).isEqualTo(i + 1);
			reasons.add(notice.get("failureReason").asText());
			assertThat(notice.get("status").asText()).isEqualTo(i < failures.size() - 1 ? "PENDING" : "FAILED");
			if (i == 0) {
				LocalDateTime next = jdbc.sql("select next_attempt_at from notice where case_number = ?")
					.param(caseNumber)
					.query(LocalDateTime.class)
					.single();
				assertThat(next).as("first retry after 2 of the 30 minutes")
					.isBetween(before.plusMinutes(2).minusSeconds(5), LocalDateTime.now().plusMinutes(2));
			}
		}

		assertThat(reasons.get(0)).contains("503");
		assertThat(reasons.get(3)).contains("not JSON");
		assertThat(reasons.get(4)).contains("ACCOUNT_SUSPENDED").doesNotContain("13800000001");
		List<LoggedRequest> attempts = smsTo(m);
		assertThat(attempts).hasSize(5);
		assertThat(attempts.stream().map(r -> r.getHeader("Idempotency-Key")).distinct()).as("one delivery id")
			.hasSize(1);
		dueNow(caseNumber);
		dispatcher.dispatchDue();
		assertThat(smsTo(m)).as("no sixth try").hasSize(5);
		JsonNode view = get("supervisor1", "/api/unbinding-cases/" + caseNumber).json();
		assertThat(view.get("notices").get(0).get("status").asText()).isEqualTo("FAILED");
		Response prometheus = get(null, "/actuator/prometheus");
		assertThat(prometheus.status()).as(prometheus.body()).isEqualTo(200);
		String metrics = prometheus.body();
		Matcher failed = Pattern.compile("unbinddesk_notices\\{[^}]*status=\"FAILED\"[^}]*\\} (\\d+)").matcher(metrics);
		assertThat(failed.find()).as("unbinddesk_notices{status=FAILED} in the metrics").isTrue();
		assertThat(Double.parseDouble(failed.group(1))).isGreaterThanOrEqualTo(1);
	}

	@Test
	void severalNodesSendEachNoticeOnce() throws Exception {
		Merchant m = registry.merchant();
		gateways.stubFor(WireMock.post(urlPathEqualTo("/sms/messages")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.phone", equalTo(m.phone())))
			.willReturn(okJson("{\"code\": \"OK\", \"messageId\": \"sms-n\"}").withFixedDelay(50)));
		for (int i = 0; i < 12; i++) {
			jdbc.sql("""
					insert into notice (case_number, merchant_no, notice_type, language, text_zh, text_en, status,
					    created_at, channel, delivery_id, attempts, next_attempt_at)
					values ('UB-20261126-999999', ?, 'CANCELLATION', 'zh-CN', ?, 'cancelled', 'PENDING', ?, 'SMS', ?, 0, ?)""")
				.params(m.merchantNo(), "【示例收单】已取消" + i, LocalDateTime.now(), "notice-node-test-" + m.merchantNo() + "-" + i,
						LocalDateTime.now().minusSeconds(1))
				.update();
		}
		ExecutorService nodes = Executors.newFixedThreadPool(3);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> rounds = new ArrayList<>();
		for (String node : List.of("node-a", "node-b", "node-c")) {
			rounds.add(nodes.submit(() -> {
				go.await();
				return dispatcher.dispatchDue(node);
			}));
		}
		go.countDown();
		int attempted = 0;
		for (Future<Integer> round : rounds) {
			attempted += round.get();
		}
		nodes.shutdown();

		// a request that timed out on a cold gateway is tried again once due, like any failed attempt
		jdbc.sql("update notice set next_attempt_at = ? where merchant_no = ? and status = 'PENDING'")
			.params(LocalDateTime.now().minusSeconds(1), m.merchantNo())
			.update();
		dispatcher.dispatchDue("node-a");

		List<LoggedRequest> sms = smsTo(m);
		Set<String> ids = new HashSet<>();
		sms.forEach(r -> ids.add(r.getHeader("Idempotency-Key")));
		long attempts = jdbc.sql("select sum(attempts) from notice where merchant_no = ?")
			.param(m.merchantNo())
			.query(Long.class)
			.single();
		assertThat(attempted).as("each notice taken by one node").isEqualTo(12);
		assertThat(ids).hasSize(12);
		assertThat(sms).as("no request but the attempts the nodes recorded").hasSize((int) attempts);
		assertThat(attempts).as("nothing sent twice when the gateway answers in time").isLessThanOrEqualTo(15);
		assertThat(jdbc.sql("select count(*) from notice where merchant_no = ? and status = 'SENT'")
			.param(m.merchantNo())
			.query(Long.class)
			.single()).isEqualTo(12);
	}

	/** A node of its own, sending rounds of {@code batch} notices held for {@code lease}. */
	private NoticeDispatcher dispatcher(int batch, Duration lease) {
		return dispatcher(batch, lease, senders);
	}

	private NoticeDispatcher dispatcher(int batch, Duration lease, NoticeSenders senders) {
		NoticeProperties.Dispatch dispatch = new NoticeProperties.Dispatch(true, batch, lease, 5, Duration.ofMinutes(30));
		return new NoticeDispatcher(noticeRepository, merchants, senders, texts,
				new NoticeProperties(properties.delivery(), properties.signature(), properties.signatureEn(),
						properties.hotline(), properties.callbackSecret(), dispatch, properties.sms(),
						properties.wechat(), properties.mail()),
				transactions, clock);
	}

	/** Puts {@code count} cancellation notices to the merchant in the outbox, due now. */
	private void dueNotices(Merchant m, String test, int count) {
		for (int i = 0; i < count; i++) {
			dueNotice(m, "notice-" + test + "-" + m.merchantNo() + "-" + i, LocalDateTime.now().minusSeconds(1));
		}
	}

	private void dueNotice(Merchant m, String deliveryId, LocalDateTime dueAt) {
		jdbc.sql("""
				insert into notice (case_number, merchant_no, notice_type, language, text_zh, text_en, status,
				    created_at, channel, delivery_id, attempts, next_attempt_at)
				values ('UB-20261126-999998', ?, 'CANCELLATION', 'zh-CN', '【示例收单】已取消', 'cancelled', 'PENDING', ?, 'SMS', ?, 0, ?)""")
			.params(m.merchantNo(), LocalDateTime.now(), deliveryId, dueAt)
			.update();
	}

	@Test
	void aRoundSendsItsNoticesInTheOrderTheyFellDue() {
		Merchant m = registry.merchant();
		sendWhatIsDue();
		// written later, due earlier: a retry whose wait is over goes before a notice written since
		dueNotice(m, "notice-order-written-first-" + m.merchantNo(), LocalDateTime.now().minusSeconds(1));
		dueNotice(m, "notice-order-due-first-" + m.merchantNo(), LocalDateTime.now().minusMinutes(5));

		assertThat(dispatcher.dispatchDue("node-a")).isEqualTo(2);

		assertThat(smsTo(m)).extracting(r -> r.getHeader("Idempotency-Key"))
			.containsExactly("notice-order-due-first-" + m.merchantNo(), "notice-order-written-first-" + m.merchantNo());
	}

	/** Each of the merchant's notices, oldest first: its status and the node holding it ("-" for none). */
	private List<String> holders(Merchant m) {
		return jdbc.sql("""
				select status || ' ' || coalesce(claimed_by, '-') from notice where merchant_no = ? order by id""")
			.param(m.merchantNo())
			.query(String.class)
			.list();
	}

	private long sentTo(Merchant m) {
		return jdbc.sql("select count(*) from notice where merchant_no = ? and status = 'SENT'")
			.param(m.merchantNo())
			.query(Long.class)
			.single();
	}

	private void sendWhatIsDue() {
		for (int round = 0; round < 10 && dispatcher.dispatchDue() > 0; round++) {
		}
	}

	@Test
	void aScheduledRunTakesRoundAfterRoundWhileTheyAreFullSoTheOutboxKeepsUp() {
		Merchant m = registry.merchant();
		sendWhatIsDue();
		dueNotices(m, "drain-test", 5);

		// rounds of two: 2, 2, then 1 (not full: the run ends until the next interval)
		dispatcher(2, Duration.ofMinutes(2)).dispatchOnSchedule();

		assertThat(sentTo(m)).isEqualTo(5);
		assertThat(smsTo(m)).as("each sent once").hasSize(5);
	}

	@Test
	void aRoundThatOutlastsHalfItsLeaseGivesTheRestBackForTheNextRound() {
		Merchant m = registry.merchant();
		// what the tests before left due goes first, so the round below holds this merchant's notices alone
		sendWhatIsDue();
		gateways.stubFor(WireMock.post(urlPathEqualTo("/sms/messages")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.phone", equalTo(m.phone())))
			.willReturn(okJson("{\"code\": \"OK\", \"messageId\": \"sms-slow\"}").withFixedDelay(700)));
		dueNotices(m, "lease-test", 3);
		// a node whose lease is one second: the first send (0.7 s) takes it past half of it
		NoticeDispatcher slowNode = dispatcher(200, Duration.ofSeconds(1));

		assertThat(slowNode.dispatchDue("node-slow")).isOne();

		assertThat(holders(m)).as("the first sent, the others free at once, not held until the lease ends")
			.containsExactly("SENT -", "PENDING -", "PENDING -");
		assertThat(smsTo(m)).hasSize(1);

		assertThat(dispatcher.dispatchDue("node-b")).isEqualTo(2);
		assertThat(sentTo(m)).isEqualTo(3);
		assertThat(smsTo(m)).as("each sent once").hasSize(3);
	}

	@Test
	void aRoundBrokenOffByAnErrorGivesBackTheNoticesItHadNotTried() {
		Merchant m = registry.merchant();
		sendWhatIsDue();
		dueNotices(m, "error-test", 3);
		NoticeSender broken = new NoticeSender() {

			@Override
			public NoticeChannel channel() {
				return NoticeChannel.SMS;
			}

			@Override
			public String send(Delivery delivery) {
				throw new IllegalStateException("the SMS client is misconfigured");
			}

		};
		NoticeDispatcher node = dispatcher(200, Duration.ofMinutes(2),
				new NoticeSenders(List.of(broken), java.util.Optional.empty()));

		assertThatThrownBy(() -> node.dispatchDue("node-broken")).hasMessageContaining("misconfigured");

		// the one it was sending stays held (whether it left is unknown) until its lease ends; the others are free
		assertThat(holders(m)).containsExactly("PENDING node-broken", "PENDING -", "PENDING -");
		assertThat(dispatcher.dispatchDue("node-b")).isEqualTo(2);
		assertThat(sentTo(m)).isEqualTo(2);
	}

	@Test
	void acceptsOnlySignedDeliveryReceipts() {
		Merchant m = registry.merchant();
		String caseNumber = openCase(m, "BUSINESS_CLOSED");
		dispatcher.dispatchDue();
		String outId = body(smsTo(m).get(0)).get("outId").asText();
		String receipt = "{\"outId\": \"" + outId + "\", \"status\": \"DELIVERED\"}";
		String now = String.valueOf(Instant.now().getEpochSecond());
		String old = String.valueOf(Instant.now().minus(10, ChronoUnit.MINUTES).getEpochSecond());

		Response unsigned = post(null, "/api/notice-receipts", receipt);
		Response forged = post(null, "/api/notice-receipts", receipt, "X-Signature-Timestamp", now, "X-Signature",
				DeliveryReceipts.sign("guessed", now + "." + receipt));
		Response replayed = post(null, "/api/notice-receipts", receipt, "X-Signature-Timestamp", old, "X-Signature",
				DeliveryReceipts.sign("receipt-secret", old + "." + receipt));

		for (Response refused : List.of(unsigned, forged, replayed)) {
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.json().get("type").asText()).isEqualTo("https://unbinddesk.org/problems/unauthorized");
		}
		assertThat(notice(caseNumber).get("status").asText()).isEqualTo("SENT");

		Response signed = post(null, "/api/notice-receipts", receipt, "X-Signature-Timestamp", now, "X-Signature",
				DeliveryReceipts.sign("receipt-secret", now + "." + receipt));

		assertThat(signed.status()).isEqualTo(204);
		assertThat(notice(caseNumber).get("status").asText()).isEqualTo("DELIVERED");
		assertThat(notice(caseNumber).get("deliveredAt").isNull()).isFalse();
		String unknown = "{\"outId\": \"notice-unknown\", \"status\": \"DELIVERED\"}";
		assertThat(post(null, "/api/notice-receipts", unknown, "X-Signature-Timestamp", now, "X-Signature",
				DeliveryReceipts.sign("receipt-secret", now + "." + unknown)).status()).isEqualTo(404);
	}

	@Test
	void aFailedReceiptRaisesTheNoticeInTheCaseView() {
		Merchant m = registry.merchant();
		String caseNumber = openCase(m, "BUSINESS_CLOSED");
		dispatcher.dispatchDue();
		String outId = body(smsTo(m).get(0)).get("outId").asText();
		String receipt = "{\"outId\": \"" + outId + "\", \"status\": \"FAILED\", \"error\": \"handset unreachable\"}";
		String now = String.valueOf(Instant.now().getEpochSecond());

		Response signed = post(null, "/api/notice-receipts", receipt, "X-Signature-Timestamp", now, "X-Signature",
				DeliveryReceipts.sign("receipt-secret", now + "." + receipt));

		assertThat(signed.status()).isEqualTo(204);
		JsonNode notice = get("ops1", "/api/unbinding-cases/" + caseNumber).json()
			.get("notices")
			.get(0);
		assertThat(notice.get("status").asText()).isEqualTo("FAILED");
		assertThat(notice.get("failureReason").asText()).isEqualTo("handset unreachable");
	}

}
