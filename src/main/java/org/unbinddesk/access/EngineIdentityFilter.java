package org.unbinddesk.access;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the logged-in user the engine's current user for the rest of the request, so the case's audit rows name them.
 */
class EngineIdentityFilter extends OncePerRequestFilter {

	private final IdentityService identity;

	EngineIdentityFilter(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
			chain.doFilter(request, response);
			return;
		}
		List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		identity.setAuthentication(user.getName(), groups);
		try {
			chain.doFilter(request, response);
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
