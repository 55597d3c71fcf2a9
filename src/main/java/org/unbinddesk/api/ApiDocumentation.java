package org.unbinddesk.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.unbinddesk.problem.ProblemTypes;
import org.unbinddesk.problem.ProblemResponses;

/**
 * The OpenAPI description's contract details: every operation's problem responses (status, {@code type} URIs from
 * {@link ProblemTypes}, the RFC 7807 body), and money as the decimal strings {@link ApiJson} writes.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM = "Problem";

	/** Any operation may meet these: a path or header that cannot be read, no login, a group without the right, a fault. */
	private static final Set<ProblemTypes> ANY = EnumSet.of(ProblemTypes.MALFORMED_REQUEST, ProblemTypes.UNAUTHORIZED,
			ProblemTypes.FORBIDDEN, ProblemTypes.INTERNAL);

	static {
		SpringDocUtils.getConfig()
			.replaceWithSchema(BigDecimal.class, new StringSchema().format("decimal")
				.pattern(ApiJson.MONEY_PATTERN)
				.example("150.00")
				.description("An amount in yuan, as a decimal string with two places"));
	}

	@Bean
	OpenApiCustomizer problemSchema() {
		return openApi -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addSchemas(PROBLEM, new ObjectSchema().description("RFC 7807 problem; switch on type")
					.addProperty("type", new StringSchema().format("uri").example(ProblemTypes.VALIDATION.type().toString()))
					.addProperty("title", new StringSchema())
					.addProperty("status", new IntegerSchema())
					.addProperty("detail", new StringSchema())
					.addProperty("instance", new StringSchema().format("uri-reference"))
					.addProperty("errors", new ArraySchema().description("validation: the fields at fault")
						.items(new ObjectSchema().addProperty("field", new StringSchema())
							.addProperty("message", new StringSchema())))
					.additionalProperties(true));
		};
	}

	@Bean
	OperationCustomizer problemResponses() {
		return (operation, handler) -> {
			Set<ProblemTypes> types = EnumSet.copyOf(ANY);
			if (hasInput(handler)) {
				types.add(ProblemTypes.VALIDATION);
			}
			if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
				types.add(ProblemTypes.PAYLOAD_TOO_LARGE);
				types.add(ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
			}
			ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
			if (declared != null) {
				types.addAll(Arrays.asList(declared.value()));
			}
			document(operation, types);
			return operation;
		};
	}

	private static boolean hasInput(HandlerMethod handler) {
		for (MethodParameter p : handler.getMethodParameters()) {
			if (p.hasParameterAnnotation(RequestBody.class) || p.hasParameterAnnotation(RequestParam.class)
					|| p.hasParameterAnnotation(PathVariable.class) || p.hasParameterAnnotation(RequestHeader.class)) {
				return true;
			}
		}
		return false;
	}

	private static void document(Operation operation, Set<ProblemTypes> types) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		Map<Integer, Set<ProblemTypes>> byStatus = new TreeMap<>();
		types.forEach(t -> byStatus.computeIfAbsent(t.status().value(), s -> EnumSet.noneOf(ProblemTypes.class)).add(t));
		Schema<?> problem = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
		byStatus.forEach((status, problems) -> operation.getResponses()
			.addApiResponse(String.valueOf(status), new ApiResponse()
				.description(problems.stream()
					.map(t -> t.title() + " (`" + t.type() + "`)")
					.collect(Collectors.joining("; ")))
				.content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
						new io.swagger.v3.oas.models.media.MediaType().schema(problem)))));
	}

}
