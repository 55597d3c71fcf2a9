package org.unbinddesk.process;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;

/**
 * Camunda's FEEL engine for the decision tables, with each expression's text looked at once. Camunda's integration
 * parses the text again on every evaluation (camunda/feel-scala#1149), and every evaluation by the FEEL engine builds
 * its table of built-in functions afresh (in feel-scala 1.19, {@code FeelEngine.rootContext}, private): measured, that
 * is 85 % of a decision's time, the parsing 8 %. So this engine ({@link ScalaFeelEngine}: the same value mappers and
 * custom functions) keeps, for each text, what it is:
 * <ul>
 * <li>a literal ({@code 0}, {@code "HIGH"}): FEEL's own value of it, computed once;</li>
 * <li>a bare variable name ({@code reason}): the variable's value mapped to FEEL and back, as FEEL reads it;</li>
 * <li>a unary test FEEL answers by plain comparison when the input has the literal's own type: {@code -} (any input),
 * a string or boolean literal (equal), {@code < 30}, {@code >= 1} against a whole number;</li>
 * <li>anything else, or an input of another type: FEEL evaluates the parsed expression, parsed once.</li>
 * </ul>
 * Parsed expressions are immutable, so threads share them. The cache is bounded: past {@code maxEntries} texts it
 * starts afresh, so a deployment that generates expressions cannot grow it without end. {@code FeelExpressionCacheTests}
 * holds it to Camunda's own engine on every table.
 */
public class CachingFeelEngineFactory implements FeelEngineFactory {

	private final int maxEntries;

