package org.unbinddesk.api;

import java.util.regex.Pattern;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	/** Large enough for any case request with its document list, small enough to keep junk out. */
	static final long BODY_LIMIT = 64 * 1024;

	/** Document uploads: their own limit (unbinddesk.documents.max-size), counted as the file streams in. */
	static final Pattern DOCUMENT_UPLOAD = Pattern.compile("/api/unbinding-cases/[^/]+/documents/[^/]+");

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> apiBodyLimit(ObjectMapper json) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(BODY_LIMIT, json,
						request -> ("PUT".equals(request.getMethod()) || "POST".equals(request.getMethod()))
								&& DOCUMENT_UPLOAD.matcher(request.getRequestURI()).matches()));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(5);
		return registration;
	}

	@Bean
	OpenAPI unbindDeskOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Unbind Desk case API")
				.version("1")
				.description("Open, follow and act on POS-terminal unbinding cases. Errors are RFC 7807 problems."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
	}

}
