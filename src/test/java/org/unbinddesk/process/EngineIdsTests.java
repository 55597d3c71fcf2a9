package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.TestProfiles;

/**
 * The engine's ids: short numbers drawn in blocks on an H2 file, random UUIDs on a database several nodes share (an
 * H2 server, PostgreSQL), where nodes would otherwise contend for one counter.
 */
class EngineIdsTests extends ProcessTestSupport {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@Test
	void onH2TheEngineNumbersItsRowsFromBlocksOfTenThousand() {
		assumeFalse(TestProfiles.onPostgres());

		ProcessInstance pi = runtime.startProcessInstanceByKey("TerminalUnbinding");

		assertThat(pi.getId()).matches("\\d{1,12}");
		assertThat(activityIds(pi)).isNotEmpty().allMatch(id -> id.matches("\\d{1,12}"));
		long next = Long.parseLong(management.getProperties().get("next.dbid"));
		assertThat(next % 10_000).as("the counter moves a whole block at a time").isEqualTo(1);
		assertThat(Long.parseLong(pi.getId())).isLessThan(next);
		assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getIdGenerator())
			.as("blocks taken outside the pool").isInstanceOf(EngineIdBlocks.class);
	}

	@Test
	void onPostgresEveryIdIsARandomUuid() {
		assumeTrue(TestProfiles.onPostgres());

		ProcessInstance pi = runtime.startProcessInstanceByKey("TerminalUnbinding");

		assertThat(pi.getId()).matches(UUID);
		assertThat(activityIds(pi)).isNotEmpty().allMatch(id -> id.matches(UUID));
	}

	@Test
	void numbersOnH2FilesAndInMemoryNotOnAnH2ServerNorAnotherDatabase() {
		assertThat(EngineConfiguration.h2FileOrMemory("H2", "jdbc:h2:file:./data/unbind-desk;WRITE_DELAY=0"))
			.isTrue();
		assertThat(EngineConfiguration.h2FileOrMemory("H2", "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isTrue();
		assertThat(EngineConfiguration.h2FileOrMemory("H2", "jdbc:h2:tcp://db:9092/unbind-desk")).isFalse();
		assertThat(EngineConfiguration.h2FileOrMemory("H2", "jdbc:h2:ssl://db/unbind-desk")).isFalse();
		// a file other processes may open too: still one H2 engine serving it, blocks taken under a row lock
		assertThat(EngineConfiguration.h2FileOrMemory("H2", "jdbc:h2:file:./data/x;auto_server=true")).isTrue();
		assertThat(EngineConfiguration.h2FileOrMemory("PostgreSQL", "jdbc:postgresql://db/unbinddesk"))
			.isFalse();
		// H2 reports its URL without the settings: the configured one says which database the pool opened
		assertThat(EngineConfiguration.sameDatabase("jdbc:h2:file:./data/unbind-desk",
				"jdbc:h2:file:./data/unbind-desk;WRITE_DELAY=0;AUTO_SERVER=TRUE")).isTrue();
		assertThat(EngineConfiguration.sameDatabase("jdbc:h2:mem:unbinddesk-test", "jdbc:h2:mem:other;DB_CLOSE_DELAY=-1"))
			.isFalse();
		assertThat(EngineConfiguration.sameDatabase("jdbc:h2:mem:unbinddesk-test", null)).isFalse();
	}

	/** The ids of the case's history of steps, each after its step's name ("Task_RegisterRequest:144"). */
	private List<String> activityIds(ProcessInstance pi) {
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(pi.getId())
			.list()
			.stream()
			.map(HistoricActivityInstance::getId)
			.map(id -> id.substring(id.lastIndexOf(':') + 1))
			.toList();
	}

}
