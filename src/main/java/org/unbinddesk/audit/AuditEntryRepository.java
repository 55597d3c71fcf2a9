package org.unbinddesk.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

	List<AuditEntry> findByCaseNumberOrderByIdAsc(String caseNumber);

	boolean existsByCaseNumberAndAction(String caseNumber, String action);

	long countByAction(String action);

}
