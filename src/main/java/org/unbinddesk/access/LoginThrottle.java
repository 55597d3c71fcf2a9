package org.unbinddesk.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of passwords, per user and per client address, without ever locking anyone out for good: after
 * a few failed logins for a user (5 by default), or many from one address (50: offices share an address), each
 * further attempt must wait, twice as long each time up to a ceiling, and one success clears
 * the count. The engine's own permanent lock is switched off (see application.yml), so a stranger who knows a user id
 * can delay that user for minutes at most. Admins see and lift throttles ({@code /api/admin/login-throttles}).
 */
@Component
public class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/** At most this many addresses and users are remembered; the oldest are forgotten first. */
	static final int CAPACITY = 10_000;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final int freeAttempts;

	private final int freeAttemptsPerAddress;

	private final Duration ceiling;

	private final IdentityService identity;

	private final Clock clock;

	LoginThrottle(@Value("${unbinddesk.login.free-attempts:5}") int freeAttempts,
			@Value("${unbinddesk.login.free-attempts-per-address:50}") int freeAttemptsPerAddress,
			@Value("${unbinddesk.login.max-delay:PT5M}") Duration ceiling, IdentityService identity, Clock clock) {
		this.freeAttempts = freeAttempts;
		this.freeAttemptsPerAddress = freeAttemptsPerAddress;
		this.ceiling = ceiling;
		this.identity = identity;
		this.clock = clock;
	}

	/** How long the user, or the address, must still wait before the next attempt; empty when it may try now. */
	public Optional<Duration> waitBefore(String userId, String address) {
		Instant now = clock.instant();
		Duration wait = Duration.ZERO;
		for (String key : keys(userId, address)) {
			Failures f = failures.get(key);
			if (f != null) {
				Duration left = Duration.between(now, f.until());
				if (left.compareTo(wait) > 0) {
					wait = left;
				}
			}
		}
		return wait.isZero() ? Optional.empty() : Optional.of(wait);
	}

	public void failed(String userId, String address) {
		Instant now = clock.instant();
		for (String key : keys(userId, address)) {
			Failures f = failures.merge(key, new Failures(1, now, now), (old, one) -> {
				int count = old.count() + 1;
				return new Failures(count, now, now.plus(delay(count, key.startsWith(USER) ? freeAttempts : freeAttemptsPerAddress)));
			});
			if (f.count() == (key.startsWith(USER) ? freeAttempts : freeAttemptsPerAddress) + 1) {
				log.warn("Logins throttled for {} after {} failed attempts", key, f.count() - 1);
			}
		}
		if (failures.size() > CAPACITY) {
			forgetOldest();
		}
	}

	public void succeeded(String userId, String address) {
		for (String key : keys(userId, address)) {
			failures.remove(key);
		}
	}

	/** What is throttled now, longest wait first. */
	public List<Throttled> throttled() {
		Instant now = clock.instant();
		return failures.entrySet()
			.stream()
			.filter(e -> e.getValue().until().isAfter(now))
			.map(e -> new Throttled(e.getKey(), e.getValue().count(), e.getValue().until()))
			.sorted(Comparator.comparing(Throttled::until).reversed())
			.toList();
	}

	/**
	 * Lifts a throttle, and the engine's own login delay when it is a user's.
	 * @param key {@code user:<id>} or {@code address:<ip>}, as {@link #throttled()} names them
	 * @return whether there was anything to lift
	 */
	public boolean lift(String key) {
		boolean lifted = failures.remove(key) != null;
		if (key.startsWith(USER)) {
			identity.unlockUser(key.substring(USER.length()));
		}
		log.info("Login throttle {} lifted", key);
		return lifted;
	}

	Duration delay(int count, int free) {
		if (count <= free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(count - free - 1, 20);
		Duration delay = Duration.ofSeconds(1L << doublings);
		return delay.compareTo(ceiling) > 0 ? ceiling : delay;
	}

	private void forgetOldest() {
		failures.entrySet()
			.stream()
			.sorted(Comparator.comparing(e -> e.getValue().last()))
			.limit(failures.size() - CAPACITY / 2)
			.map(Map.Entry::getKey)
			.toList()
			.forEach(failures::remove);
	}

	private static final String USER = "user:";

	private static List<String> keys(String userId, String address) {
		if (userId == null || userId.isEmpty()) {
			return List.of("address:" + address);
		}
		return List.of(USER + userId, "address:" + address);
	}

	private record Failures(int count, Instant last, Instant until) {
	}

	public record Throttled(String key, int failedAttempts, Instant until) {
	}

}
