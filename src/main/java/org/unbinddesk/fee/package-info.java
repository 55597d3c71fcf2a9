/**
 * The unbinding fee, deposit refund and SIM data fee (流量费), decided by the {@code unbinding-fee} DMN tables
 * ({@code UnbindingFee}, {@code SimDataFee}). Used by the process.
 */
package org.unbinddesk.fee;
