package org.unbinddesk.account;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Reads the merchant's settlement and account state. The default implementation reads the registry; in production
 * this is the settlement system.
 */
public interface AccountStatusChecker {

	/** Preconditions before an unbind (DOMAIN step 4). */
	AccountStatus check(String merchantNo, String terminalSn);

	/**
	 * Checks after an unbind (DOMAIN step 8): the final settlement is paid, the account is normal and the terminal has
	 * taken no transaction since it was unbound.
	 * @return the issues found; empty when the account is in order
	 */
	List<String> checkAfterUnbind(String merchantNo, String terminalSn, LocalDateTime unboundAt);

}
