/**
 * Working days and the State Council's holiday schedule, which deadlines, SLAs and the unbind schedule count in;
 * operations correct a day over {@code PUT /api/calendar/{day}}. Depends on nothing of the product.
 */
package org.unbinddesk.calendar;
