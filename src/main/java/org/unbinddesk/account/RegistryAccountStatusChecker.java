package org.unbinddesk.account;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * Account checks against the registry tables: pending settlements, disputes, outstanding fees, settlement accounts
 * and the terminal's transactions.
 */
@Service
@ConditionalOnProperty(name = "unbinddesk.settlement.mode", havingValue = "registry", matchIfMissing = true)
class RegistryAccountStatusChecker implements AccountStatusChecker {

	private final JdbcClient jdbc;

	private final Clock clock;

	RegistryAccountStatusChecker(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public AccountStatus check(String merchantNo, String terminalSn) {
		LocalDateTime now = LocalDateTime.now(clock);
		boolean unsettled = count("select count(*) from pending_settlement where merchant_no = ? and settles_at > ?",
				merchantNo, now) > 0;
		List<String> blocks = new ArrayList<>();
		if (count("select count(*) from settlement_account where merchant_no = ? and (frozen_amount > 0 or status = 'FROZEN')",
				merchantNo) > 0) {
			blocks.add(AccountStatus.FUNDS_FROZEN);
		}
		if (count("select count(*) from dispute where merchant_no = ? and status = 'OPEN'", merchantNo) > 0) {
			blocks.add(AccountStatus.OPEN_DISPUTE);
		}
		if (count("select count(*) from outstanding_fee where merchant_no = ? and paid = false", merchantNo) > 0) {
			blocks.add(AccountStatus.OUTSTANDING_FEES);
		}
		if (count("""
				select count(*) from binding b
				join settlement_account a on a.id = b.settlement_account_id
				join merchant m on m.merchant_no = b.merchant_no
				where b.terminal_sn = ? and a.account_name <> m.name and a.account_name <> m.legal_person_name""",
				terminalSn) > 0) {
			blocks.add(AccountStatus.ACCOUNT_NOT_IN_OWN_NAME);
		}
		return new AccountStatus(unsettled, List.copyOf(blocks));
	}

	@Override
	public List<String> checkAfterUnbind(String merchantNo, String terminalSn, LocalDateTime unboundAt) {
		LocalDateTime now = LocalDateTime.now(clock);
		List<String> issues = new ArrayList<>();
		if (count("select count(*) from pending_settlement where terminal_sn = ? and settles_at > ?", terminalSn,
				now) > 0) {
			issues.add("FINAL_SETTLEMENT_UNPAID");
		}
		if (count("select count(*) from settlement_account where merchant_no = ? and (status <> 'NORMAL' or frozen_amount > ?)",
				merchantNo, BigDecimal.ZERO) > 0) {
			issues.add("ACCOUNT_NOT_NORMAL");
		}
		if (count("select count(*) from terminal_transaction where terminal_sn = ? and occurred_at > ?", terminalSn,
				unboundAt) > 0) {
			issues.add("TRANSACTION_AFTER_UNBIND");
		}
		return List.copyOf(issues);
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
