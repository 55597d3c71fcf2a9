/**
 * Who may do what: Spring Security for the service's own pages and API, the engine groups and their exact
 * authorizations, Tasklist filters, demo users, login throttling and the guards on the engine's REST API. Used by the
 * web layers and the process (group names); depends on {@code cases}, {@code problem} and {@code runtime}.
 */
package org.unbinddesk.access;
