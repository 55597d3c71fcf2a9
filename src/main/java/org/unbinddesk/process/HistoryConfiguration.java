package org.unbinddesk.process;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unbinddesk.privacy.PiiSafeHistoryLevel;
import org.unbinddesk.privacy.FreeTextHistoryScrubber;

/**
 * Engine settings that have no Spring Boot property: the PII-safe history level, free text masked in history, and
 * history kept for whole calendar years ({@code unbinddesk.retention.years}).
 */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

	@Bean
	AbstractProcessEnginePlugin piiSafeHistoryPlugin(
			@Value("${unbinddesk.history.variable-trail:false}") boolean variableTrail,
			@Value("${unbinddesk.retention.years:5}") int retentionYears, Clock clock) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
						: new ArrayList<>(configuration.getCustomHistoryLevels());
				levels.add(new PiiSafeHistoryLevel(ProcessVariables.SENSITIVE, variableTrail));
				configuration.setCustomHistoryLevels(levels);
				// free text is masked before the default handler writes the row
				configuration.setHistoryEventHandler(new CompositeHistoryEventHandler(
						List.of(new FreeTextHistoryScrubber(ProcessVariables.FREE_TEXT, FreeText.MAX_LENGTH), new DbHistoryEventHandler())));
				configuration.setHistoryRemovalTimeProvider(new CalendarYearRemovalTime(retentionYears, clock.getZone()));
			}
		};
	}

}
