package org.unbinddesk.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * HTTP Basic logins to the service's own pages and API, checked against the engine's users (the ones Admin manages);
 * a user's engine groups become their authorities. Guessing is slowed down by {@link LoginThrottle}.
 * <p>
 * An intake system sends its password with every request: a login that succeeded is remembered for
 * {@code unbinddesk.login.remembered-for} (30 s) so that its next requests cost neither the password check nor the
 * group query (two reads each). What is remembered is the user, a keyed hash of the password (a key made at start and
 * kept in memory only) and the groups; a failed login is never remembered, and a different password is checked
 * afresh. A password changed, a user removed or a group changed in Admin takes effect within that time.
 */
@Component
class EngineUserAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identity;

	private final LoginThrottle throttle;

	private final Cache<String, List<SimpleGrantedAuthority>> remembered;

	private final SecretKeySpec key;

	EngineUserAuthenticationProvider(IdentityService identity, LoginThrottle throttle, Clock clock,
			@Value("${unbinddesk.login.remembered-for:PT30S}") Duration rememberedFor) {
		this.identity = identity;
		this.throttle = throttle;
		this.remembered = Caffeine.newBuilder()
			.maximumSize(1000)
			.expireAfterWrite(rememberedFor)
			.ticker(() -> clock.millis() * 1_000_000)
			.build();
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : "unknown";
		throttle.waitBefore(userId, address).ifPresent(wait -> {
			throw new LoginThrottled(wait);
		});
		Object password = authentication.getCredentials();
		if (userId == null || userId.isEmpty() || !(password instanceof String text)) {
			throttle.failed(userId, address);
			throw new BadCredentialsException("Wrong user or password");
		}
		String login = userId + '\n' + keyedHash(userId + '\n' + text);
		List<SimpleGrantedAuthority> groups = remembered.getIfPresent(login);
		if (groups == null) {
			if (!identity.checkPassword(userId, text)) {
				throttle.failed(userId, address);
				throw new BadCredentialsException("Wrong user or password");
			}
			groups = identity.createGroupQuery()
				.groupMember(userId)
				.list()
				.stream()
				.map(Group::getId)
				.map(SimpleGrantedAuthority::new)
				.toList();
			remembered.put(login, groups);
		}
		throttle.succeeded(userId, address);
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
	}

	private String keyedHash(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Too many failed logins: try again after {@link #retryAfter()}. */
	static class LoginThrottled extends AuthenticationException {

		private final Duration retryAfter;

		LoginThrottled(Duration retryAfter) {
			super("Too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
			this.retryAfter = retryAfter;
		}

		Duration retryAfter() {
			return retryAfter;
		}

	}

}
