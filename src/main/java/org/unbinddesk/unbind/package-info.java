/**
 * The unbind itself: stopping the terminal at the cut-off, removing the binding after the final settlement, the
 * device and deposit, the clearing report and when each happens. Used by the process.
 */
package org.unbinddesk.unbind;
