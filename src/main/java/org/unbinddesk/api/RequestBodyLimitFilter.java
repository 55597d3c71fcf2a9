package org.unbinddesk.api;

import java.io.IOException;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.unbinddesk.problem.ProblemTypes;

/**
 * Refuses request bodies over a limit with 413, whether the client declares the length or streams it chunked.
 * Requests it exempts (document uploads) enforce a limit of their own while they stream.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final ObjectMapper json;

	private final Predicate<HttpServletRequest> exempt;

	RequestBodyLimitFilter(long limit, ObjectMapper json, Predicate<HttpServletRequest> exempt) {
		this.limit = limit;
		this.json = json;
		this.exempt = exempt;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return exempt.test(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit) {
			tooLarge(response);
			return;
		}
		LimitedRequest limited = new LimitedRequest(request, limit);
		try {
			chain.doFilter(limited, response);
		}
		catch (Exception ex) {
			if (limited.exceeded && !response.isCommitted()) {
				response.reset();
				tooLarge(response);
				return;
			}
			throw ex;
		}
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(),
				ProblemTypes.PAYLOAD_TOO_LARGE.problem("Request bodies are limited to " + limit + " bytes"));
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private boolean exceeded;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {
				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int off, int len) throws IOException {
					int n = in.read(buffer, off, len);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(int n) throws IOException {
					read += n;
					if (read > limit) {
						exceeded = true;
						throw new IOException("Request body over " + limit + " bytes");
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}

	}

}
