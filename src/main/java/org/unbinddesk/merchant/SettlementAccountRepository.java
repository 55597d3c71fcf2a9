package org.unbinddesk.merchant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.unbinddesk.merchant.SettlementAccount;

public interface SettlementAccountRepository extends JpaRepository<SettlementAccount, Long> {

}
