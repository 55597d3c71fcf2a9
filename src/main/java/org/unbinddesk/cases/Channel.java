package org.unbinddesk.cases;

/**
 * Where the merchant reached customer service.
 */
public enum Channel {

	PHONE, EMAIL, CHAT, WECHAT, APP

}
