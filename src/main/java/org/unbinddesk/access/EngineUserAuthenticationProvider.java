package org.unbinddesk.access;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic logins to the service's own pages and API, checked against the engine's users (the ones Admin manages);
 * a user's engine groups become their authorities. Guessing is slowed down by {@link LoginThrottle}.
 */
@Component
class EngineUserAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identity;

	private final LoginThrottle throttle;

	EngineUserAuthenticationProvider(IdentityService identity, LoginThrottle throttle) {
		this.identity = identity;
		this.throttle = throttle;
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
		if (userId == null || userId.isEmpty() || !(password instanceof String text)
				|| !identity.checkPassword(userId, text)) {
			throttle.failed(userId, address);
			throw new BadCredentialsException("Wrong user or password");
		}
		throttle.succeeded(userId, address);
		List<SimpleGrantedAuthority> groups = identity.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.map(SimpleGrantedAuthority::new)
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
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
