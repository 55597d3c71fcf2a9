package org.unbinddesk.unbind;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ClearingReportRecordRepository extends JpaRepository<ClearingReportRecord, Long> {

	List<ClearingReportRecord> findByCaseNumber(String caseNumber);

	List<ClearingReportRecord> findByReportedFalseAndRecordedAtBetweenOrderById(LocalDateTime from, LocalDateTime to);

}
