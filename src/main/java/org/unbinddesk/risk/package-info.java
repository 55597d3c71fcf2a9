/**
 * A case's risk level, decided by the {@code unbinding-risk} DMN table from the signals the registry gives. Used by
 * the process.
 */
package org.unbinddesk.risk;
