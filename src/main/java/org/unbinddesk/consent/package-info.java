/**
 * One-time codes a merchant gives to agree to a fee or a cancellation: issued, sent and checked once. Used by the
 * API.
 */
package org.unbinddesk.consent;
