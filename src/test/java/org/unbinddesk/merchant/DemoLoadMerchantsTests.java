package org.unbinddesk.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.unbinddesk.cases.UnbindingCaseRepository;
import org.unbinddesk.support.WebTestSupport;

/**
 * The load-test merchants ({@code unbinddesk.demo.load-merchants}): a service started with three of them takes a case
 * for the second over the case API to review with low risk and no fee, and adding them again adds nothing. Its own
 * database and engine name, so the shared context keeps the default engine.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:unbinddesk-load-merchants;DB_CLOSE_DELAY=-1",
		"camunda.bpm.process-engine-name=loadMerchants", "unbinddesk.demo.load-merchants=3" })
class DemoLoadMerchantsTests extends WebTestSupport {

	@Autowired
	RuntimeService runtime;

	@Autowired
	UnbindingCaseRepository cases;

	@Autowired
	DemoLoadMerchants loadMerchants;

	@Autowired
	DataSource dataSource;

	@Test
	void aLoadMerchantsCaseGoesToReviewWithLowRiskAndNoFee() {
		Response opened = post("intake1", "/api/unbinding-cases", """
				{"channel": "APP", "merchantNo": "898199000000002", "terminalId": "L0000002", "reason": "BUSINESS_CLOSED",
				 "applicant": {"name": "压测员", "idNumber": "110101199003071233", "phone": "13900000000", "role": "LEGAL_PERSON"},
				 "documents": ["ID_CARD", "SETTLEMENT_CARD_COPY"]}""");
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String caseNumber = opened.json().get("caseNumber").asText();
		runAsyncSteps();

		String processInstanceId = cases.findById(caseNumber).orElseThrow().getProcessInstanceId();
		ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
		assertThat(pi).as("case still running").isNotNull();
		assertThat(runtime.getActiveActivityIds(processInstanceId)).containsExactly("Task_ReviewApplication");
		Map<String, Object> variables = runtime.getVariables(processInstanceId);
		assertThat(variables).containsEntry("identityResult", "PASS")
			.containsEntry("riskLevel", "LOW")
			.containsEntry("feePayable", false);
		assertThat(((Number) variables.get("fee")).doubleValue()).isZero();
	}

	@Test
	void addingThemAgainAddsNothing() throws Exception {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		try (Connection connection = dataSource.getConnection()) {
			assertThat(loadMerchants.addMissing(connection)).isZero();
		}
		assertThat(jdbc.sql("select count(*) from merchant where merchant_no like '898199%'").query(Long.class).single())
			.isEqualTo(3);
		assertThat(jdbc.sql("""
				select count(*) from binding b join terminal t on t.sn = b.terminal_sn
				join settlement_account a on a.id = b.settlement_account_id
				where b.merchant_no like '898199%' and a.merchant_no = b.merchant_no""").query(Long.class).single())
			.isEqualTo(3);
		assertThat(jdbc.sql("select terminal_id from terminal where sn like 'SN-LOAD-%' order by sn")
			.query(String.class)
			.list()).containsExactly("L0000001", "L0000002", "L0000003");
	}

}
