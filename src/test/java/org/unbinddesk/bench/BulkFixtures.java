package org.unbinddesk.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.RegistryFixtures;
import org.unbinddesk.support.RegistryFixtures.Merchant;

/**
 * Merchants with a bound terminal each, and historic closed cases, inserted in bulk for the benchmark.
 */
final class BulkFixtures {

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private int next;

	private int historic;

	BulkFixtures(DataSource dataSource, int firstNumber) {
		this.jdbc = JdbcClient.create(dataSource);
		this.batches = new JdbcTemplate(dataSource);
		this.next = firstNumber;
	}

	List<Merchant> merchants(int count) {
		List<Merchant> merchants = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int n = next++;
			String merchantNo = "89813%010d".formatted(n);
			String sn = "SN-BENCH-%08d".formatted(n);
			String terminalId = "B%07d".formatted(n % 10_000_000);
			String id = RegistryFixtures.idNumber("11010119800101", n % 1000);
			String phone = "137%08d".formatted(n % 100_000_000);
			jdbc.sql("""
					insert into merchant (merchant_no, name, merchant_type, status, legal_person_name,
					    legal_person_id_number, legal_person_phone, preferred_language)
					values (?, ?, 'INDIVIDUAL', 'ACTIVE', '测试', ?, ?, 'zh-CN')""")
				.params(merchantNo, "基准商户" + n, id, phone)
				.update();
			jdbc.sql("""
					insert into settlement_account (id, merchant_no, account_name, card_number, bank_name, status,
					    frozen_amount, changed_at) values (?, ?, '测试', ?, '测试银行', 'NORMAL', 0, ?)""")
				.params(10_000_000L + n, merchantNo, "62220288%011d".formatted(n), LocalDateTime.now().minusDays(400))
				.update();
			jdbc.sql("""
					insert into terminal (sn, terminal_id, model, status, activated_on, deposit, ownership,
					    minimum_term_months, registered_address, seen_away_from_address)
					values (?, ?, 'LANDI A8', 'ACTIVE', ?, 0, 'PURCHASED', 0, '北京', false)""")
				.params(sn, terminalId, LocalDate.now().minusDays(700))
				.update();
			jdbc.sql("insert into binding (terminal_sn, merchant_no, settlement_account_id, bound_at) values (?, ?, ?, ?)")
				.params(sn, merchantNo, 10_000_000L + n, LocalDateTime.now().minusDays(700))
				.update();
			merchants.add(new Merchant(merchantNo, "基准商户" + n, terminalId, sn, "测试", id, phone, "INDIVIDUAL"));
		}
		return merchants;
	}

	/** Closed cases spread over the last 60 days, as a registry with history would hold them; in batches. */
	void historicCases(int count) {
		String[] outcomes = { "UNBOUND", "UNBOUND", "UNBOUND", "REJECTED", "WITHDRAWN", "LAPSED", "CANCELLED" };
		List<Object[]> batch = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int h = historic++;
			LocalDateTime opened = LocalDateTime.now().minusDays(h % 60).minusHours(h % 24);
			String outcome = outcomes[h % outcomes.length];
			batch.add(new Object[] { "HI-%09d".formatted(h), "89819%010d".formatted(h), "SN-HIST-%08d".formatted(h),
					"H%07d".formatted(h % 10_000_000), outcome, outcome.equals("REJECTED") ? "证件不清晰" : null, opened,
					opened.plusHours(30), 108_000 + h % 5000, 40_000 + h % 900, 50_000 + h % 700, 60 + h % 30,
					600 + h % 300, opened.plusDays(1), opened.plusHours(20 + h % 8),
					h % 5 == 0 ? new BigDecimal("120.00") : BigDecimal.ZERO });
			if (batch.size() == 1000 || i == count - 1) {
				batches.batchUpdate("""
						insert into unbinding_case (case_number, channel, merchant_no, terminal_sn, terminal_id, reason,
						    status, stage, outcome, outcome_reason, opened_at, closed_at, total_seconds, application_seconds,
						    review_seconds, unbind_seconds, confirmation_seconds, review_due_at, reviewed_at, fee)
						values (?, 'PHONE', ?, ?, ?, 'DEVICE_FAULT', 'CLOSED', 'CONFIRMATION', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
						batch);
				batch.clear();
			}
		}
	}

}
