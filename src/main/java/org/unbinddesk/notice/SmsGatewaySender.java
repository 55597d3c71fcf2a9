package org.unbinddesk.notice;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * SMS through the operator gateway: {@code POST {url}/sms/messages}. The gateway adds the registered signature name
 * ({@code signName}); the full text goes along with the template id the notice type was registered under.
 */
@Component
@ConditionalOnProperty(name = "unbinddesk.notices.delivery", havingValue = "gateways", matchIfMissing = true)
class SmsGatewaySender extends HttpGatewaySender {

	SmsGatewaySender(NoticeProperties properties) {
		super(properties.sms(), "/sms/messages");
	}

	@Override
	public NoticeChannel channel() {
		return NoticeChannel.SMS;
	}

	@Override
	Map<String, Object> body(Delivery delivery) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("account", gateway.account());
		body.put("signName", gateway.signName());
		body.put("templateId", gateway.template(delivery.noticeType()));
		body.put("phone", delivery.recipient());
		body.put("content", delivery.text());
		body.put("outId", delivery.deliveryId());
		return body;
	}

}
