package org.unbinddesk.process;

import org.springframework.stereotype.Component;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.merchant.Merchant;
import org.unbinddesk.merchant.MerchantRepository;

/**
 * The legal person's phone number on file, for the agent who calls back ({@code ${merchantContact.phoneOnFile(...)}}
 * fills a local variable of "Call merchant back" only). Never the number the caller gave.
 */
@Component("merchantContact")
public class MerchantContact {

	private final CaseRegistry cases;

	private final MerchantRepository merchants;

	MerchantContact(CaseRegistry cases, MerchantRepository merchants) {
		this.cases = cases;
		this.merchants = merchants;
	}

	public String phoneOnFile(String caseNumber) {
		return merchants.findById(cases.get(caseNumber).getMerchantNo())
			.map(Merchant::getLegalPersonPhone)
			.orElseThrow();
	}

}
