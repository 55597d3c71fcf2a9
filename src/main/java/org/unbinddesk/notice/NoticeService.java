package org.unbinddesk.notice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Service;
import org.unbinddesk.cases.DepositReturn;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.merchant.Merchant;
import org.unbinddesk.merchant.MerchantRepository;
import org.unbinddesk.privacy.Masks;

/**
 * Writes merchant notices to the outbox, in Simplified Chinese and English, each signed 【acquirer】 with the official
 * hotline and the warning that staff never ask for codes, passwords, app downloads or transfers. Chinese notices
 * carry no English: codes become their Chinese names, and a reason typed in English is replaced by a pointer to the
 * hotline. Free text is scrubbed of long numbers first: a notice never carries a full ID, card or phone number.
 */
@Service
public class NoticeService {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static final Locale ENGLISH = Locale.ENGLISH;

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", ENGLISH);

	/** Two Latin letters in a row: an English word (masked numbers and terminal ids are letters and digits). */
	private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{2,}");

	private static final String HIDDEN_CODE = "******";

	private final ResourceBundleMessageSource templates;

	private final NoticeRepository notices;

	private final MerchantRepository merchants;

	private final NoticeProperties properties;

	private final Clock clock;

	NoticeService(NoticeRepository notices, MerchantRepository merchants, NoticeProperties properties, Clock clock) {
		this.notices = notices;
		this.merchants = merchants;
		this.properties = properties;
		this.clock = clock;
		this.templates = new ResourceBundleMessageSource();
		this.templates.setBasename("notices/notices");
		this.templates.setDefaultEncoding("UTF-8");
		this.templates.setFallbackToSystemLocale(false);
		this.templates.setAlwaysUseMessageFormat(true);
	}

	/**
	 * Puts a notice in the outbox, for the merchant's channel; it commits with the step that wrote it and is
	 * delivered by {@link NoticeDispatcher}.
	 * @param details what the notice type needs: a reason, a list of documents, amounts (see the templates)
	 */
	public Notice send(UnbindingCase unbindingCase, NoticeType type, NoticeDetails details) {
		Optional<Merchant> merchant = Optional.ofNullable(unbindingCase.getMerchantNo()).flatMap(merchants::findById);
		String language = merchant.map(Merchant::getPreferredLanguage).orElse("zh-CN");
		Notice notice = new Notice(unbindingCase.getCaseNumber(), merchant.map(Merchant::getMerchantNo).orElse(null),
				type, language, render(type, unbindingCase, merchant, details, null, CHINESE),
				render(type, unbindingCase, merchant, details, null, ENGLISH), channelOf(merchant), newDeliveryId(),
				LocalDateTime.now(clock));
		return notices.save(notice);
	}

	/**
	 * Records a one-time code's SMS, with the code hidden, and answers the texts to send: the code is never stored in
	 * clear. The row is not due for the dispatcher: the code goes out at once ({@link NoticeDispatcher#sendNow}).
	 * @param purpose what the code confirms, FEE or CANCELLATION
	 */
	public ConsentMessage consentCode(UnbindingCase unbindingCase, String purpose, String code) {
		Merchant merchant = merchants.findById(unbindingCase.getMerchantNo()).orElseThrow();
		NoticeDetails details = new NoticeDetails("consent." + purpose, null, null, null, null, null);
		Notice notice = new Notice(unbindingCase.getCaseNumber(), merchant.getMerchantNo(), NoticeType.CONSENT_CODE,
				merchant.getPreferredLanguage(),
				render(NoticeType.CONSENT_CODE, unbindingCase, Optional.of(merchant), details, HIDDEN_CODE, CHINESE),
				render(NoticeType.CONSENT_CODE, unbindingCase, Optional.of(merchant), details, HIDDEN_CODE, ENGLISH),
				NoticeChannel.SMS, newDeliveryId(), LocalDateTime.now(clock));
		notice.notDue();
		Notice saved = notices.save(notice);
		Locale locale = merchant.getPreferredLanguage().startsWith("en") ? ENGLISH : CHINESE;
		return new ConsentMessage(saved,
				render(NoticeType.CONSENT_CODE, unbindingCase, Optional.of(merchant), details, code, locale));
	}

	/** The outbox row of a one-time code's SMS, and the text with the code, which only the SMS carries. */
	public record ConsentMessage(Notice notice, String text) {
	}

	/** A system reason ({@code reason.*}) in English, for the case record and reviewers. */
	public String describe(String reasonCode, Object[] args) {
		return templates.getMessage("reason." + reasonCode, args, reasonCode, ENGLISH);
	}

