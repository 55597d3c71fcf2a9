package org.unbinddesk.access;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unbinddesk.problem.ProblemTypes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.unbinddesk.problem.Problems;

/**
 * A case begins at "Unbinding requested" and nowhere else: an engine start that carries start instructions or asks to
 * skip listeners or input/output mappings, and a restart of historic instances, is refused for everyone but
 * {@code camunda-admin}, before the engine creates anything. (Whatever an admin starts, the registry still refuses to
 * unbind or pay for a case that was not reviewed.)
 */
class EngineStartGuard extends OncePerRequestFilter {

	private static final List<String> START_OPTIONS = List.of("startInstructions", "skipCustomListeners",
			"skipIoMappings");

	private final IdentityService identity;

	private final ObjectMapper json = new ObjectMapper();

	EngineStartGuard(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		if ("POST".equals(request.getMethod()) && path.contains("/process-definition/") && !isAdmin()) {
			if (path.endsWith("/restart") || path.endsWith("/restart-async")) {
				Problems.write(response, ProblemTypes.FORBIDDEN, "Only admins may restart cases");
				return;
			}
			if ((path.endsWith("/start") || path.endsWith("/submit-form")) && carriesStartOptions(request)) {
				Problems.write(response, ProblemTypes.FORBIDDEN, "A case starts at its start event: start instructions "
						+ "and skipped listeners or mappings are for admins only");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private boolean carriesStartOptions(HttpServletRequest request) throws IOException {
		byte[] body = request instanceof EngineRequestLimits.CachedBody cached ? cached.body()
				: request.getInputStream().readAllBytes();
		if (body.length == 0) {
			return false;
		}
		try {
			JsonNode start = json.readTree(body);
			return start != null && START_OPTIONS.stream().anyMatch(option -> {
				JsonNode value = start.get(option);
				return value != null && !value.isNull() && !(value.isBoolean() && !value.asBoolean())
						&& !(value.isArray() && value.isEmpty());
			});
		}
		catch (IOException ex) {
			return false; // not JSON: the engine refuses it itself
		}
	}

	private boolean isAdmin() {
		Authentication caller = identity.getCurrentAuthentication();
		return caller != null && caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.ADMINS);
	}

}
