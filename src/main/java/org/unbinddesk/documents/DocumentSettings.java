package org.unbinddesk.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the merchant's files ({@code unbinddesk.documents.*}).
 *
 * @param maxSize the largest file accepted
 * @param maxPixels images larger than this are shown scaled down, so a small file that decodes into a huge picture
 * cannot exhaust memory
 * @param store where the bytes are kept: {@code database} (the only one built; see docs/documents.md for an S3
 * compatible object store)
 */
@ConfigurationProperties("unbinddesk.documents")
public record DocumentSettings(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("16000000") long maxPixels,
		@DefaultValue("database") String store) {

}
