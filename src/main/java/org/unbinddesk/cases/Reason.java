package org.unbinddesk.cases;

/**
 * Why a merchant asks for the unbind.
 */
public enum Reason {

	DEVICE_FAULT, LOST_DEVICE, BUSINESS_CLOSED, CHANGE_OF_OWNER, DEVICE_REPLACEMENT, SWITCHING_PROVIDER

}
