/**
 * The unbinding fee and deposit refund, decided by the {@code unbinding-fee} DMN table. Used by the process.
 */
package org.unbinddesk.fee;
