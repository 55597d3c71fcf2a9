package org.unbinddesk.unbind;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SimFeeRefundRepository extends JpaRepository<SimFeeRefund, Long> {

	Optional<SimFeeRefund> findByCaseNumber(String caseNumber);

}
