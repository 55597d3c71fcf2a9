package org.unbinddesk.cases;

import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface UnbindingCaseRepository
		extends JpaRepository<UnbindingCase, String>, JpaSpecificationExecutor<UnbindingCase> {

	Optional<UnbindingCase> findByOpenTerminalSn(String terminalSn);

	Optional<UnbindingCase> findByProcessInstanceId(String processInstanceId);

	long countByStatusAndStage(CaseStatus status, Stage stage);

	long countByTerminalSnAndOpenedAtAfter(String terminalSn, LocalDateTime after);

	long countByMerchantNoAndOpenedAtAfter(String merchantNo, LocalDateTime after);

	/**
	 * Earlier genuine requests for a terminal: other cases since a moment, leaving out those that ended as "Request
	 * invalid" (a duplicate start, a request over the daily limit), so a double click is not a repeated request.
	 */
	@Query("""
			select count(c) from UnbindingCase c where c.terminalSn = ?1 and c.openedAt > ?2 and c.caseNumber <> ?3
			and (c.outcome is null or c.outcome <> org.unbinddesk.cases.Outcome.REQUEST_INVALID)""")
	long countGenuineRequests(String terminalSn, LocalDateTime after, String caseNumber);

}
