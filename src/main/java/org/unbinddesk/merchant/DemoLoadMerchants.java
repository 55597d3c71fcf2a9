package org.unbinddesk.merchant;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: {@code unbinddesk.demo.load-merchants=N} adds N merchants for a load test, each with a settlement
 * account and one bound terminal, all alike and all taking the shortest path to review: a full identity match, no fee,
 * low risk. Merchant {@code 898199} and a 9-digit index ({@code 898199000000001}…), terminal {@code L} and a 7-digit
 * index ({@code L0000001}…, serial {@code SN-LOAD-0000001}), legal person 压测员, ID {@code 110101199003071233}, phone
 * {@code 13900000000}; the device was bought by the merchant (nothing to charge or refund), activated and bound 700
 * days ago, the settlement card unchanged for 400 days.
 * <p>
 * The load range {@code 898199…} does not follow the demo merchants' city rule (digits 4–7 a city's GB/T 2260 code:
 * 1990 is no city's); it is kept apart from every real and demo number on purpose. Runs after Flyway's migrations,
 * before the engine starts; adds only the indexes not there yet, so a restart with the same N adds nothing and a larger
 * N adds the rest. Inserted in batches in one transaction: 10,000 merchants take about 2 s.
 */
@Component
@Profile("demo")
class DemoLoadMerchants implements Callback {

	private static final Logger log = LoggerFactory.getLogger(DemoLoadMerchants.class);

	static final String MERCHANT_PREFIX = "898199";

	static final String LEGAL_PERSON = "压测员";

	static final String ID_NUMBER = "110101199003071233";

	static final String PHONE = "13900000000";

	/** Settlement account ids of the load range, far above the identity column's own. */
	static final long ACCOUNT_ID_BASE = 900_000_000L;

	static final int MAX = 9_999_999;

	private static final int BATCH = 1000;

	private final int count;

	private final Clock clock;

	DemoLoadMerchants(@Value("${unbinddesk.demo.load-merchants:0}") int count, Clock clock) {
		if (count < 0 || count > MAX) {
			throw new IllegalArgumentException("unbinddesk.demo.load-merchants must be 0 to " + MAX + ", not " + count);
		}
		this.count = count;
		this.clock = clock;
	}

	static String merchantNo(int index) {
		return MERCHANT_PREFIX + "%09d".formatted(index);
	}

	static String terminalId(int index) {
		return "L%07d".formatted(index);
	}

	static String serialNumber(int index) {
		return "SN-LOAD-%07d".formatted(index);
	}

	/** A 19-digit card number with its Luhn check digit. */
	static String cardNumber(int index) {
		String body = "622202899" + "%09d".formatted(index);
		int sum = 0;
		for (int i = 0; i < body.length(); i++) {
			int digit = body.charAt(body.length() - 1 - i) - '0';
			if (i % 2 == 0) {
				digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
		}
		return body + (10 - sum % 10) % 10;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE && count > 0;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			addMissing(context.getConnection());
		}
		catch (SQLException ex) {
			throw new FlywayException("Cannot add the load-test merchants", ex);
		}
	}

	/** Adds the load merchants up to {@code count} that are not there yet; returns how many it added. */
	int addMissing(Connection connection) throws SQLException {
		int have = highestIndex(connection);
		if (have >= count) {
			return 0;
		}
		long t0 = System.nanoTime();
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		LocalDateTime now = LocalDateTime.now(clock);
		LocalDate today = now.toLocalDate();
		try (PreparedStatement merchants = connection.prepareStatement("""
				insert into merchant (merchant_no, name, merchant_type, status, legal_person_name, legal_person_id_number,
				    legal_person_phone, preferred_language) values (?, ?, 'INDIVIDUAL', 'ACTIVE', ?, ?, ?, 'zh-CN')""");
				PreparedStatement accounts = connection.prepareStatement("""
						insert into settlement_account (id, merchant_no, account_name, card_number, bank_name, status,
						    frozen_amount, changed_at) values (?, ?, ?, ?, '中国工商银行', 'NORMAL', 0, ?)""");
				PreparedStatement terminals = connection.prepareStatement("""
						insert into terminal (sn, terminal_id, model, status, activated_on, deposit, ownership,
						    minimum_term_months, registered_address, seen_away_from_address)
						values (?, ?, 'LANDI A8', 'ACTIVE', ?, 0, 'PURCHASED', 0, '北京市东城区压测路1号', false)""");
				PreparedStatement bindings = connection.prepareStatement("""
						insert into binding (terminal_sn, merchant_no, settlement_account_id, bound_at)
						values (?, ?, ?, ?)""")) {
			Timestamp boundAt = Timestamp.valueOf(now.minusDays(700));
			Timestamp cardChangedAt = Timestamp.valueOf(now.minusDays(400));
			Date activatedOn = Date.valueOf(today.minusDays(700));
			for (int i = have + 1; i <= count; i++) {
				String merchantNo = merchantNo(i);
				merchants.setString(1, merchantNo);
				merchants.setString(2, "压测商户" + i);
				merchants.setString(3, LEGAL_PERSON);
				merchants.setString(4, ID_NUMBER);
				merchants.setString(5, PHONE);
				merchants.addBatch();
				accounts.setLong(1, ACCOUNT_ID_BASE + i);
				accounts.setString(2, merchantNo);
				accounts.setString(3, LEGAL_PERSON);
				accounts.setString(4, cardNumber(i));
				accounts.setTimestamp(5, cardChangedAt);
				accounts.addBatch();
				terminals.setString(1, serialNumber(i));
				terminals.setString(2, terminalId(i));
				terminals.setDate(3, activatedOn);
				terminals.addBatch();
				bindings.setString(1, serialNumber(i));
				bindings.setString(2, merchantNo);
				bindings.setLong(3, ACCOUNT_ID_BASE + i);
				bindings.setTimestamp(4, boundAt);
				bindings.addBatch();
				if ((i - have) % BATCH == 0 || i == count) {
					merchants.executeBatch();
					accounts.executeBatch();
					terminals.executeBatch();
					bindings.executeBatch();
				}
			}
			connection.commit();
		}
		catch (SQLException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
		log.info("Added load-test merchants {} to {} ({} ms)", merchantNo(have + 1), merchantNo(count),
				(System.nanoTime() - t0) / 1_000_000);
		return count - have;
	}

	private static int highestIndex(Connection connection) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("select max(merchant_no) from merchant where merchant_no like '" + MERCHANT_PREFIX + "%'");
				ResultSet rs = query.executeQuery()) {
			String highest = rs.next() ? rs.getString(1) : null;
			return highest == null ? 0 : Integer.parseInt(highest.substring(MERCHANT_PREFIX.length()));
		}
	}

	@Override
	public String getCallbackName() {
		return "demo load merchants";
	}

}
