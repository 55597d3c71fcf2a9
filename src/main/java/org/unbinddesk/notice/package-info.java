/**
 * Notices to merchants: texts in Chinese, delivery by SMS, WeChat or e-mail with retries and receipts, and the
 * demo outbox. Used by the process and {@code consent}.
 */
package org.unbinddesk.notice;
