package org.unbinddesk.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The yardstick for the service's start-up ({@link StartupBench}): Spring Boot with Camunda's engine, REST API and web
 * apps on the same H2 file settings, health from Actuator, and nothing of Unbind Desk (no component scan, no process
 * deployed, no registry, JPA, Flyway, security or mail; the arguments {@link StartupBench#BARE_ARGUMENTS} switch off
 * what the shared class path would otherwise bring in).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BareEngineApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareEngineApplication.class, args);
	}

}
