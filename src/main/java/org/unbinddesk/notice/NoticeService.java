package org.unbinddesk.notice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Service;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.registry.Merchant;
import org.unbinddesk.registry.MerchantRepository;
import org.unbinddesk.system.Masks;

/**
 * Writes merchant notices to the outbox, in Simplified Chinese and English. Free text from people (a rejection
 * reason) is scrubbed of long numbers first: a notice never carries a full ID, card or phone number.
 */
@Service
public class NoticeService {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static final Locale ENGLISH = Locale.ENGLISH;

	private final ResourceBundleMessageSource templates;

	private final NoticeRepository notices;

	private final MerchantRepository merchants;

	private final Clock clock;

	NoticeService(NoticeRepository notices, MerchantRepository merchants, Clock clock) {
		this.notices = notices;
		this.merchants = merchants;
		this.clock = clock;
		this.templates = new ResourceBundleMessageSource();
		this.templates.setBasename("notices/notices");
		this.templates.setDefaultEncoding("UTF-8");
		this.templates.setFallbackToSystemLocale(false);
		this.templates.setAlwaysUseMessageFormat(true);
	}

	/**
	 * @param details what the notice type needs: a reason, a list of documents, amounts (see the templates)
	 */
	public Notice send(UnbindingCase unbindingCase, NoticeType type, NoticeDetails details) {
		Optional<Merchant> merchant = Optional.ofNullable(unbindingCase.getMerchantNo()).flatMap(merchants::findById);
		String language = merchant.map(Merchant::getPreferredLanguage).orElse("zh-CN");
		Notice notice = new Notice(unbindingCase.getCaseNumber(), merchant.map(Merchant::getMerchantNo).orElse(null),
				type, language, render(type, unbindingCase, merchant, details, CHINESE),
				render(type, unbindingCase, merchant, details, ENGLISH), LocalDateTime.now(clock));
		return notices.save(notice);
	}

	/** A system reason ({@code reason.*}) in English, for the case record and reviewers. */
	public String describe(String reasonCode, Object[] args) {
		return templates.getMessage("reason." + reasonCode, args, reasonCode, ENGLISH);
	}

	private String render(NoticeType type, UnbindingCase unbindingCase, Optional<Merchant> merchant,
			NoticeDetails details, Locale locale) {
		String key = "notice." + type.name();
		if (type == NoticeType.FEE_NOTICE) {
			key += details.fee() != null && details.fee().signum() > 0 ? ".payable" : ".free";
		}
		String detail = details.reasonCode() != null
				? templates.getMessage("reason." + details.reasonCode(), details.reasonArgs(), locale)
				: Masks.scrub(details.text(), 500);
		if (type == NoticeType.DOCUMENTS_REQUEST) {
			detail = documentNames(details.text(), locale);
		}
		if (type == NoticeType.CONFIRMATION) {
			detail = details.depositRefund() != null && details.depositRefund().signum() > 0
					? templates.getMessage("confirmation.refund", new Object[] { amount(details.depositRefund()) },
							locale)
					: templates.getMessage("confirmation.noRefund", null, locale);
		}
		Object[] args = { merchant.map(Merchant::getName).orElse(templates.getMessage("merchant.unknown", null, locale)),
				unbindingCase.getCaseNumber(), Optional.ofNullable(unbindingCase.getTerminalId()).orElse("-"),
				detail == null ? "" : detail, amount(details.fee()), amount(details.depositRefund()),
				details.deadline() == null ? "" : details.deadline().toLocalDate().toString() };
		return templates.getMessage(key, args, locale);
	}

	private String documentNames(String codes, Locale locale) {
		if (codes == null || codes.isBlank()) {
			return "";
		}
		String separator = locale.equals(CHINESE) ? "、" : ", ";
		return String.join(separator, Arrays.stream(codes.split(","))
			.map(String::strip)
			.map(code -> templates.getMessage("document." + code, null, code, locale))
			.toList());
	}

	private static String amount(BigDecimal value) {
		return value == null ? "0.00" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * What one notice says beyond the case itself.
	 * @param reasonCode a system reason with a template ({@code reason.*}), or null
	 * @param reasonArgs arguments of that template
	 * @param text a reason typed by a person, or a comma-separated list of document codes
	 * @param fee the fee (fee notice)
	 * @param depositRefund the deposit refund (fee notice, confirmation)
	 * @param deadline the deadline the merchant must meet, if any
	 */
	public record NoticeDetails(String reasonCode, Object[] reasonArgs, String text, BigDecimal fee,
			BigDecimal depositRefund, LocalDateTime deadline) {

		public static NoticeDetails none() {
			return new NoticeDetails(null, null, null, null, null, null);
		}

		public static NoticeDetails reason(String code, Object... args) {
			return new NoticeDetails(code, args, null, null, null, null);
		}

		public static NoticeDetails text(String text) {
			return new NoticeDetails(null, null, text, null, null, null);
		}

	}

}
