/**
 * Webhooks to intake systems: a case's changes written as events in the same transaction and delivered with
 * retries. Listens to {@code cases} and {@code notice}; nothing depends on it.
 */
package org.unbinddesk.webhook;
