/**
 * The operations dashboard ({@code /dashboard}, {@code /api/dashboard}): figures read straight from the registry
 * and the engine. Nothing depends on it.
 */
package org.unbinddesk.dashboard;
