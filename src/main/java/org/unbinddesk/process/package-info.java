/**
 * The BPMN's Java side: delegates and listeners of {@code TerminalUnbinding} (thin: each calls a domain service),
 * variable names, user task ids and the engine's settings (history, metrics, schema scripts). Depends on the domain packages; only the API and
 * the dashboard depend on it.
 */
package org.unbinddesk.process;
