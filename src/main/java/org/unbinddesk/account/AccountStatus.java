package org.unbinddesk.account;

import java.util.List;

/**
 * The merchant's account as it bears on an unbind.
 *
 * @param unsettled transactions still wait for a settlement run (T+1): the unbind waits
 * @param blockReasons what blocks the unbind until it is resolved (frozen funds, open disputes, unpaid fees, a
 * settlement account not in the merchant's own name); empty when nothing does
 */
public record AccountStatus(boolean unsettled, List<String> blockReasons) {

	public static final String FUNDS_FROZEN = "FUNDS_FROZEN";

	public static final String OPEN_DISPUTE = "OPEN_DISPUTE";

	public static final String OUTSTANDING_FEES = "OUTSTANDING_FEES";

	public static final String ACCOUNT_NOT_IN_OWN_NAME = "ACCOUNT_NOT_IN_OWN_NAME";

	public static final String UNSETTLED_TRANSACTIONS = "UNSETTLED_TRANSACTIONS";

	public boolean blocked() {
		return !blockReasons.isEmpty();
	}

}