	private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	/**
	 * @param functionProviders the custom FEEL functions, read when the engine is made (the DMN engine's configuration
	 * receives them after this factory is set on it)
	 */
	public CachingFeelEngineFactory(int maxEntries, Supplier<List<FeelCustomFunctionProvider>> functionProviders) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be at least 1");
		}
		this.maxEntries = maxEntries;
		this.functionProviders = functionProviders;
	}

	public CachingFeelEngineFactory(int maxEntries) {
		this(maxEntries, List::of);
	}

	@Override
	public FeelEngine createInstance() {
		List<FeelCustomFunctionProvider> providers = functionProviders.get();
		return new CachingFeelEngine(providers == null ? List.of() : providers);
	}

	/** Evaluations that found their expression parsed. */
	public long hits() {
		return hits.sum();
	}

	/** Evaluations that parsed their expression (the first of each text, and any after the cache started afresh). */
	public long misses() {
		return misses.sum();
	}

	/**
	 * What an expression's text was found to be, once: a constant (its value, computed once by FEEL), a bare variable
	 * name, a unary test FEEL answers the same way for an input of the literal's own type ({@code -}, a string or
	 * boolean literal, a comparison with a whole number), or anything else, parsed.
	 */
	private sealed interface Compiled {
	}

	private record Constant(Object value) implements Compiled {
	}

	private record Name(String name) implements Compiled {
	}

	private record AnyInput() implements Compiled {
	}

	private record EqualsLiteral(Object literal) implements Compiled {
	}

	private record CompareWhole(String operator, long bound) implements Compiled {
	}

	private record Parsed(Either<Failure, ParsedExpression> parsed) implements Compiled {
	}

	private static final Pattern STRING_LITERAL = Pattern.compile("\"[^\"\\\\]*\"");

	private static final Pattern NUMBER_LITERAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern COMPARE_WHOLE = Pattern.compile("(<=|>=|<|>)\\s*(-?\\d{1,15})");

	private static final java.util.Set<String> KEYWORDS = java.util.Set.of("true", "false", "null", "not", "and", "or",
			"if", "then", "else", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of",
			"function", "external");

	private final class CachingFeelEngine extends ScalaFeelEngine {

		private final Map<String, Compiled> expressions = new ConcurrentHashMap<>();

		private final Map<String, Compiled> unaryTests = new ConcurrentHashMap<>();

		CachingFeelEngine(List<FeelCustomFunctionProvider> providers) {
			super(providers);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
			Compiled compiled = compiled(expressions, expression, this::compileExpression);
			if (compiled instanceof Constant constant) {
				return (T) constant.value();
			}
			if (compiled instanceof Name name && variableContext.containsVariable(name.name())) {
				// what FEEL does with a variable: the value mapped to FEEL and back
				Object value = variableContext.resolve(name.name()).getValue();
				return (T) feelEngine.valueMapper().unpackVal(feelEngine.valueMapper().toVal(value));
			}
			return (T) value(evaluate(parsedExpression(compiled, expression), variableContext));
		}

		@Override
		public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
				VariableContext variableContext) {
			Compiled compiled = compiled(unaryTests, expression, this::compileUnaryTests);
			if (compiled instanceof AnyInput) {
				return true;
			}
			Object input = variableContext.containsVariable(inputVariable)
					? variableContext.resolve(inputVariable).getValue() : null;
			if (compiled instanceof EqualsLiteral equals && input != null
					&& input.getClass() == equals.literal().getClass()) {
				return input.equals(equals.literal());
			}
			if (compiled instanceof CompareWhole compare && (input instanceof Integer || input instanceof Long)) {
				long value = ((Number) input).longValue();
				return switch (compare.operator()) {
					case "<" -> value < compare.bound();
					case "<=" -> value <= compare.bound();
					case ">" -> value > compare.bound();
					default -> value >= compare.bound();
				};
			}
			Either<Failure, ParsedExpression> parsed = compiled instanceof Parsed p ? p.parsed()
					: feelEngine.parseUnaryTests(expression);
			StaticVariableProvider inputName = new StaticVariableProvider(
					new camundajar.impl.scala.collection.immutable.Map.Map1<>(UnaryTests$.MODULE$.inputVariable(),
							inputVariable));
			ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
			CustomContext context = new CustomContext() {
				@Override
				public VariableProvider variableProvider() {
					return new CompositeVariableProvider(toScalaList(inputName, variables));
				}
			};
			return BoxesRunTime
				.unboxToBoolean(value(parsed.isRight() ? feelEngine.eval(parsed.toOption().get(), context) : failed(parsed)));
		}

		private Compiled compileExpression(String text) {
			String trimmed = text.strip();
			Either<Failure, ParsedExpression> parsed = feelEngine.parseExpression(text);
			if (parsed.isRight() && (STRING_LITERAL.matcher(trimmed).matches() || NUMBER_LITERAL.matcher(trimmed).matches())) {
				// a literal's value depends on nothing: FEEL's own answer, once
				return new Constant(value(evaluate(parsed, Variables.emptyVariableContext())));
			}
			if (parsed.isRight() && NAME.matcher(trimmed).matches() && !KEYWORDS.contains(trimmed)) {
				return new Name(trimmed);
			}
			return new Parsed(parsed);
		}

		private Compiled compileUnaryTests(String text) {
			String trimmed = text.strip();
			Either<Failure, ParsedExpression> parsed = feelEngine.parseUnaryTests(text);
			if (parsed.isLeft()) {
				return new Parsed(parsed);
			}
			if (trimmed.equals("-")) {
				return new AnyInput();
			}
			if (STRING_LITERAL.matcher(trimmed).matches()) {
				return new EqualsLiteral(trimmed.substring(1, trimmed.length() - 1));
			}
			if (trimmed.equals("true") || trimmed.equals("false")) {
				return new EqualsLiteral(Boolean.valueOf(trimmed));
			}
			Matcher compare = COMPARE_WHOLE.matcher(trimmed);
			if (compare.matches()) {
				return new CompareWhole(compare.group(1), Long.parseLong(compare.group(2)));
			}
			return new Parsed(parsed);
		}

		private Either<Failure, ParsedExpression> parsedExpression(Compiled compiled, String text) {
			return compiled instanceof Parsed p ? p.parsed() : feelEngine.parseExpression(text);
		}

		private Either<Failure, Object> evaluate(Either<Failure, ParsedExpression> parsed, VariableContext variableContext) {
			if (parsed.isLeft()) {
				return failed(parsed);
			}
			CustomContext context = new CustomContext() {
				@Override
				public VariableProvider variableProvider() {
					return new ContextVariableWrapper(variableContext);
				}
			};
			return feelEngine.eval(parsed.toOption().get(), context);
		}

		private Compiled compiled(Map<String, Compiled> cache, String text, Function<String, Compiled> compile) {
			Compiled compiled = cache.get(text);
			if (compiled != null) {
				hits.increment();
				return compiled;
			}
			misses.increment();
			compiled = compile.apply(text);
			if (cache.size() >= maxEntries) {
				cache.clear();
			}
			cache.put(text, compiled);
			return compiled;
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		private static Either<Failure, Object> failed(Either<Failure, ParsedExpression> parsed) {
			return (Either) parsed;
		}

		/** The value, or the same exception Camunda's engine throws for a failed parse or evaluation. */
		private static Object value(Either<Failure, Object> result) {
			if (result.isRight()) {
				return result.toOption().get();
			}
			Failure failure = (Failure) ((Left<?, ?>) result).value();
			throw LOGGER.evaluationException(failure.message());
		}

	}

}
