package org.unbinddesk.notice;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unbinddesk.notice.NoticeSender.DeliveryFailed;
import org.unbinddesk.merchant.Merchant;
import org.unbinddesk.merchant.MerchantRepository;

/**
 * Delivers the outbox: every few seconds each node takes the due notices of a round in one commit, each by a
 * conditional update that only one node can win (so several nodes send each notice once), and takes the next round at
 * once while rounds are full. It sends each over its channel outside any transaction and records each result in its
 * own commit, so a notice recorded as sent is never sent again. A failed attempt is tried again later, the waits
 * doubling over the retry window (5 tries over 30 minutes by default), always with the same delivery id, so a
 * provider that took a message whose answer got lost drops the repeat. A node that dies while sending loses its hold
 * when the lease ends.
 */
@Component
public class NoticeDispatcher {

	private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);

	private final NoticeRepository notices;

	private final MerchantRepository merchants;

	private final NoticeSenders senders;

	private final NoticeService texts;

	private final NoticeProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final String node;

	NoticeDispatcher(NoticeRepository notices, MerchantRepository merchants, NoticeSenders senders,
			NoticeService texts, NoticeProperties properties, PlatformTransactionManager transactions, Clock clock) {
		this.notices = notices;
		this.merchants = merchants;
		this.senders = senders;
		this.texts = texts;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.node = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Scheduled(fixedDelayString = "${unbinddesk.notices.dispatch.interval:PT5S}", initialDelayString = "PT10S")
	void dispatchOnSchedule() {
		if (!properties.dispatch().enabled()) {
			return;
		}
		// a full round means more may be due: the next round goes at once, so the outbox keeps up with the cases
		// (one round every interval would send at most batch ÷ interval, 4 a second by default)
		while (dispatchDue() >= properties.dispatch().batch()) {
		}
	}

	/** Sends what is due now, as this node; answers how many notices this node attempted. */
	public int dispatchDue() {
		return dispatchDue(node);
	}

	/** As {@link #dispatchDue()}, naming the node (tests play several nodes). */
	public int dispatchDue(String nodeName) {
		LocalDateTime now = LocalDateTime.now(clock);
		List<Long> due = notices.findDue(now, Limit.of(properties.dispatch().batch()));
		if (due.isEmpty()) {
			return 0;
		}
		LocalDateTime until = now.plus(properties.dispatch().lease());
		// the round's notices taken in one commit, in id order on every node, so that two nodes taking the same
		// notices wait for each other at worst and never deadlock
		Set<Long> taken = transaction.execute(status -> due.stream()
			.sorted()
			.filter(id -> notices.claim(id, nodeName, now, until) == 1)
			.collect(Collectors.toSet()));
		// sent in the order they fell due
		List<Long> claimed = due.stream().filter(taken::contains).toList();
		// each one sent while at least half the lease is left, so a slow gateway never outlasts it; those not tried
		// (out of time, or the round broken off by an error) are given back at once, for the next round of any node
		LocalDateTime sendUntil = now.plus(properties.dispatch().lease().dividedBy(2));
		int attempted = 0;
		try {
			for (Long id : claimed) {
				if (LocalDateTime.now(clock).isAfter(sendUntil)) {
					log.info("Sending round of {} stopped near the end of its lease: {} notices left for the next round",
							nodeName, claimed.size() - attempted);
					break;
				}
				attempted++;
				deliver(id);
			}
		}
		finally {
			if (attempted < claimed.size()) {
				notices.release(claimed.subList(attempted, claimed.size()), nodeName);
			}
		}
		return attempted;
	}

	/** Sends a one-time code's SMS at once, with the text that holds the code; the row keeps the code hidden. */
	public Notice sendNow(Notice notice, String text) {
		Delivery delivery = new Delivery(notice.getDeliveryId(), notice.getChannel(),
				recipient(notice).orElse(null), notice.getType().name(), notice.getCaseNumber(), notice.getLanguage(),
				texts.subject(notice), text);
		return attempt(notice.getId(), delivery, false);
	}

	private void deliver(Long id) {
		Notice notice = notices.findById(id).orElseThrow();
		Optional<String> recipient = recipient(notice);
		if (recipient.isEmpty()) {
			record(id, n -> n.attemptFailed("no recipient on file for " + n.getChannel(), null));
			log.warn("Notice {} of {} failed: no recipient on file", notice.getDeliveryId(), notice.getCaseNumber());
			return;
		}
		Delivery delivery = new Delivery(notice.getDeliveryId(), notice.getChannel(), recipient.get(),
				notice.getType().name(), notice.getCaseNumber(), notice.getLanguage(), texts.subject(notice),
				notice.getText());
		attempt(id, delivery, true);
	}

	private Notice attempt(Long id, Delivery delivery, boolean retry) {
		if (delivery.recipient() == null) {
			return record(id, n -> n.attemptFailed("no recipient on file for " + n.getChannel(), null));
		}
		try {
			String messageId = senders.of(delivery.channel()).send(delivery);
			log.info("Notice {} of {} sent by {}", delivery.deliveryId(), delivery.caseNumber(), delivery.channel());
			return record(id, n -> n.sent(messageId, LocalDateTime.now(clock)));
		}
		catch (DeliveryFailed ex) {
			return record(id, n -> {
				Duration wait = retry ? properties.dispatch().backoff(n.getAttempts() + 1) : null;
				n.attemptFailed(ex.getMessage(), wait == null ? null : LocalDateTime.now(clock).plus(wait));
				if (wait == null) {
					log.warn("Notice {} of {} failed after {} attempts: {}", n.getDeliveryId(), n.getCaseNumber(),
							n.getAttempts(), ex.getMessage());
				}
				else {
					log.info("Notice {} of {}: attempt {} failed ({}), next in {}", n.getDeliveryId(),
							n.getCaseNumber(), n.getAttempts(), ex.getMessage(), wait);
				}
			});
		}
	}

	private Notice record(Long id, java.util.function.Consumer<Notice> change) {
		return transaction.execute(status -> {
			Notice notice = notices.findById(id).orElseThrow();
			change.accept(notice);
			return notices.save(notice);
		});
	}

	/** The address of the notice's channel, from the registry now (never stored with the notice). */
	private Optional<String> recipient(Notice notice) {
		Optional<Merchant> merchant = Optional.ofNullable(notice.getMerchantNo()).flatMap(merchants::findById);
		return merchant.map(m -> switch (notice.getChannel()) {
			case SMS -> m.getLegalPersonPhone();
			case EMAIL -> m.getEmail();
			case WECHAT -> m.getWechatOpenId();
		}).filter(address -> !address.isBlank());
	}

}
