package org.unbinddesk.notice;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The sender of each channel: the gateways and the mail server, or the demo outbox for all of them.
 */
@Component
class NoticeSenders {

	private final Map<NoticeChannel, NoticeSender> senders = new EnumMap<>(NoticeChannel.class);

	NoticeSenders(List<NoticeSender> gateways, Optional<DemoOutbox> outbox) {
		for (NoticeChannel channel : NoticeChannel.values()) {
			outbox.ifPresent(o -> senders.put(channel, o.sender(channel)));
		}
		if (outbox.isEmpty()) {
			gateways.forEach(sender -> senders.put(sender.channel(), sender));
		}
	}

	NoticeSender of(NoticeChannel channel) {
		NoticeSender sender = senders.get(channel);
		if (sender == null) {
			throw new IllegalStateException("No sender for " + channel);
		}
		return sender;
	}

}
