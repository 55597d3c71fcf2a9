package org.unbinddesk.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.unbinddesk.problem.ProblemTypes;

/**
 * Turns every failure of the API into an RFC 7807 problem with a stable type: field errors for validation, never a
 * stack trace, class name or SQL in a body. Anything unforeseen is logged and answered as a bare 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']*)'");

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> handleApi(ApiException ex) {
		return ResponseEntity.status(ex.type().status()).body(ex.toProblem());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
		List<Map<String, String>> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> fieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return validation(errors);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		return validation(List.of(fieldError(ex.getName(), "has the wrong type or value")));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		log.error("Unexpected failure of the case API", ex);
		return ResponseEntity.internalServerError()
			.body(ProblemTypes.INTERNAL.problem("The request could not be completed; it has been logged"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getBindingResult().getFieldErrors().forEach(e -> errors.add(fieldError(e.getField(), e.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(e -> errors.add(fieldError(e.getObjectName(), e.getDefaultMessage())));
		return ResponseEntity.badRequest().body(validationProblem(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors body) {
				// a request body: name the field inside it (applicant.name), not the parameter
				body.getFieldErrors().forEach(e -> errors.add(fieldError(e.getField(), e.getDefaultMessage())));
				body.getGlobalErrors().forEach(e -> errors.add(fieldError(e.getObjectName(), e.getDefaultMessage())));
			}
			else {
				result.getResolvableErrors()
					.forEach(e -> errors.add(fieldError(headerOrParameter(result), e.getDefaultMessage())));
			}
		}
		return ResponseEntity.badRequest().body(validationProblem(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return ResponseEntity.badRequest()
				.body(validationProblem(List.of(fieldError(path(unknown), "is not a known field"))));
		}
		if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
			JsonMappingException mapping = (JsonMappingException) cause;
			if (!mapping.getPath().isEmpty()) {
				String hint = cause instanceof InvalidFormatException format && format.getTargetType() != null
						&& format.getTargetType().isEnum()
								? "must be one of " + List.of(format.getTargetType().getEnumConstants())
								: cause.getMessage() != null && cause.getMessage().contains(StrictJson.UNSAFE_TEXT)
										? StrictJson.UNSAFE_TEXT : "has the wrong type";
				return ResponseEntity.badRequest().body(validationProblem(List.of(fieldError(path(mapping), hint))));
			}
		}
		if (cause instanceof JsonParseException parse && parse.getOriginalMessage() != null) {
			Matcher duplicate = DUPLICATE_FIELD.matcher(parse.getOriginalMessage());
			if (duplicate.find()) {
				JsonStreamContext context = parse.getProcessor() == null ? null
						: parse.getProcessor().getParsingContext();
				// the parser stands on the repeated field: its path is the field's own (applicant.name)
				String pointer = context == null ? "" : context.pathAsPointer().toString();
				String field = pointer.length() > 1 ? pointer.substring(1).replace('/', '.') : duplicate.group(1);
				return ResponseEntity.badRequest()
					.body(validationProblem(List.of(fieldError(field, "is given more than once"))));
			}
		}
		return ResponseEntity.badRequest()
			.body(ProblemTypes.MALFORMED_REQUEST.problem("The request body is not valid JSON for this endpoint"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(ProblemTypes.UNSUPPORTED_MEDIA_TYPE.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemTypes.UNSUPPORTED_MEDIA_TYPE.problem("Send the request body as application/json"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemTypes.UNSUPPORTED_MEDIA_TYPE.problem("This API answers in application/json"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(status)
			.body(ProblemTypes.METHOD_NOT_ALLOWED.problem(ex.getMethod() + " is not supported here"));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(validationProblem(List.of(fieldError(ex.getParameterName(), "is required"))));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(status).body(ProblemTypes.NOT_FOUND.problem("No such resource"));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> handleMissingHeader(MissingRequestHeaderException ex) {
		return validation(List.of(fieldError(ex.getHeaderName(), "header is required")));
	}

	private static ResponseEntity<ProblemDetail> validation(List<Map<String, String>> errors) {
		return ResponseEntity.badRequest().body(validationProblem(errors));
	}

	static ProblemDetail validationProblem(List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemTypes.VALIDATION.problem(errors.stream()
			.map(e -> e.get("field") + " " + e.get("message"))
			.collect(Collectors.joining("; ")));
		problem.setProperty("errors", errors);
		return problem;
	}

	static Map<String, String> fieldError(String field, String message) {
		return Map.of("field", field, "message", message == null ? "is invalid" : message);
	}

	private static String path(JsonMappingException ex) {
		return ex.getPath()
			.stream()
			.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	private static String headerOrParameter(ParameterValidationResult result) {
		RequestHeader header = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		return result.getMethodParameter().getParameterName();
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

}
