package org.unbinddesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Unbind Desk: runs POS-terminal unbinding cases (POS机解绑) on Camunda 7.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class UnbindDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(UnbindDeskApplication.class, args);
	}

}