	/** A system reason ({@code reason.*}) in Simplified Chinese, for the desk's staff; null when it has no text. */
	public String describeInChinese(String reasonCode, Object[] args) {
		return templates.getMessage("reason." + reasonCode, args, null, CHINESE);
	}

	/** The subject line of a notice e-mail. */
	String subject(Notice notice) {
		Locale locale = notice.getLanguage().startsWith("en") ? ENGLISH : CHINESE;
		return frame(templates.getMessage("subject", new Object[] { notice.getCaseNumber() }, locale), locale);
	}

	private static NoticeChannel channelOf(Optional<Merchant> merchant) {
		if (merchant.isEmpty()) {
			return NoticeChannel.SMS;
		}
		Merchant m = merchant.get();
		if ("EMAIL".equals(m.getNoticeChannel()) && m.getEmail() != null && !m.getEmail().isBlank()) {
			return NoticeChannel.EMAIL;
		}
		if ("WECHAT".equals(m.getNoticeChannel()) && m.getWechatOpenId() != null && !m.getWechatOpenId().isBlank()) {
			return NoticeChannel.WECHAT;
		}
		return NoticeChannel.SMS;
	}

	private static String newDeliveryId() {
		return "notice-" + UUID.randomUUID();
	}

	private String render(NoticeType type, UnbindingCase unbindingCase, Optional<Merchant> merchant,
			NoticeDetails details, String code, Locale locale) {
		String key = "notice." + type.name();
		if (type == NoticeType.FEE_NOTICE) {
			key += details.fee() != null && details.fee().signum() > 0 ? ".payable" : ".free";
		}
		if (type == NoticeType.WITHDRAWAL && "FEE_LAPSED".equals(details.reasonCode())) {
			key += ".lapsed"; // a fee not confirmed in time is not a withdrawal the merchant made
		}
		if (type == NoticeType.DEPOSIT_NOTICE) {
			key += details.deviceReturn() != null && details.deviceReturn().forfeited() ? ".forfeited" : ".refunded";
		}
		if (type == NoticeType.LAPSE && "BLOCK_NOT_CLEARED".equals(details.reasonCode())) {
			key += ".blocked"; // the account's block was not cleared in time, not the documents
		}
		String terminal = Optional.ofNullable(unbindingCase.getTerminalId()).orElse("-");
		String detail;
		if (type == NoticeType.CONSENT_CODE) {
			detail = templates.getMessage(details.reasonCode(), new Object[] { terminal }, locale);
		}
		else if (type == NoticeType.FEE_NOTICE || type == NoticeType.APPROVAL) {
			detail = depositTerms(unbindingCase, details, type == NoticeType.APPROVAL, locale);
			if (type == NoticeType.FEE_NOTICE) {
				detail = simDataFee(unbindingCase, locale) + detail + consentRequest(unbindingCase, merchant, locale);
			}
		}
		else if (type == NoticeType.DOCUMENTS_REQUEST) {
			detail = documentNames(details.text(), locale);
		}
		else if (type == NoticeType.BLOCK_NOTICE) {
			detail = blocks(details.text(), locale);
		}
		else if (type == NoticeType.DEPOSIT_NOTICE) {
			detail = depositOutcome(details.deviceReturn(), unbindingCase, locale);
		}
		else if (type == NoticeType.CONFIRMATION) {
			ReturnTerms terms = details.deviceReturn();
			if (unbindingCase.getDepositReturn() == DepositReturn.DEVICE_RETURN && terms != null) {
				detail = templates.getMessage("confirmation.awaitingReturn", new Object[] { date(terms.deadline(), locale),
						terms.address(), amount(unbindingCase.getDepositRefund(), locale) }, locale);
			}
			else {
				// a deposit is mentioned only where one comes back
				detail = details.depositRefund() != null && details.depositRefund().signum() > 0
						? templates.getMessage("confirmation.refund",
								new Object[] { amount(details.depositRefund(), locale) }, locale)
						: "";
			}
			// the SIM data fee refund the fee notice promised has started with the unbind
			BigDecimal simRefund = unbindingCase.getSimRefund();
			if (simRefund != null && simRefund.signum() > 0) {
				detail += (locale.equals(CHINESE) ? "" : " ") + templates.getMessage("confirmation.simRefund",
						new Object[] { amount(simRefund, locale) }, locale);
			}
		}
		else if (details.reasonCode() != null) {
			detail = templates.getMessage("reason." + details.reasonCode(), details.reasonArgs(), locale);
		}
		else {
			detail = typedText(details.text(), locale);
		}
		String feeName = feeName(unbindingCase, locale);
		Object[] args = { merchant.map(Merchant::getName).orElse(templates.getMessage("merchant.unknown", null, locale)),
				unbindingCase.getCaseNumber(), terminal, detail == null ? "" : detail, amount(details.fee(), locale),
				amount(details.depositRefund(), locale),
				date(details.deviceReturn() != null && details.deadline() == null ? details.deviceReturn().deadline()
						: details.deadline(), locale), feeName,
				properties.hotline(), code, role(merchant, locale) };
		String body = templates.getMessage(key, args, locale);
		String warning = templates.getMessage("warning", new Object[] { properties.hotline() }, locale);
		return frame(body + (locale.equals(CHINESE) ? "" : " ") + warning, locale);
	}

