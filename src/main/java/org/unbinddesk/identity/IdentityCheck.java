package org.unbinddesk.identity;

/**
 * @param result the decision
 * @param note why, in words a reviewer reads (never the compared values themselves)
 */
public record IdentityCheck(IdentityResult result, String note) {

}
