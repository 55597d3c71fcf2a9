package org.unbinddesk.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.notice.Notice;
import org.unbinddesk.notice.NoticeDispatcher;
import org.unbinddesk.notice.NoticeService;
import org.unbinddesk.merchant.MerchantRepository;
import org.unbinddesk.privacy.Masks;

/**
 * Consent by one-time code: a 6-digit code goes by SMS to the legal person's phone on file (never a number from the
 * request), saying what it confirms and that staff never ask for it; the merchant's decision is taken only with that
 * code. Codes are kept hashed, good for one use, for 10 minutes and 5 wrong tries (configuration).
 */
@Service
public class ConsentCodes {

	private static final Logger log = LoggerFactory.getLogger(ConsentCodes.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ConsentCodeRepository codes;

	private final MerchantRepository merchants;

	private final NoticeService notices;

	private final NoticeDispatcher dispatcher;

	private final ConsentSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ConsentCodes(ConsentCodeRepository codes, MerchantRepository merchants, NoticeService notices,
			NoticeDispatcher dispatcher, ConsentSettings settings, PlatformTransactionManager transactions,
			Clock clock) {
		this.codes = codes;
		this.merchants = merchants;
		this.notices = notices;
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Sends a new code for the case and purpose, replacing any earlier one. The code is recorded before it is sent,
	 * and sent at once: a code that could not be sent is refused ({@code NOT_SENT}), the merchant asks again.
	 */
	public Issued issue(UnbindingCase unbindingCase, ConsentPurpose purpose) {
		LocalDateTime now = LocalDateTime.now(clock);
		String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
		NoticeService.ConsentMessage message = transaction.execute(status -> {
			List<ConsentCode> active = codes.findByCaseNumberAndPurposeAndStatusOrderByIdDesc(
					unbindingCase.getCaseNumber(), purpose, ConsentCode.ACTIVE);
			if (!active.isEmpty() && active.get(0).getCreatedAt().plus(settings.resendInterval()).isAfter(now)) {
				throw new ConsentRefused(ConsentRefused.Kind.TOO_SOON,
						"A code was sent less than " + settings.resendInterval().toSeconds() + " seconds ago", 0);
			}
			active.forEach(ConsentCode::invalidate);
			byte[] saltBytes = new byte[16];
			RANDOM.nextBytes(saltBytes);
			String salt = HexFormat.of().formatHex(saltBytes);
			codes.save(new ConsentCode(unbindingCase.getCaseNumber(), purpose,
					hash(salt, unbindingCase.getCaseNumber(), purpose, code), salt, now,
					now.plus(settings.codeLifetime())));
			return notices.consentCode(unbindingCase, purpose.name(), code);
		});
		Notice sent = dispatcher.sendNow(message.notice(), message.text());
		String phone = merchants.findById(unbindingCase.getMerchantNo()).orElseThrow().getLegalPersonPhone();
		if (Notice.FAILED.equals(sent.getStatus())) {
			log.warn("One-time code for {} of {} not sent: {}", purpose, unbindingCase.getCaseNumber(),
					sent.getFailureReason());
			throw new ConsentRefused(ConsentRefused.Kind.NOT_SENT,
					"The code could not be sent by SMS just now; ask for a new one in a moment", 0);
		}
		log.info("One-time code for {} of {} sent to {}", purpose, unbindingCase.getCaseNumber(), Masks.last4(phone));
		return new Issued(purpose, Masks.last4(phone), now.plus(settings.codeLifetime()));
	}

	/**
	 * Checks and uses up the code; a wrong one counts against the code (the count is kept whatever follows).
	 * @throws ConsentRefused when the code does not confirm the decision
	 */
	public void confirm(String caseNumber, ConsentPurpose purpose, String otp) {
		LocalDateTime now = LocalDateTime.now(clock);
		ConsentRefused refused = transaction.execute(status -> {
			List<ConsentCode> active = codes.findByCaseNumberAndPurposeAndStatusOrderByIdDesc(caseNumber, purpose,
					ConsentCode.ACTIVE);
			ConsentCode current = active.isEmpty() ? null : active.get(0);
			if (current == null || !current.usableAt(now)) {
				if (current != null) {
					current.invalidate();
				}
				return new ConsentRefused(ConsentRefused.Kind.NO_VALID_CODE,
						"No valid one-time code for " + purpose + " of " + caseNumber
								+ ": it expired, was used, was tried wrongly too often, or none was requested",
						0);
			}
			String given = hash(current.getSalt(), caseNumber, purpose, otp);
			if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
					current.getCodeHash().getBytes(StandardCharsets.US_ASCII))) {
				int left = current.wrong(settings.maxWrongTries());
				return new ConsentRefused(ConsentRefused.Kind.WRONG_CODE,
						left > 0 ? "The one-time code is wrong; " + left + " tries left"
								: "The one-time code is wrong; it is no longer valid, request a new one",
						left);
			}
			current.use(now);
			return null;
		});
		if (refused != null) {
			throw refused;
		}
	}

	static String hash(String salt, String caseNumber, ConsentPurpose purpose, String code) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of()
				.formatHex(sha.digest((salt + ":" + caseNumber + ":" + purpose + ":" + code)
					.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A code on its way: what for, to which phone (masked), until when. */
	public record Issued(ConsentPurpose purpose, String sentTo, LocalDateTime expiresAt) {
	}

}
