package org.unbinddesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.unbinddesk.access.EngineUserAuthenticationProvider.LoginThrottled;
import org.unbinddesk.support.ServiceTest;

/**
 * A login that succeeded is remembered for a short time, and only that login: a wrong or changed password is checked
 * against the engine's users at once, a failure is never remembered, and what Admin changes holds once the time is
 * over.
 */
@ServiceTest
class RememberedLoginTests {

	private static final String USER = "remembered1";

	@Autowired
	IdentityService identity;

	final Ticking clock = new Ticking();

	EngineUserAuthenticationProvider logins;

	LoginThrottle throttle;

	@BeforeEach
	void user() {
		User user = identity.newUser(USER);
		user.setPassword("first-secret");
		identity.saveUser(user);
		identity.createMembership(USER, Groups.INTAKE);
		throttle = new LoginThrottle(5, 50, Duration.ofMinutes(5), identity, clock);
		logins = new EngineUserAuthenticationProvider(identity, throttle, clock, Duration.ofSeconds(30));
	}

	@AfterEach
	void removeUser() {
		identity.deleteUser(USER);
	}

	@Test
	void aWrongPasswordIsRefusedWhileTheRightOneIsRemembered() {
		assertThat(groupsOf(login("first-secret"))).containsExactly(Groups.INTAKE);

		assertThatThrownBy(() -> login("first-secret ")).isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> login("guess")).isInstanceOf(BadCredentialsException.class);
		assertThat(throttle.throttled()).isEmpty(); // two failures: not yet throttled, but counted
		for (String guess : new String[] { "guess1", "guess2", "guess3", "guess4" }) {
			assertThatThrownBy(() -> login(guess)).isInstanceOf(BadCredentialsException.class);
		}
		assertThat(throttle.throttled()).as("six failures throttle the user, remembered login or not").isNotEmpty();
		assertThatThrownBy(() -> login("first-secret")).isInstanceOf(LoginThrottled.class);
	}

	@Test
	void aChangedPasswordHoldsOnceTheRememberedTimeIsOver() {
		login("first-secret");
		User user = identity.createUserQuery().userId(USER).singleResult();
		user.setPassword("second-secret");
		identity.saveUser(user);

		assertThat(login("second-secret").isAuthenticated()).as("the new password at once").isTrue();
		assertThat(login("first-secret").isAuthenticated()).as("the old one, within 30 s").isTrue();

		clock.advance(Duration.ofSeconds(31));

		assertThat(login("second-secret").isAuthenticated()).isTrue();
		assertThatThrownBy(() -> login("first-secret")).isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void groupsChangedInAdminHoldOnceTheRememberedTimeIsOver() {
		login("first-secret");
		identity.deleteMembership(USER, Groups.INTAKE);
		identity.createMembership(USER, Groups.AGENTS);

		assertThat(groupsOf(login("first-secret"))).containsExactly(Groups.INTAKE);
		clock.advance(Duration.ofSeconds(31));
		assertThat(groupsOf(login("first-secret"))).containsExactly(Groups.AGENTS);
	}

	@Test
	void aRemovedUserIsRefusedOnceTheRememberedTimeIsOver() {
		login("first-secret");
		identity.deleteUser(USER);
		clock.advance(Duration.ofSeconds(31));

		assertThatThrownBy(() -> login("first-secret")).isInstanceOf(BadCredentialsException.class);
		User user = identity.newUser(USER); // for removeUser
		identity.saveUser(user);
	}

	private Authentication login(String password) {
		return logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(USER, password));
	}

	private static java.util.List<String> groupsOf(Authentication authentication) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

	/** A clock the test moves on. */
	static class Ticking extends Clock {

		private Instant now = Instant.parse("2026-11-27T02:00:00Z");

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Shanghai");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
