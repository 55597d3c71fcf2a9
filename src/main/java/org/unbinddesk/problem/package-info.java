/**
 * RFC 7807 problem types and how a problem body is written, for the API, the security filters and Tomcat's own
 * errors. A leaf: used by the web layers.
 */
package org.unbinddesk.problem;