	/**
	 * How the deposit comes back, as the fee notice and the approval notice state it: after the device is back (the
	 * approval notice says where and by when), with the unbind (an electronic-signature POS whose trading target was
	 * met), or not at all, and then the deposit is not mentioned: never "a refund of ￥0.00".
	 */
	private String depositTerms(UnbindingCase unbindingCase, NoticeDetails details, boolean approval, Locale locale) {
		BigDecimal deposit = details.depositRefund();
		if (deposit == null || deposit.signum() <= 0) {
			return "";
		}
		return switch (unbindingCase.getDepositReturn()) {
			case DEVICE_RETURN -> approval && details.deviceReturn() != null
					? templates.getMessage("deposit.return", new Object[] { amount(deposit, locale),
							date(details.deviceReturn().deadline(), locale), details.deviceReturn().address(),
							properties.hotline() }, locale)
					: templates.getMessage("deposit.onReturn", new Object[] { amount(deposit, locale) }, locale);
			case ON_UNBIND -> templates.getMessage("deposit.onUnbind", new Object[] { amount(deposit, locale) }, locale);
			case NONE -> "";
		};
	}

	/**
	 * For a request not made in the merchant's app, and not yet confirmed: how the merchant confirms it (a one-time code
	 * to the phone on file, entered in the app or the hotline's voice menu, never given to staff).
	 */
	private String consentRequest(UnbindingCase unbindingCase, Optional<Merchant> merchant, Locale locale) {
		if (unbindingCase.hasMerchantConsent()) {
			return "";
		}
		return templates.getMessage("consent.request", new Object[] { properties.hotline(), role(merchant, locale) },
				locale);
	}

	/** What became of a returned device and its deposit: checked and refunded (less any deduction), or forfeited. */
	private String depositOutcome(ReturnTerms terms, UnbindingCase unbindingCase, Locale locale) {
		if (terms == null || terms.forfeited()) {
			return "";
		}
		String condition = templates.getMessage("condition." + terms.condition(), null,
				templates.getMessage("condition.other", null, locale), locale);
		BigDecimal deduction = terms.deduction() == null ? BigDecimal.ZERO : terms.deduction();
		BigDecimal refund = terms.refund() == null ? BigDecimal.ZERO : terms.refund();
		if (deduction.signum() == 0) {
			return templates.getMessage("deposit.refunded", new Object[] { condition, amount(refund, locale) }, locale);
		}
		String key = refund.signum() > 0 ? "deposit.refundedLess" : "deposit.deductedAll";
		return templates.getMessage(key, new Object[] { condition, amount(unbindingCase.getDepositRefund(), locale),
				amount(deduction, locale), amount(refund, locale) }, locale);
	}

	/**
	 * What the fee is called: by the reason (提前解约费), the SIM data fee when it is all the merchant owes, or both.
	 */
	private String feeName(UnbindingCase unbindingCase, Locale locale) {
		String byReason = templates.getMessage("fee." + unbindingCase.getReason(), null,
				templates.getMessage("fee.other", null, locale), locale);
		BigDecimal simFee = unbindingCase.getSimFee();
		if (simFee == null || simFee.signum() <= 0) {
			return byReason;
		}
		boolean onlySim = unbindingCase.getFee() != null && unbindingCase.getFee().compareTo(simFee) <= 0;
		return onlySim ? templates.getMessage("fee.sim", null, locale)
				: templates.getMessage("fee.withSim", new Object[] { byReason }, locale);
	}

