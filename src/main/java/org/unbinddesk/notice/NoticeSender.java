package org.unbinddesk.notice;

/**
 * Hands a message to one channel's provider. Answers the provider's message id once it took the message; throws
 * {@link DeliveryFailed} when it did not (down, slow, refused, or an answer that cannot be read): the dispatcher
 * tries again later with the same delivery id.
 */
public interface NoticeSender {

	NoticeChannel channel();

	String send(Delivery delivery);

	class DeliveryFailed extends RuntimeException {

		public DeliveryFailed(String message) {
			super(message);
		}

		public DeliveryFailed(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
