package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.unbinddesk.support.ProcessTestSupport;
import org.unbinddesk.support.TestProfiles;

/**
 * The engine's ids: short numbers drawn in blocks on H2 (one process opens the file), random UUIDs on a database
 * several nodes share, where nodes would otherwise contend for one counter.
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
	}

	@Test
	void onPostgresEveryIdIsARandomUuid() {
		assumeTrue(TestProfiles.onPostgres());

		ProcessInstance pi = runtime.startProcessInstanceByKey("TerminalUnbinding");

		assertThat(pi.getId()).matches(UUID);
		assertThat(activityIds(pi)).isNotEmpty().allMatch(id -> id.matches(UUID));
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
