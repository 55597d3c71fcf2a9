package org.unbinddesk.cases;

/** A request that may not open a case; nothing was recorded. */
public class CaseRefused extends RuntimeException {

	private final transient Eligibility eligibility;

	CaseRefused(Eligibility eligibility) {
		super(eligibility.reasonText());
		this.eligibility = eligibility;
	}

	public Eligibility eligibility() {
		return eligibility;
	}

}
