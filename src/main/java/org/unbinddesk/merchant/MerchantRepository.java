package org.unbinddesk.merchant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.unbinddesk.merchant.Merchant;

public interface MerchantRepository extends JpaRepository<Merchant, String> {

}
