package org.unbinddesk.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an operation answers with besides those any operation may ({@link ApiDocumentation} adds those): so
 * the OpenAPI description lists, per operation, each status with its problem types.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProblemResponses {

	ProblemTypes[] value();

}
