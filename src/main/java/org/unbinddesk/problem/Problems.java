package org.unbinddesk.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes an RFC 7807 problem straight to a response, for refusals made before a request reaches a controller.
 */
public final class Problems {

	private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

	private Problems() {
	}

	public static void write(HttpServletResponse response, ProblemTypes type, String detail) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(type.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		JSON.writeValue(response.getOutputStream(), type.problem(detail));
	}

}
