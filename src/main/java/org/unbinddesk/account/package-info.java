/**
 * The merchant's settlement account as the unbind needs it: whether money or disputes block the unbind, and
 * whether anything went wrong after it; answered from the registry or by the settlement system over HTTP. Used by
 * the process.
 */
package org.unbinddesk.account;
