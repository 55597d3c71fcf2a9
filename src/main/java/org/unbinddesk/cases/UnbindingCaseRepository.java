package org.unbinddesk.cases;

import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

import jakarta.persistence.QueryHint;

public interface UnbindingCaseRepository
		extends JpaRepository<UnbindingCase, String>, JpaSpecificationExecutor<UnbindingCase> {

	Optional<UnbindingCase> findByOpenTerminalSn(String terminalSn);

	Optional<UnbindingCase> findByProcessInstanceId(String processInstanceId);

	/**
	 * The number of the case a process instance works on, as stored, without first writing the changes this
	 * transaction made to cases (a process instance's case never changes once stored): a step finds its case without
	 * saving it half-way. A case stored in this same transaction is not seen: use {@link #findOfProcess}.
	 */
	@Query(nativeQuery = true, value = "select case_number from unbinding_case where process_instance_id = ?1")
	@QueryHints(@QueryHint(name = "org.hibernate.flushMode", value = "COMMIT"))
	Optional<String> findStoredCaseNumberByProcessInstanceId(String processInstanceId);

	/**
	 * The case a process instance works on, as this transaction holds it, without saving its changes first (so a
	 * step updates its case once, at the commit); a case registered in this very transaction, not stored yet, is
	 * found by the second query.
	 */
	default Optional<UnbindingCase> findOfProcess(String processInstanceId) {
		return findStoredCaseNumberByProcessInstanceId(processInstanceId).flatMap(this::findById)
			.or(() -> findByProcessInstanceId(processInstanceId));
	}

	long countByStatusAndStage(CaseStatus status, Stage stage);

	long countByTerminalSnAndOpenedAtAfter(String terminalSn, LocalDateTime after);

	long countByMerchantNoAndOpenedAtAfter(String merchantNo, LocalDateTime after);

	/**
	 * Earlier genuine requests for a terminal: other cases since a moment, leaving out those that ended as "Request
	 * invalid" (a duplicate start, a request over the daily limit), so a double click is not a repeated request.
	 */
	default long countGenuineRequests(String terminalSn, LocalDateTime after, String caseNumber) {
		return countOtherRequestsNotEndedAs(terminalSn, after, caseNumber, Outcome.REQUEST_INVALID.name());
	}

	@Query(nativeQuery = true, value = """
			select count(*) from unbinding_case where terminal_sn = ?1 and opened_at > ?2 and case_number <> ?3
			and (outcome is null or outcome <> ?4)""")
	// other cases only: this transaction's changes to its own case need not be written first
	@QueryHints(@QueryHint(name = "org.hibernate.flushMode", value = "COMMIT"))
	long countOtherRequestsNotEndedAs(String terminalSn, LocalDateTime after, String caseNumber, String outcome);

}
