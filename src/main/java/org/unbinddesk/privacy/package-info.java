/**
 * Personal data kept out of everything but the registry: masks for ID, phone and card numbers in free text, and
 * the engine's history level that never writes the sensitive variables. A leaf: used everywhere, depends on nothing.
 */
package org.unbinddesk.privacy;
