package org.unbinddesk.notice;

/**
 * How a notice reaches the merchant. SMS goes to the legal person's phone on file, e-mail to the address a company
 * gave, WeChat to the merchant's follower id of the acquirer's official account.
 */
public enum NoticeChannel {

	SMS, EMAIL, WECHAT

}
