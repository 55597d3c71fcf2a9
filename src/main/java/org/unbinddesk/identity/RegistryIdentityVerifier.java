package org.unbinddesk.identity;

import java.util.Objects;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import org.unbinddesk.cases.ApplicantRole;
import org.unbinddesk.merchant.Merchant;
import org.unbinddesk.merchant.MerchantRepository;

/**
 * Three-element check against the legal person in the registry. The ID check digit is validated first; an authorised
 * agent is never the legal person, so the legal person is always called back on the number on file.
 */
@Service
@ConditionalOnProperty(name = "unbinddesk.identity.mode", havingValue = "registry", matchIfMissing = true)
class RegistryIdentityVerifier implements IdentityVerifier {

	private final MerchantRepository merchants;

	RegistryIdentityVerifier(MerchantRepository merchants) {
		this.merchants = merchants;
	}

	@Override
	public IdentityCheck verify(Applicant applicant, String merchantNo) {
		if (!IdNumbers.isValid(applicant.idNumber())) {
			return new IdentityCheck(IdentityResult.MISMATCH, "ID number fails the GB 11643 check");
		}
		Merchant merchant = merchants.findById(merchantNo)
			.orElseThrow(() -> new IllegalStateException("Merchant " + merchantNo + " is not in the registry"));
		if (ApplicantRole.AUTHORISED_AGENT.name().equals(applicant.role())) {
			return new IdentityCheck(IdentityResult.CALLBACK,
					"Applicant is an authorised agent: confirm the request with the legal person on the number on file");
		}
		boolean nameMatches = Objects.equals(strip(applicant.name()), strip(merchant.getLegalPersonName()));
		boolean idMatches = Objects.equals(IdNumbers.normalise(applicant.idNumber()),
				IdNumbers.normalise(merchant.getLegalPersonIdNumber()));
		if (!nameMatches || !idMatches) {
			return new IdentityCheck(IdentityResult.MISMATCH,
					"Name or ID number does not match the legal person on file");
		}
		if (!Objects.equals(strip(applicant.phone()), merchant.getLegalPersonPhone())) {
			return new IdentityCheck(IdentityResult.CALLBACK,
					"Phone number differs from the number on file: call the merchant back on the number on file");
		}
		return new IdentityCheck(IdentityResult.PASS, "Name, ID number and phone match the legal person on file");
	}

	private static String strip(String value) {
		return value == null ? null : value.strip();
	}

}
