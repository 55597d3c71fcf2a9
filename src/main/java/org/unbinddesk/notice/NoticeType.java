package org.unbinddesk.notice;

/**
 * The notices a merchant gets; each has a template in {@code notices/notices*.properties}.
 */
public enum NoticeType {

	REQUEST_INVALID, DOCUMENTS_REQUEST, FEE_NOTICE, REJECTION, LAPSE, WITHDRAWAL, CANCELLATION, CONFIRMATION

}
