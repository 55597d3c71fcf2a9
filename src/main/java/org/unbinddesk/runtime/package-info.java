/**
 * How the service runs: the clock, engine metrics, checks that refuse unsafe production settings, acting as the
 * service in the engine, and the HTTP endpoints of neighbouring systems. A leaf: used everywhere.
 */
package org.unbinddesk.runtime;
