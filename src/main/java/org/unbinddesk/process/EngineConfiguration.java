package org.unbinddesk.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine settings that have no Spring Boot property: the PII-safe history level.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	@Bean
	AbstractProcessEnginePlugin piiSafeHistoryPlugin() {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
						: new ArrayList<>(configuration.getCustomHistoryLevels());
				levels.add(new PiiSafeHistoryLevel());
				configuration.setCustomHistoryLevels(levels);
			}
		};
	}

}
