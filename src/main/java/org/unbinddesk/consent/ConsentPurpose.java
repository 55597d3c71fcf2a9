package org.unbinddesk.consent;

/**
 * What a one-time code confirms: the merchant's answer to a fee notice (accept or decline), a cancellation, or the
 * unbinding request itself.
 */
public enum ConsentPurpose {

	FEE, CANCELLATION,

	/** The unbinding itself, for a request not made in the merchant's own app. */
	UNBINDING

}
