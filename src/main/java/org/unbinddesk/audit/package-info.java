/**
 * The audit trail: who did what to which case, and the refusals the registry records in a transaction of their
 * own. A leaf of the domain: used by {@code cases} and the steps; it knows a case only as {@link
 * org.unbinddesk.audit.AuditedCase}.
 */
package org.unbinddesk.audit;
