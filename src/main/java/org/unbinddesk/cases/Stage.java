package org.unbinddesk.cases;

/**
 * The five stages of a case, as the process diagram groups its steps.
 */
public enum Stage {

	CONTACT, APPLICATION, REVIEW, UNBIND, CONFIRMATION

}
