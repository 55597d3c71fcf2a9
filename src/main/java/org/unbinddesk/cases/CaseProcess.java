package org.unbinddesk.cases;

/** The BPMN process that runs a case ({@code bpmn/terminal-unbinding.bpmn}). */
public final class CaseProcess {

	/** The process id: engine REST, Tasklist, authorizations and the API start cases by it. */
	public static final String ID = "TerminalUnbinding";

	private CaseProcess() {
	}

}
