/**
 * The applicant's real-name check: ID numbers' shape and check digit, and verification against the registry or
 * the identity service over HTTP. Used by the process and the API.
 */
package org.unbinddesk.identity;
