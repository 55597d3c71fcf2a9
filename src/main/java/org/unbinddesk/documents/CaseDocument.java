package org.unbinddesk.documents;

import java.time.LocalDateTime;

/**
 * One document of a case: a file the merchant supplied, or the record that a channel verified the paper elsewhere and
 * sent only its code ({@link Kind#VERIFIED_ELSEWHERE}: no type, size or checksum).
 */
public record CaseDocument(long id, String caseNumber, String code, Kind kind, String mediaType, Long size,
		String sha256, String suppliedBy, LocalDateTime suppliedAt) {

	public enum Kind {

		FILE, VERIFIED_ELSEWHERE

	}

	public boolean isImage() {
		return mediaType != null && mediaType.startsWith("image/");
	}

}
