package org.unbinddesk.notice;

import org.unbinddesk.privacy.Masks;

/**
 * One message to hand to a channel: where it goes (read from the registry just now), what it says, and the id the
 * provider deduplicates on.
 */
public record Delivery(String deliveryId, NoticeChannel channel, String recipient, String noticeType,
		String caseNumber, String language, String subject, String text) {

	@Override
	public String toString() {
		return "Delivery[" + deliveryId + ", " + channel + " to " + Masks.last4(recipient) + "]";
	}

}
