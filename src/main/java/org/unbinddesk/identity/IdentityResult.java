package org.unbinddesk.identity;

/**
 * The outcome of the three-element check (name, ID number, phone) against the legal person on file.
 */
public enum IdentityResult {

	/** All three elements match. */
	PASS,
	/** Name and ID match but something needs confirming: an agent calls the number on file. */
	CALLBACK,
	/** The ID number is invalid, or name and ID do not match the legal person. */
	MISMATCH

}
