package org.unbinddesk.cases;

public enum CaseStatus {

	OPEN, CLOSED

}
