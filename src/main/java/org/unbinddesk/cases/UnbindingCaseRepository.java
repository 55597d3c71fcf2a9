package org.unbinddesk.cases;

import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface UnbindingCaseRepository
		extends JpaRepository<UnbindingCase, String>, JpaSpecificationExecutor<UnbindingCase> {

	Optional<UnbindingCase> findByOpenTerminalSn(String terminalSn);

	Optional<UnbindingCase> findByProcessInstanceId(String processInstanceId);

	long countByStatusAndStage(CaseStatus status, Stage stage);

	long countByTerminalSnAndOpenedAtAfter(String terminalSn, LocalDateTime after);

	long countByMerchantNoAndOpenedAtAfter(String merchantNo, LocalDateTime after);

	long countByTerminalSnAndOpenedAtAfterAndCaseNumberNot(String terminalSn, LocalDateTime after, String caseNumber);

}
