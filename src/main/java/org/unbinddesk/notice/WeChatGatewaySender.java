package org.unbinddesk.notice;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A template message of the acquirer's WeChat official account, through its message gateway:
 * {@code POST {url}/template-messages} to the merchant's follower id (openid).
 */
@Component
@ConditionalOnProperty(name = "unbinddesk.notices.delivery", havingValue = "gateways", matchIfMissing = true)
class WeChatGatewaySender extends HttpGatewaySender {

	WeChatGatewaySender(NoticeProperties properties) {
		super(properties.wechat(), "/template-messages");
	}

	@Override
	public NoticeChannel channel() {
		return NoticeChannel.WECHAT;
	}

	@Override
	Map<String, Object> body(Delivery delivery) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("appId", gateway.account());
		body.put("toUser", delivery.recipient());
		body.put("templateId", gateway.template(delivery.noticeType()));
		body.put("data", Map.of("caseNumber", delivery.caseNumber(), "content", delivery.text()));
		body.put("outId", delivery.deliveryId());
		return body;
	}

}
