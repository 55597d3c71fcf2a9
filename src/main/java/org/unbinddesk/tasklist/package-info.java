/**
 * What Tasklist's own script asks of the service, behind the web apps' login
 * ({@code /camunda/api/unbind-desk/...}): how a case an agent just started came out, and the merchant's files of a
 * task's case, shown and attached through the case API's own rule. The top layer: nothing depends on it.
 */
package org.unbinddesk.tasklist;
