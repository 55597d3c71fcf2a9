package org.unbinddesk.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unbinddesk.system.Groups;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP Basic authentication of {@code /api/**} and {@code /dashboard} against the engine's users, and who may do what:
 * everyone who works cases may read them; intake systems, agents and admins may open cases and pass merchants'
 * messages; supervisors, operations and admins see the dashboard. The caller
 * becomes the engine's current user for the request, so history and audit rows name them.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

	static final Set<String> READERS = Set.of(Groups.INTAKE, Groups.AGENTS, Groups.REVIEWERS, Groups.SUPERVISORS,
			Groups.OPERATIONS, Groups.ADMINS);

	static final Set<String> WRITERS = Set.of(Groups.INTAKE, Groups.AGENTS, Groups.ADMINS);

	/** The dashboard (page and figures) is for those who watch the flow. */
	static final Set<String> DASHBOARD_VIEWERS = Set.of(Groups.SUPERVISORS, Groups.OPERATIONS, Groups.ADMINS);

	private final IdentityService identity;

	private final ObjectMapper json;

	ApiAuthenticationFilter(IdentityService identity, ObjectMapper json) {
		this.identity = identity;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String[] credentials = credentials(request.getHeader("Authorization"));
		if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"unbind-desk\"");
			write(response, ProblemTypes.UNAUTHORIZED.problem("Log in with HTTP Basic as an engine user"));
			return;
		}
		String userId = credentials[0];
		List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Set<String> allowed = path.startsWith("/dashboard") || path.startsWith("/api/dashboard") ? DASHBOARD_VIEWERS
				: HttpMethod.GET.matches(request.getMethod()) ? READERS : WRITERS;
		if (groups.stream().noneMatch(allowed::contains)) {
			write(response, ProblemTypes.FORBIDDEN
				.problem("User " + userId + " may not " + request.getMethod() + " " + request.getRequestURI()));
			return;
		}
		try {
			identity.setAuthentication(userId, groups);
			chain.doFilter(request, response);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private static String[] credentials(String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon <= 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
