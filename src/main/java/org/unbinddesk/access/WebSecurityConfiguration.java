package org.unbinddesk.access;

import static org.unbinddesk.access.Groups.ADMINS;
import static org.unbinddesk.access.Groups.AGENTS;
import static org.unbinddesk.access.Groups.INTAKE;
import static org.unbinddesk.access.Groups.OPERATIONS;
import static org.unbinddesk.access.Groups.SUPERVISORS;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.unbinddesk.problem.ProblemTypes;
import org.unbinddesk.problem.Problems;

/**
 * Who may open what of the service's own pages and API, with Spring Security: HTTP Basic against the engine's users,
 * rules matched on the normalised path (so {@code /api/%64ashboard} is the dashboard, and {@code ;} or {@code %2F}
 * tricks are refused by the firewall), security headers, and every refusal an RFC 7807 problem. The engine's web apps
 * and REST API keep their own login; they only pass through this chain's firewall.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WebSecurityConfiguration {

	/** Without inline script: the dashboard's and Swagger UI's scripts are files served by the service itself. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static final String[] SERVICE_PATHS = { "/api/**", "/dashboard", "/dashboard/**", "/actuator/**",
			"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**" };

	@Bean
	@Order(1)
	SecurityFilterChain serviceChain(HttpSecurity http, EngineUserAuthenticationProvider users,
			IdentityService identity, @Value("${unbinddesk.security.open-docs-and-metrics:true}") boolean openDocs)
			throws Exception {
		AuthorizationManager<RequestAuthorizationContext> docsAndMetrics = openDocs
				? (authentication, context) -> new AuthorizationDecision(true)
				: AuthorityAuthorizationManager.hasAnyAuthority(OPERATIONS, SUPERVISORS, ADMINS);
		AuthorizationManager<RequestAuthorizationContext> docs = openDocs
				? (authentication, context) -> new AuthorizationDecision(true)
				: AuthorityAuthorizationManager.hasAnyAuthority(Groups.EVERYONE);
		http.securityMatcher(SERVICE_PATHS)
			.authenticationProvider(users)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.access(docsAndMetrics)
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
						"/swagger-ui/**")
				.access(docs)
				.requestMatchers("/dashboard", "/dashboard/**", "/api/dashboard", "/api/dashboard/**")
				.hasAnyAuthority(SUPERVISORS, OPERATIONS, ADMINS)
				// gateways hold no product login: each receipt is signed with the callback secret (DeliveryReceipts)
				.requestMatchers(HttpMethod.POST, "/api/notice-receipts")
				.permitAll()
				.requestMatchers("/api/admin/**")
				.hasAuthority(ADMINS)
				.requestMatchers(HttpMethod.PUT, "/api/calendar/**")
				.hasAnyAuthority(OPERATIONS, ADMINS)
				.requestMatchers(HttpMethod.GET, "/api/**")
				.hasAnyAuthority(Groups.EVERYONE)
				.requestMatchers("/api/**")
				.hasAnyAuthority(INTAKE, AGENTS, ADMINS)
				.anyRequest()
				.denyAll())
			.httpBasic(basic -> basic.realmName("unbind-desk").authenticationEntryPoint(WebSecurityConfiguration::unauthorized))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(WebSecurityConfiguration::unauthorized)
				.accessDeniedHandler((request, response, denied) -> Problems.write(response, ProblemTypes.FORBIDDEN,
						"Your groups do not allow " + request.getMethod() + " " + request.getRequestURI())))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			// stateless HTTP Basic: no session cookie a forged cross-site request could ride on
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frames -> frames.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.addFilterAfter(new EngineIdentityFilter(identity), AuthorizationFilter.class);
		return http.build();
	}

	/** Everything else (the engine's web apps and REST API) has its own login; here it only meets the firewall. */
	@Bean
	@Order(2)
	SecurityFilterChain engineChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.disable())
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.sessionManagement(sessions -> sessions.disable())
			.anonymous(anonymous -> anonymous.disable());
		return http.build();
	}

	/** A request the firewall refuses (encoded slashes, {@code ;} parameters, {@code ..}) is a 400 problem. */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, rejected) -> Problems.write(response, ProblemTypes.MALFORMED_REQUEST,
				"The request's path is not allowed");
	}

	private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		if (failure instanceof EngineUserAuthenticationProvider.LoginThrottled throttled) {
			response.setHeader("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
			Problems.write(response, ProblemTypes.TOO_MANY_REQUESTS, throttled.getMessage());
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"unbind-desk\"");
		Problems.write(response, ProblemTypes.UNAUTHORIZED, "Log in with HTTP Basic as an engine user");
	}

}
