/**
 * The case API intake systems and agents call ({@code /api/unbinding-cases}): requests, views, RFC 7807 problems,
 * idempotency keys and documents. The top layer: nothing depends on it.
 */
package org.unbinddesk.api;
