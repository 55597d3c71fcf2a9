package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.unbinddesk.support.ProcessTestSupport;

/** The service's engine decides with the FEEL engine that keeps parsed expressions ({@link EngineConfiguration}). */
class FeelExpressionCacheInEngineTests extends ProcessTestSupport {

	@Test
	void decisionsUseTheCachingFeelEngine() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory())
			.isInstanceOf(CachingFeelEngineFactory.class);
		CachingFeelEngineFactory feel = (CachingFeelEngineFactory) configuration.getDmnEngineConfiguration()
			.getFeelEngineFactory();
		for (int i = 0; i < 2; i++) {
			assertThat(engine.getDecisionService()
				.evaluateDecisionByKey("RequiredDocuments")
				.variables(Variables.createVariables()
					.putValue("reason", "DEVICE_FAULT")
					.putValue("merchantType", "COMPANY")
					.putValue("applicantRole", "LEGAL_PERSON"))
				.evaluate()
				.collectEntries("document")).containsExactly("ID_CARD", "SETTLEMENT_CARD_COPY", "BUSINESS_LICENCE",
						"FAULT_CERTIFICATE");
		}
		long hits = feel.hits();
		engine.getDecisionService()
			.evaluateDecisionByKey("RequiredDocuments")
			.variables(Variables.createVariables()
				.putValue("reason", "LOST_DEVICE")
				.putValue("merchantType", "INDIVIDUAL")
				.putValue("applicantRole", "LEGAL_PERSON"))
			.evaluate();
		assertThat(feel.hits()).as("expressions found already looked at").isGreaterThan(hits);
	}

}
