package org.unbinddesk.account;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.unbinddesk.runtime.HttpEndpoint;

/**
 * Account status from the settlement system ({@code unbinddesk.settlement.mode=http}):
 * {@code GET /merchants/{merchantNo}/unbind-status?terminalSn=…} answers {@code {"unsettled": …, "blockReasons": […]}};
 * {@code GET /merchants/{merchantNo}/post-unbind-check?terminalSn=…&unboundAt=…} answers {@code {"issues": […]}}.
 */
@Service
@ConditionalOnProperty(name = "unbinddesk.settlement.mode", havingValue = "http")
@EnableConfigurationProperties(HttpAccountStatusChecker.SettlementServiceProperties.class)
class HttpAccountStatusChecker implements AccountStatusChecker {

	private final RestClient client;

	HttpAccountStatusChecker(SettlementServiceProperties properties) {
		this.client = properties.http().client();
	}

	@Override
	public AccountStatus check(String merchantNo, String terminalSn) {
		Status status = client.get()
			.uri("/merchants/{merchantNo}/unbind-status?terminalSn={sn}", merchantNo, terminalSn)
			.retrieve()
			.body(Status.class);
		if (status == null || status.unsettled() == null || status.blockReasons() == null) {
			throw new IllegalStateException("The settlement system gave an incomplete account status");
		}
		return new AccountStatus(status.unsettled(), List.copyOf(status.blockReasons()));
	}

	@Override
	public List<String> checkAfterUnbind(String merchantNo, String terminalSn, LocalDateTime unboundAt) {
		Check check = client.get()
			.uri("/merchants/{merchantNo}/post-unbind-check?terminalSn={sn}&unboundAt={at}", merchantNo, terminalSn,
					unboundAt)
			.retrieve()
			.body(Check.class);
		if (check == null || check.issues() == null) {
			throw new IllegalStateException("The settlement system gave an incomplete post-unbind check");
		}
		return List.copyOf(check.issues());
	}

	record Status(Boolean unsettled, List<String> blockReasons) {
	}

	record Check(List<String> issues) {
	}

	/** Where the service answers ({@code unbinddesk.settlement.http.*}). */
	@ConfigurationProperties("unbinddesk.settlement")
	record SettlementServiceProperties(HttpEndpoint http) {
	}

}
