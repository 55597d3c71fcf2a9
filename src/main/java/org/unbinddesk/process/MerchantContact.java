package org.unbinddesk.process;

import org.springframework.stereotype.Component;
import org.unbinddesk.cases.CaseRegistry;
import org.unbinddesk.merchant.Merchant;
import org.unbinddesk.merchant.MerchantRepository;
import org.unbinddesk.notice.NoticeProperties;

/**
 * What the agent who calls back needs: the legal person's phone number on file ({@code
 * ${merchantContact.phoneOnFile(...)}} fills a local variable of "Call merchant back" only; never the number the
 * caller gave), and the official hotline the script invites the merchant to call back.
 */
@Component("merchantContact")
public class MerchantContact {

	private final CaseRegistry cases;

	private final MerchantRepository merchants;

	private final NoticeProperties notices;

	MerchantContact(CaseRegistry cases, MerchantRepository merchants, NoticeProperties notices) {
		this.cases = cases;
		this.merchants = merchants;
		this.notices = notices;
	}

	/** The official customer-service number every notice names. */
	public String officialHotline() {
		return notices.hotline();
	}

	public String phoneOnFile(String caseNumber) {
		return merchants.findById(cases.get(caseNumber).getMerchantNo())
			.map(Merchant::getLegalPersonPhone)
			.orElseThrow();
	}

}
