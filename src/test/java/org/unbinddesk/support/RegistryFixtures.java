package org.unbinddesk.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts a fresh merchant with one bound terminal into the registry for each test, so tests do not share terminals,
 * and adds the account conditions a path needs (pending settlement, frozen funds, disputes, fees).
 */
@Component
public class RegistryFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(new java.util.Random().nextInt(500_000));

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private final JdbcClient jdbc;

	public RegistryFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A merchant whose settlement card has not changed for a long time, with a terminal on a deposit. */
	public Merchant merchant() {
		return merchant(new Spec());
	}

	public Merchant merchant(Spec spec) {
		int n = SEQUENCE.incrementAndGet();
		String merchantNo = "89812%010d".formatted(n);
		String terminalId = "U%07d".formatted(n % 10_000_000);
		String sn = "SN-TEST-%08d".formatted(n);
		String name = spec.type.equals("COMPANY") ? "测试有限公司" + n : "测试商店" + n;
		String legalName = "测试" + (char) ('甲' + n % 10);
		String idNumber = idNumber("11010119800101", n % 1000);
		String phone = "139%08d".formatted(n);
		jdbc.sql("""
				insert into merchant (merchant_no, name, merchant_type, credit_code, status, legal_person_name,
				    legal_person_id_number, legal_person_phone, preferred_language)
				values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)""")
			.params(merchantNo, name, spec.type, spec.type.equals("COMPANY") ? "91110000MA%08d".formatted(n) : null,
					legalName, idNumber, phone, spec.language)
			.update();
		long accountId = 10_000L + n;
		jdbc.sql("""
				insert into settlement_account (id, merchant_no, account_name, card_number, bank_name, status,
				    frozen_amount, changed_at) values (?, ?, ?, ?, '测试银行', 'NORMAL', 0, ?)""")
			.params(accountId, merchantNo, spec.type.equals("COMPANY") ? name : legalName,
					"62220299%011d".formatted(n), LocalDateTime.now().minusDays(spec.cardChangedDaysAgo))
			.update();
		jdbc.sql("""
				insert into terminal (sn, terminal_id, model, status, activated_on, deposit, ownership,
				    minimum_term_months, registered_address, seen_away_from_address, deposit_model,
				    activation_target_met_on)
				values (?, ?, 'LANDI A8', 'ACTIVE', ?, ?, ?, ?, '北京市测试区测试路1号', ?, ?, ?)""")
			.params(sn, terminalId, LocalDate.now().minusDays(spec.activatedDaysAgo), spec.deposit, spec.ownership,
					spec.minimumTermMonths, spec.seenAway, spec.depositModel, spec.activationTargetMetOn)
			.update();
		jdbc.sql("insert into binding (terminal_sn, merchant_no, settlement_account_id, bound_at) values (?, ?, ?, ?)")
			.params(sn, merchantNo, accountId, LocalDateTime.now().minusDays(spec.activatedDaysAgo))
			.update();
		return new Merchant(merchantNo, name, terminalId, sn, legalName, idNumber, phone, spec.type);
	}

	/**
	 * The merchant has confirmed a request made through an agent with the one-time code (as the case API records it
	 * after checking the code), for tests that are not about the confirmation itself.
	 */
	public void merchantConsented(String caseNumber) {
		jdbc.sql("update unbinding_case set merchant_consent_at = ?, merchant_consent_by = 'intake1' where case_number = ?")
			.params(LocalDateTime.now(), caseNumber)
			.update();
	}

	public void pendingSettlement(Merchant m, LocalDateTime settlesAt) {
		jdbc.sql("insert into pending_settlement (merchant_no, terminal_sn, amount, settles_at) values (?, ?, 100, ?)")
			.params(m.merchantNo(), m.sn(), settlesAt)
			.update();
	}

	public void settleEverything(Merchant m) {
		jdbc.sql("update pending_settlement set settles_at = ? where merchant_no = ?")
			.params(LocalDateTime.now().minusMinutes(1), m.merchantNo())
			.update();
	}

	public void freezeFunds(Merchant m, BigDecimal amount) {
		jdbc.sql("update settlement_account set frozen_amount = ?, status = 'FROZEN' where merchant_no = ?")
			.params(amount, m.merchantNo())
			.update();
	}

	public void releaseFunds(Merchant m) {
		jdbc.sql("update settlement_account set frozen_amount = 0, status = 'NORMAL' where merchant_no = ?")
			.param(m.merchantNo())
			.update();
	}

	public void transactionAfterUnbind(Merchant m) {
		jdbc.sql("insert into terminal_transaction (terminal_sn, merchant_no, amount, occurred_at) values (?, ?, 10, ?)")
			.params(m.sn(), m.merchantNo(), LocalDateTime.now().plusMinutes(5))
			.update();
	}

	public boolean isBound(Merchant m) {
		return jdbc.sql("select count(*) from binding where terminal_sn = ?").param(m.sn()).query(Long.class).single() > 0;
	}

	public String terminalStatus(Merchant m) {
		return jdbc.sql("select status from terminal where sn = ?").param(m.sn()).query(String.class).single();
	}

	/** A GB 11643-valid ID number. */
	public static String idNumber(String regionAndBirth, int sequence) {
		String first17 = regionAndBirth + "%03d".formatted(sequence);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	public record Merchant(String merchantNo, String name, String terminalId, String sn, String legalName,
			String idNumber, String phone, String type) {

		/** A complete application by the legal person for {@code POST /api/unbinding-cases}. */
		public String applicationJson(String channel, String reason) {
			return """
					{"channel": "%s", "merchantNo": "%s", "terminalId": "%s", "reason": "%s",
					 "applicant": {"name": "%s", "idNumber": "%s", "phone": "%s", "role": "LEGAL_PERSON"},
					 "documents": ["ID_CARD", "SETTLEMENT_CARD_COPY"]}""".formatted(channel, merchantNo, terminalId, reason,
					legalName, idNumber, phone);
		}
	}

	/** What kind of merchant and terminal; the defaults make a clean, low-risk case with a refundable deposit. */
	public static class Spec {

		String type = "INDIVIDUAL";

		String language = "zh-CN";

		int activatedDaysAgo = 700;

		int cardChangedDaysAgo = 400;

		BigDecimal deposit = new BigDecimal("299.00");

		String ownership = "DEPOSIT";

		int minimumTermMonths = 0;

		boolean seenAway = false;

		String depositModel = "REFUND_ON_RETURN";

		LocalDate activationTargetMetOn;

		public Spec company() {
			this.type = "COMPANY";
			return this;
		}

		public Spec english() {
			this.language = "en";
			return this;
		}

		public Spec activatedDaysAgo(int days) {
			this.activatedDaysAgo = days;
			return this;
		}

		public Spec cardChangedDaysAgo(int days) {
			this.cardChangedDaysAgo = days;
			return this;
		}

		public Spec minimumTermMonths(int months) {
			this.minimumTermMonths = months;
			return this;
		}

		/** An electronic-signature POS (电签): the deposit comes back with the unbind if the trading target was met. */
		public Spec activationTarget(boolean met) {
			this.depositModel = "ACTIVATION_TARGET";
			this.activationTargetMetOn = met ? LocalDate.now().minusDays(100) : null;
			return this;
		}

		public Spec purchased() {
			this.ownership = "PURCHASED";
			this.deposit = BigDecimal.ZERO;
			return this;
		}

	}

}
