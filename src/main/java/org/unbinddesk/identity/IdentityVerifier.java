package org.unbinddesk.identity;

/**
 * Real-name verification (实名认证) of an applicant against the legal person of a merchant. The default
 * implementation compares with the registry; in production this may be an external verification service.
 */
public interface IdentityVerifier {

	IdentityCheck verify(Applicant applicant, String merchantNo);

	/**
	 * @param role {@code LEGAL_PERSON} or {@code AUTHORISED_AGENT}
	 */
	record Applicant(String name, String idNumber, String phone, String role) {

		@Override
		public String toString() {
			return "Applicant[role=" + role + "]";
		}
	}

}
