package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
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
import org.unbinddesk.audit.AuditAction;

/**
 * "Check documents": adds what the merchant just supplied, asks the {@code RequiredDocuments} table what this
 * application needs (plus anything a reviewer asked for) and notes what is still missing.
 */
@Component("checkDocuments")
class CheckDocumentsDelegate implements JavaDelegate {

	private final DocumentService documents;

	private final CaseRegistry cases;

	private final AuditLog audit;

	CheckDocumentsDelegate(DocumentService documents, CaseRegistry cases, AuditLog audit) {
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

		List<String> required = documents.required(text(execution, REASON), text(execution, MERCHANT_TYPE),
				text(execution, APPLICANT_ROLE));
		Set<String> needed = new LinkedHashSet<>(required);
		needed.addAll(DocumentService.parse(text(execution, EXTRA_DOCUMENTS)));
		Set<String> missing = new LinkedHashSet<>(needed);
		missing.removeAll(supplied);

		execution.setVariable(DOCUMENTS, DocumentService.join(supplied));
		execution.setVariable(REQUIRED_DOCUMENTS, DocumentService.join(needed));
		execution.setVariable(MISSING_DOCUMENTS, DocumentService.join(missing));
		execution.setVariable(DOCUMENTS_COMPLETE, missing.isEmpty());
		audit.record(unbindingCase, AuditAction.DOCUMENTS_CHECKED,
				missing.isEmpty() ? "Complete" : "Missing: " + DocumentService.join(missing));
	}

}
