package org.unbinddesk.consent;

/**
 * What a one-time code confirms: the merchant's answer to a fee notice (accept or decline), or a cancellation.
 */
public enum ConsentPurpose {

	FEE, CANCELLATION

}
