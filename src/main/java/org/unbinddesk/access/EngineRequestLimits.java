package org.unbinddesk.access;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.unbinddesk.problem.ProblemTypes;
import org.unbinddesk.problem.Problems;

/**
 * In front of the engine's REST API and the web apps' own API, before their login: refuses state-changing calls
 * from another origin (a page elsewhere riding on a logged-in browser), bodies over the limit (64 KiB; deployments,
 * which only admins may make, 10 MiB; files attached in Tasklist, the documents' own limit) before anything reads or
 * logs them, and attempts from a user or address that failed to log in too often ({@link LoginThrottle}). Failed
 * logins are counted here too.
 */
class EngineRequestLimits extends OncePerRequestFilter {

	static final int BODY_LIMIT = 64 * 1024;

	static final int DEPLOYMENT_LIMIT = 10 * 1024 * 1024;

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final LoginThrottle throttle;

	EngineRequestLimits(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SAFE_METHODS.contains(request.getMethod()) && !sameOrigin(request)) {
			Problems.write(response, ProblemTypes.FORBIDDEN, "Cross-origin requests may not change anything");
			return;
		}
		// the web apps' login form is read by the engine itself (reading it here would consume it): there the engine's
		// own delay per user applies, and this filter counts per address
		String userId = BasicCredentials.userOf(request);
		boolean login = isWebappLogin(request);
		String address = request.getRemoteAddr();
		var wait = throttle.waitBefore(userId, address);
		if (wait.isPresent()) {
			response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds())));
			Problems.write(response, ProblemTypes.TOO_MANY_REQUESTS,
					"Too many failed logins; try again in " + Math.max(1, wait.get().toSeconds()) + " s");
			return;
		}
		HttpServletRequest limited = request;
		if (!login && !isDocumentUpload(request)) {
			int limit = request.getRequestURI().endsWith("/deployment/create") ? DEPLOYMENT_LIMIT : BODY_LIMIT;
			if (request.getContentLengthLong() > limit) {
				tooLarge(response, limit);
				return;
			}
			byte[] body = request.getInputStream().readNBytes(limit + 1);
			if (body.length > limit) {
				tooLarge(response, limit);
				return;
			}
			limited = new CachedBody(request, body);
		}
		chain.doFilter(limited, response);
		if (userId != null || login) {
			if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
				throttle.failed(userId, address);
			}
			else if (response.getStatus() < 400) {
				throttle.succeeded(userId, address);
			}
		}
	}

	/**
	 * Files agents attach in Tasklist: their own limit ({@code unbinddesk.documents.max-size}), counted as the file
	 * streams into the store, never read whole into memory here.
	 */
	static final Pattern DOCUMENT_UPLOAD = Pattern
		.compile("/camunda/api/unbind-desk/((tasks|started-cases)/[^/]+/documents/[A-Za-z_]+|documents/check)");

	private static boolean isDocumentUpload(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && DOCUMENT_UPLOAD.matcher(request.getRequestURI()).matches();
	}

	private static boolean isWebappLogin(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && request.getRequestURI().contains("/api/admin/auth/user/")
				&& request.getRequestURI().contains("/login/");
	}

	/** No Origin header (a server-to-server client) or the service's own scheme, host and port. */
	static boolean sameOrigin(HttpServletRequest request) {
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return true;
		}
		try {
			URI uri = URI.create(origin);
			int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
			return request.getScheme().equalsIgnoreCase(uri.getScheme())
					&& request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void tooLarge(HttpServletResponse response, int limit) throws IOException {
		Problems.write(response, ProblemTypes.PAYLOAD_TOO_LARGE, "Request bodies are limited to " + limit + " bytes");
	}

	/** The request with its body read once, so later filters and the engine can read it again. */
	static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		byte[] body() {
			return body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(),
					Charset.forName(getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding())));
		}

	}

}
