package org.unbinddesk.cases;

public enum ApplicantRole {

	LEGAL_PERSON, AUTHORISED_AGENT

}
