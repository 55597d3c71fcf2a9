package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ExecutionValues.setList;
import static org.unbinddesk.process.ProcessVariables.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unbinddesk.audit.AuditLog;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.cases.Stage;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.documents.DocumentService;
import org.unbinddesk.merchant.Merchant;
import org.unbinddesk.merchant.MerchantRepository;
import org.unbinddesk.audit.AuditAction;

/**
 * "Check documents": adds what the merchant just supplied, asks the {@code RequiredDocuments} table what this
 * application needs (its reason, merchant type and applicant's role as the registry holds them, plus anything a
 * reviewer asked for) and notes what is still missing.
 */
@Component("checkDocuments")
class CheckDocumentsDelegate implements JavaDelegate {

	private final DocumentService documents;

	private final CaseRegistry cases;

	private final AuditLog audit;

	private final MerchantRepository merchants;

	CheckDocumentsDelegate(DocumentService documents, CaseRegistry cases, AuditLog audit, MerchantRepository merchants) {
		this.merchants = merchants;
		this.documents = documents;
		this.cases = cases;
		this.audit = audit;
	}

	@Override
	public void execute(DelegateExecution execution) {
		UnbindingCase unbindingCase = cases.enterStage(execution.getProcessInstanceId(), Stage.APPLICATION);
		Set<String> supplied = DocumentService.parse(text(execution, DOCUMENTS));
		supplied.addAll(DocumentService.parse(text(execution, ADDITIONAL_DOCUMENTS)));
		execution.removeVariable(ADDITIONAL_DOCUMENTS);

		String merchantType = merchants.findById(unbindingCase.getMerchantNo())
			.map(Merchant::getMerchantType)
			.orElse(null);
		List<String> required = documents.required(unbindingCase.getReason(), merchantType,
				unbindingCase.getApplicantRole());
		Set<String> needed = new LinkedHashSet<>(required);
		needed.addAll(DocumentService.parse(text(execution, EXTRA_DOCUMENTS)));
		Set<String> missing = new LinkedHashSet<>(needed);
		missing.removeAll(supplied);

		execution.setVariable(DOCUMENTS, DocumentService.join(supplied));
		execution.setVariable(REQUIRED_DOCUMENTS, DocumentService.join(needed));
		setList(execution, MISSING_DOCUMENTS, missing);
		execution.setVariable(DOCUMENTS_COMPLETE, missing.isEmpty());
		audit.record(unbindingCase, AuditAction.DOCUMENTS_CHECKED,
				missing.isEmpty() ? "Complete" : "Missing: " + DocumentService.join(missing));
	}

}
