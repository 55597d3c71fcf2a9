package org.unbinddesk.api;

import java.io.IOException;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The API reads JSON strictly: a number is not text, a boolean or an enum; enums are not numbers; trailing data and
 * duplicate keys are refused; text may not hold control characters, direction overrides (which make a name read
 * differently than it is stored) or unpaired surrogates. Each refusal names the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	static final String UNSAFE_TEXT = "may not hold control characters, direction marks or unpaired surrogates";

	@Bean
	Jackson2ObjectMapperBuilderCustomizer strictJsonCustomizer() {
		return builder -> builder
			.featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
					DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
			.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.modulesToInstall(new SimpleModule("safe-text").addDeserializer(String.class, new SafeText()))
			.postConfigurer(mapper -> {
				for (LogicalType type : new LogicalType[] { LogicalType.Textual, LogicalType.Boolean,
						LogicalType.Enum, LogicalType.Integer, LogicalType.Float }) {
					mapper.coercionConfigFor(type)
						.setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
								? CoercionAction.TryConvert : CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float,
								type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean,
								type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail);
				}
			});
	}

	/** Text as given, unless it holds characters that have no place in a name, a reason or a code. */
	static final class SafeText extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String text = super.deserialize(parser, context);
			if (text != null && !safe(text)) {
				throw context.weirdStringException(text, String.class, UNSAFE_TEXT);
			}
			return text;
		}

		static boolean safe(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isISOControl(c) || isDirectionMark(c)) {
					return false;
				}
				if (Character.isHighSurrogate(c)) {
					if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
						return false;
					}
					i++;
				}
				else if (Character.isLowSurrogate(c)) {
					return false;
				}
			}
			return true;
		}

		private static boolean isDirectionMark(char c) {
			return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
					|| (c >= '\u2066' && c <= '\u2069');
		}

	}

}
