package org.unbinddesk.merchant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.FlywayException;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: sets the dates of the demo merchants' registry rows (db/demo) again at each start, counted back
 * from the service's clock, so the demo behaves as the README's table says on any day it is started: the fruit shop's
 * takings are still due, the tea house's card change and the nail bar's activation still recent, the coffee shop still
 * inside its term and owing SIM data fee. Runs after Flyway's migrations, before the engine starts. A terminal with an
 * open case keeps its dates, so no case sees its facts move under it; only the demo terminals' rows ({@code SN-LD-…})
 * are touched.
 */
@Component
@Profile("demo")
class DemoRegistryDates implements Callback {

	/**
	 * One demo terminal's dates: days since activation (and binding), days since its settlement card changed, and
	 * the whole months its SIM data plan is paid ahead (negative: owed; a plan only where V14_2 gave one).
	 */
	record Fixture(String sn, int activatedDaysAgo, int cardChangedDaysAgo, int simMonthsPaidAhead) {

		Fixture(String sn, int activatedDaysAgo, int cardChangedDaysAgo) {
			this(sn, activatedDaysAgo, cardChangedDaysAgo, 0);
		}

		/** Ten days into the month after the whole months, so that they count as whole months either way. */
		LocalDate simPaidUntil(LocalDate today) {
			return today.plusMonths(simMonthsPaidAhead).plusDays(simMonthsPaidAhead < 0 ? -10 : 10);
		}

	}

	static final List<Fixture> FIXTURES = List.of(
			// SIM data plan paid 4 months ahead: refunded
			new Fixture("SN-LD-00000001", 700, 400, 4),
			// inside its 12-month term; SIM data plan 2 months owed: charged with the early-termination fee
			new Fixture("SN-LD-00000002", 120, 400, -2),
			new Fixture("SN-LD-00000003", 500, 400),
			new Fixture("SN-LD-00000004", 500, 400),
			new Fixture("SN-LD-00000005", 500, 400),
			new Fixture("SN-LD-00000006", 500, 400),
			// high risk: the settlement card changed 10 days ago
			new Fixture("SN-LD-00000007", 500, 10),
			new Fixture("SN-LD-00000008", 900, 400),
			new Fixture("SN-LD-00000009", 900, 400),
			// medium risk: activated 20 days ago
			new Fixture("SN-LD-00000010", 20, 400),
			// an electronic-signature POS that met its activation target long ago
			new Fixture("SN-LD-00000011", 400, 400));

	/** The fruit shop's (T0000003) takings of yesterday, paid by the next settlement run. */
	static final String UNSETTLED_TERMINAL = "SN-LD-00000003";

	/** The bookshop's (T0000005) open chargeback. */
	static final String DISPUTED_TERMINAL = "SN-LD-00000005";

	private static final String NO_OPEN_CASE = " and not exists (select 1 from unbinding_case c where c.open_terminal_sn = ?)";

	private final Clock clock;

	DemoRegistryDates(Clock clock) {
		this.clock = clock;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		LocalDateTime now = LocalDateTime.now(clock);
		LocalDate today = now.toLocalDate();
		Connection connection = context.getConnection();
		try {
			for (Fixture f : FIXTURES) {
				update(connection, "update terminal set activated_on = ? where sn = ?" + NO_OPEN_CASE,
						today.minusDays(f.activatedDaysAgo()), f.sn(), f.sn());
				update(connection, "update terminal set sim_paid_until = ? where sn = ? and sim_paid_until is not null"
						+ NO_OPEN_CASE, f.simPaidUntil(today), f.sn(), f.sn());
				update(connection, "update binding set bound_at = ? where terminal_sn = ?" + NO_OPEN_CASE,
						now.minusDays(f.activatedDaysAgo()), f.sn(), f.sn());
				update(connection, """
						update settlement_account set changed_at = ?
						where id in (select b.settlement_account_id from binding b where b.terminal_sn = ?)""" + NO_OPEN_CASE,
						now.minusDays(f.cardChangedDaysAgo()), f.sn(), f.sn());
			}
			update(connection, "update pending_settlement set settles_at = ? where terminal_sn = ?" + NO_OPEN_CASE,
					now.plusDays(1), UNSETTLED_TERMINAL, UNSETTLED_TERMINAL);
			update(connection, """
					update dispute set opened_at = ?
					where status = 'OPEN' and merchant_no in (select b.merchant_no from binding b where b.terminal_sn = ?)"""
					+ NO_OPEN_CASE, now.minusDays(5), DISPUTED_TERMINAL, DISPUTED_TERMINAL);
		}
		catch (SQLException ex) {
			throw new FlywayException("Cannot refresh the demo data's dates", ex);
		}
	}

	private static void update(Connection connection, String sql, Object... params) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			statement.executeUpdate();
		}
	}

	@Override
	public String getCallbackName() {
		return "demo registry dates";
	}

}
