package org.unbinddesk.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.function.BiFunction;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * How every JSON answer of the service writes times and money, whichever class holds them: a date-time as ISO-8601
 * with the business zone's offset, to the second ({@code 2026-11-26T10:00:00+08:00}); an amount as a decimal string
 * ({@code "150.00"}), never a binary double. Times without a zone ({@link LocalDateTime}, the registry's) are the
 * business zone's already.
 */
@Configuration(proxyBeanMethods = false)
class ApiJson {

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

	static final String MONEY_PATTERN = "^-?\\d+\\.\\d{2}$";

	/**
	 * Spring Boot's ObjectMapper (controllers, the dashboard, webhook events) registers it after every other module,
	 * so its writers win over the Java time module's; registered as the mapper's last step because a module list
	 * given to the builder ({@link StrictJson}) replaces the Module beans.
	 */
	@Bean
	Jackson2ObjectMapperBuilderCustomizer timesAndMoney(Clock clock) {
		Module module = module(clock.getZone());
		return builder -> builder.postConfigurer(mapper -> mapper.registerModule(module));
	}

	private static Module module(ZoneId zone) {
		SimpleModule module = new SimpleModule("UnbindDeskTimesAndMoney");
		module.addSerializer(LocalDateTime.class, text((t, z) -> t.atZone(z).format(DATE_TIME), zone));
		module.addSerializer(OffsetDateTime.class, text((t, z) -> t.atZoneSameInstant(z).format(DATE_TIME), zone));
		module.addSerializer(ZonedDateTime.class, text((t, z) -> t.withZoneSameInstant(z).format(DATE_TIME), zone));
		module.addSerializer(Instant.class, text((t, z) -> t.atZone(z).format(DATE_TIME), zone));
		module.addSerializer(Date.class, text((t, z) -> t.toInstant().atZone(z).format(DATE_TIME), zone));
		module.addSerializer(BigDecimal.class,
				text((amount, z) -> amount.setScale(2, RoundingMode.HALF_UP).toPlainString(), zone));
		return module;
	}

	private static <T> JsonSerializer<T> text(BiFunction<T, ZoneId, String> format, ZoneId zone) {
		return new JsonSerializer<>() {
			@Override
			public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
				json.writeString(format.apply(value, zone));
			}
		};
	}

}
