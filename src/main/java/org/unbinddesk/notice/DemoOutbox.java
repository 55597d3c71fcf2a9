package org.unbinddesk.notice;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.unbinddesk.privacy.Masks;

/**
 * The demo's stand-in for every channel ({@code unbinddesk.notices.delivery=outbox}, set by the demo profile): each
 * message is logged and kept in memory (the latest 500), so a newcomer sees everything a merchant would get,
 * one-time codes included ({@code GET /api/demo/outbox}). Never in production: it shows the codes.
 */
@Component
@ConditionalOnProperty(name = "unbinddesk.notices.delivery", havingValue = "outbox")
public class DemoOutbox {

	private static final Logger log = LoggerFactory.getLogger(DemoOutbox.class);

	private static final int KEPT = 500;

	private final Deque<Message> messages = new ConcurrentLinkedDeque<>();

	private final Clock clock;

	DemoOutbox(Clock clock) {
		this.clock = clock;
	}

	NoticeSender sender(NoticeChannel channel) {
		return new NoticeSender() {

			@Override
			public NoticeChannel channel() {
				return channel;
			}

			@Override
			public String send(Delivery delivery) {
				return keep(delivery);
			}
		};
	}

	private String keep(Delivery delivery) {
		String to = delivery.channel() == NoticeChannel.SMS ? Masks.last4(delivery.recipient())
				: delivery.recipient();
		Message message = new Message(delivery.deliveryId(), delivery.channel().name(), to, delivery.caseNumber(),
				delivery.noticeType(), delivery.subject(), delivery.text(), LocalDateTime.now(clock));
		messages.addLast(message);
		while (messages.size() > KEPT) {
			messages.pollFirst();
		}
		log.info("Demo outbox: {} to {} for {}: {}", message.channel(), to, delivery.caseNumber(), delivery.text());
		return "outbox-" + delivery.deliveryId();
	}

	/** The messages kept, oldest first; only those of one case when {@code caseNumber} is given. */
	public List<Message> messages(String caseNumber) {
		List<Message> all = new ArrayList<>(messages);
		return caseNumber == null ? all : all.stream().filter(m -> caseNumber.equals(m.caseNumber())).toList();
	}

	/**
	 * A message as the merchant got it. The phone is masked; an e-mail address or WeChat id is shown as the demo
	 * registry holds it.
	 */
	public record Message(String deliveryId, String channel, String to, String caseNumber, String type,
			String subject, String text, LocalDateTime sentAt) {
	}

}