	/**
	 * The SIM data fee (流量费) the case's fee notice states, from the case's record: owed (part of the fee) or
	 * refunded; nothing at all when there is none.
	 */
	private String simDataFee(UnbindingCase unbindingCase, Locale locale) {
		BigDecimal owed = unbindingCase.getSimFee();
		BigDecimal refunded = unbindingCase.getSimRefund();
		if (owed != null && owed.signum() > 0) {
			boolean onlySim = unbindingCase.getFee() != null && unbindingCase.getFee().compareTo(owed) <= 0;
			return templates.getMessage(onlySim ? "sim.owedOnly" : "sim.owed", new Object[] { amount(owed, locale) },
					locale);
		}
		if (refunded != null && refunded.signum() > 0) {
			return templates.getMessage("sim.refund", new Object[] { amount(refunded, locale) }, locale);
		}
		return "";
	}

	/** How the merchant's responsible person is named: 法定代表人 for a company, 经营者 for a sole trader. */
	private String role(Optional<Merchant> merchant, Locale locale) {
		String type = merchant.map(Merchant::getMerchantType).orElse("INDIVIDUAL");
		return templates.getMessage("role." + type, null, templates.getMessage("role.INDIVIDUAL", null, locale), locale);
	}

	private String frame(String text, Locale locale) {
		String signature = locale.equals(CHINESE) ? properties.signature() : properties.signatureEn();
		return templates.getMessage("frame", new Object[] { signature, text }, locale);
	}

	/**
	 * A reason a person typed: scrubbed of long numbers; in a Chinese notice, one holding English words is replaced
	 * by a pointer to the hotline (the merchant reads Chinese; the case record keeps the original).
	 */
	private String typedText(String text, Locale locale) {
		String scrubbed = Masks.scrub(text, 500);
		if (scrubbed == null || scrubbed.isBlank()) {
			return templates.getMessage("reason.seeHotline", new Object[] { properties.hotline() }, locale);
		}
		if (locale.equals(CHINESE) && ENGLISH_WORD.matcher(scrubbed).find()) {
			return templates.getMessage("reason.seeHotline", new Object[] { properties.hotline() }, locale);
		}
		// the template ends the sentence
		return scrubbed.strip().replaceAll("[。.！!]+$", "");
	}

	/** Each block with how the merchant clears it; codes never shown. */
	private String blocks(String codes, Locale locale) {
		if (codes == null || codes.isBlank()) {
			return "";
		}
		String other = templates.getMessage("block.other", new Object[] { properties.hotline() }, locale);
		return String.join(locale.equals(CHINESE) ? "；" : "; ", Arrays.stream(codes.split(","))
			.map(String::strip)
			.map(code -> templates.getMessage("block." + code, new Object[] { properties.hotline() }, other, locale))
			.distinct()
			.toList());
	}

	private String documentNames(String codes, Locale locale) {
		if (codes == null || codes.isBlank()) {
			return "";
		}
		String separator = locale.equals(CHINESE) ? "、" : ", ";
		String other = templates.getMessage("document.other", null, locale);
		return String.join(separator, Arrays.stream(codes.split(","))
			.map(String::strip)
			.map(code -> templates.getMessage("document." + code, null, other, locale))
			.distinct()
			.toList());
	}

	/** ￥135.00 in Chinese, 135.00 (after "CNY") in English. */
	private static String amount(BigDecimal value, Locale locale) {
		String plain = value == null ? "0.00" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
		return locale.equals(CHINESE) ? "￥" + plain : plain;
	}

	/** 2026年12月2日 in Chinese, 2 December 2026 in English. */
	private static String date(LocalDateTime value, Locale locale) {
		if (value == null) {
			return "";
		}
		return value.toLocalDate().format(locale.equals(CHINESE) ? CHINESE_DATE : ENGLISH_DATE);
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
			BigDecimal depositRefund, LocalDateTime deadline, ReturnTerms deviceReturn) {

		public NoticeDetails(String reasonCode, Object[] reasonArgs, String text, BigDecimal fee,
				BigDecimal depositRefund, LocalDateTime deadline) {
			this(reasonCode, reasonArgs, text, fee, depositRefund, deadline, null);
		}

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

	/**
	 * The return of a leased device, for the notices that speak of it.
	 * @param address where to send it; {@code deadline} by when it must arrive
	 * @param condition what the warehouse found on arrival (a {@code DeviceCondition} code), null before
	 * @param deduction what that condition cost; {@code refund} the deposit refund started
	 * @param forfeited nothing arrived by the deadline
	 */
	public record ReturnTerms(String address, LocalDateTime deadline, String condition, BigDecimal deduction,
			BigDecimal refund, boolean forfeited) {

		public static ReturnTerms expected(String address, LocalDateTime deadline) {
			return new ReturnTerms(address, deadline, null, null, null, false);
		}

	}

}
