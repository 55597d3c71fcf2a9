package org.unbinddesk.notice;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through the mail server ({@code spring.mail.*}) for companies that gave an address. The delivery id is the
 * message's {@code Message-ID}, so a resent notice is the same message to the recipient's mail system.
 */
@Component
@ConditionalOnProperty(name = "unbinddesk.notices.delivery", havingValue = "gateways", matchIfMissing = true)
class EmailSender implements NoticeSender {

	private final ObjectProvider<JavaMailSender> mail;

	private final NoticeProperties properties;

	EmailSender(ObjectProvider<JavaMailSender> mail, NoticeProperties properties) {
		this.mail = mail;
		this.properties = properties;
	}

	@Override
	public NoticeChannel channel() {
		return NoticeChannel.EMAIL;
	}

	@Override
	public String send(Delivery delivery) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new DeliveryFailed("no mail server configured (spring.mail.host)");
		}
		String messageId = "<" + delivery.deliveryId() + "@unbinddesk>";
		try {
			MimeMessage message = sender instanceof JavaMailSenderImpl impl ? new MimeMessage(impl.getSession()) {
				@Override
				protected void updateMessageID() throws MessagingException {
					setHeader("Message-ID", messageId);
				}
			} : sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			helper.setFrom(properties.mail().from());
			helper.setTo(delivery.recipient());
			helper.setSubject(delivery.subject());
			helper.setText(delivery.text());
			sender.send(message);
		}
		catch (MessagingException | MailException ex) {
			throw new DeliveryFailed("mail server: " + ex.getClass().getSimpleName(), ex);
		}
		return messageId;
	}

}
