package org.unbinddesk.consent;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConsentCodeRepository extends JpaRepository<ConsentCode, Long> {

	List<ConsentCode> findByCaseNumberAndPurposeAndStatusOrderByIdDesc(String caseNumber, ConsentPurpose purpose,
			String status);

}
