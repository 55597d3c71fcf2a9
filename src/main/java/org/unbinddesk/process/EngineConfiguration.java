package org.unbinddesk.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine settings that have no Spring Boot property: the PII-safe history level.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	@Bean
	AbstractProcessEnginePlugin piiSafeHistoryPlugin(
			@Value("${unbinddesk.history.variable-trail:false}") boolean variableTrail) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
						: new ArrayList<>(configuration.getCustomHistoryLevels());
				levels.add(new PiiSafeHistoryLevel(variableTrail));
				configuration.setCustomHistoryLevels(levels);
			}
		};
	}

}
