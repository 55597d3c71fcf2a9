/**
 * The documents a case needs (the DMN table) and the files merchants send: checked by Apache Tika, stored in
 * chunks, watermarked when shown, kept for their retention period. Used by {@code cases}, the process and the API.
 */
package org.unbinddesk.documents;
