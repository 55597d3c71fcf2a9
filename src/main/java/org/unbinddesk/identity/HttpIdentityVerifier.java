package org.unbinddesk.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.unbinddesk.runtime.HttpEndpoint;

/**
 * Real-name verification by the identity service ({@code unbinddesk.identity.mode=http}):
 * {@code POST /verifications} with the applicant, answering {@code {"result": "PASS|CALLBACK|MISMATCH", "note": …}}.
 * An answer without a known result is a technical failure, not a mismatch.
 */
@Service
@ConditionalOnProperty(name = "unbinddesk.identity.mode", havingValue = "http")
@EnableConfigurationProperties(HttpIdentityVerifier.IdentityServiceProperties.class)
class HttpIdentityVerifier implements IdentityVerifier {

	private final RestClient client;

	HttpIdentityVerifier(IdentityServiceProperties properties) {
		this.client = properties.http().client();
	}

	@Override
	public IdentityCheck verify(Applicant applicant, String merchantNo) {
		Answer answer = client.post()
			.uri("/verifications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Question(merchantNo, applicant.name(), applicant.idNumber(), applicant.phone(), applicant.role()))
			.retrieve()
			.body(Answer.class);
		if (answer == null || answer.result() == null) {
			throw new IllegalStateException("The identity service gave no verification result");
		}
		IdentityResult result;
		try {
			result = IdentityResult.valueOf(answer.result());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The identity service answered an unknown result: " + answer.result());
		}
		return new IdentityCheck(result, answer.note() == null ? "Verified by the identity service" : answer.note());
	}

	record Question(String merchantNo, String name, String idNumber, String phone, String role) {

		@Override
		public String toString() {
			return "Question[merchantNo=" + merchantNo + "]";
		}
	}

	record Answer(String result, String note) {
	}

	/** Where the service answers ({@code unbinddesk.identity.http.*}). */
	@ConfigurationProperties("unbinddesk.identity")
	record IdentityServiceProperties(HttpEndpoint http) {
	}

}
