package org.unbinddesk.unbind;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DepositRefundRepository extends JpaRepository<DepositRefund, Long> {

	Optional<DepositRefund> findByCaseNumber(String caseNumber);

}
