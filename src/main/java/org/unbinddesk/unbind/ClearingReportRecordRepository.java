package org.unbinddesk.unbind;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ClearingReportRecordRepository extends JpaRepository<ClearingReportRecord, Long> {

	List<ClearingReportRecord> findByCaseNumber(String caseNumber);

}
