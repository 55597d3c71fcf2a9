package org.unbinddesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.Browser;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;
import org.unbinddesk.support.WebTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Agents, reviewers and supervisors work cases in Camunda Tasklist, in a real browser: the start form, the group
 * filters, claiming, the review form, and four eyes refused in the form. Screenshots of each step land in
 * {@code target/screenshots/}.
 */
class TasklistTests extends WebTestSupport {

	private static final By COMPLETE = By.xpath("//button[contains(@class,'btn-primary') and normalize-space()='Complete']");

	private static final By CLAIM = By.xpath("//button[normalize-space()='Claim']");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	Browser browser;

	@Autowired
	RuntimeService runtime;

	@BeforeEach
	void openBrowser() {
		browser = Browser.start();
		// cases other test classes left open would fill the reviewers' lists: start from a clean Tasklist
		List<String> leftovers = runtime.createProcessInstanceQuery().list().stream().map(p -> p.getId()).toList();
		if (!leftovers.isEmpty()) {
			runtime.deleteProcessInstances(leftovers, "clean Tasklist for the browser test", true, true);
		}
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void agentStartsACaseAndAReviewerApprovesItInTasklist() {
		Merchant m = registry.merchant();

		login("agent1");
		browser.click(By.xpath("//a[contains(., 'Start process')]"));
		browser.click(By.linkText("Terminal unbinding"));
		choose("channel", "Phone hotline");
		field("merchantNo", m.merchantNo());
		field("terminalId", m.terminalId());
		choose("reason", "Device fault");
		field("applicantName", m.legalName());
		field("applicantIdNumber", m.idNumber());
		field("applicantPhone", m.phone());
		browser.click(By.cssSelector("input[id$='-Field_applicantRole-0']"));
		field("documents", "ID_CARD,SETTLEMENT_CARD_COPY,FAULT_CERTIFICATE");
		browser.screenshot("01-agent-opens-case");
		browser.click(By.cssSelector(".modal-footer button.btn-primary"));
		browser.waitUntilGone(By.cssSelector(".modal-footer"));
		String caseNumber = jdbc.sql("select case_number from unbinding_case where merchant_no = ?")
			.param(m.merchantNo())
			.query(String.class)
			.single();
		runAsyncSteps();

		login("reviewer1");
		browser.click(By.xpath("//a[contains(., \"My group's reviews\")]"));
		By reviewTask = By.xpath("//li[contains(@class,'task')]//h4/a[contains(., '" + caseNumber + "')]");
		browser.waitFor(reviewTask);
		browser.screenshot("02-reviewer-group-filter");
		browser.click(reviewTask);
		browser.click(CLAIM);
		browser.click(By.cssSelector("input[id$='-Field_reviewDecision-0']"));
		browser.screenshot("03-reviewer-review-form");
		browser.click(COMPLETE);
		browser.waitUntilGone(reviewTask);
		runAsyncSteps();

		JsonNode unbound = get("agent1", "/api/unbinding-cases/" + caseNumber).json();
		assertThat(unbound.get("status").asText()).isEqualTo("CLOSED");
		assertThat(unbound.get("outcome").asText()).isEqualTo("UNBOUND");
		assertThat(unbound.get("channel").asText()).isEqualTo("PHONE");
		assertThat(registry.isBound(m)).isFalse();
	}

	@Test
	void secondApprovalOfAHighRiskCaseIsRefusedToTheFirstApproverInTasklist() {
		Merchant m = registry.merchant(new Spec().cardChangedDaysAgo(5));
		String caseNumber = post("intake1", "/api/unbinding-cases", m.applicationJson("WECHAT", "BUSINESS_CLOSED")).json()
			.get("caseNumber")
			.asText();
		runAsyncSteps();
		escalateReview(caseNumber);

		login("supervisor1");
		browser.click(By.xpath("//a[contains(., 'High risk')]"));
		By reviewTask = By.xpath("//li[contains(@class,'task')]//h4/a[contains(., 'Review unbinding application')"
				+ " and contains(., '" + caseNumber + "')]");
		browser.click(reviewTask);
		browser.click(CLAIM);
		browser.click(By.cssSelector("input[id$='-Field_reviewDecision-0']"));
		browser.click(COMPLETE);
		browser.waitUntilGone(reviewTask);

		By secondApproval = By.xpath("//li[contains(@class,'task')]//h4/a[contains(., 'Give second approval')"
				+ " and contains(., '" + caseNumber + "')]");
		browser.click(secondApproval);
		browser.waitFor(By.cssSelector("input[id$='-Field_firstReviewer']"));
		browser.click(CLAIM);
		browser.waitForText("Four eyes: supervisor1 gave the first approval of case " + caseNumber);
		browser.screenshot("04-four-eyes-refused");
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getAssignee())
			.isNull();

		login("supervisor2");
		browser.click(By.xpath("//a[contains(., 'High risk')]"));
		browser.click(secondApproval);
		browser.click(CLAIM);
		browser.click(By.cssSelector("input[id$='-Field_secondApprovalDecision-0']"));
		browser.screenshot("05-second-approval");
		browser.click(COMPLETE);
		browser.waitUntilGone(secondApproval);
		runAsyncSteps();

		JsonNode unbound = get("intake1", "/api/unbinding-cases/" + caseNumber).json();
		assertThat(unbound.get("outcome").asText()).isEqualTo("UNBOUND");
		assertThat(unbound.get("riskLevel").asText()).isEqualTo("HIGH");
	}

	private void login(String user) {
		browser.driver().manage().deleteAllCookies();
		browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/");
		browser.type(By.cssSelector("input[ng-model='username']"), user);
		browser.type(By.cssSelector("input[ng-model='password']"), "demo");
		browser.click(By.cssSelector("button[type='submit']"));
		browser.waitFor(By.xpath("//a[contains(., 'Start process')]"));
	}

	private void field(String key, String value) {
		browser.type(By.cssSelector("input[id$='-Field_" + key + "']"), value);
	}

	private void choose(String key, String label) {
		browser.click(By.cssSelector(".fjs-form-field:has(input[id$='-Field_" + key + "']) .fjs-input-group"));
		browser.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']"));
	}

	private void escalateReview(String caseNumber) {
		Job overdue = management.createJobQuery()
			.processInstanceId(jdbc.sql("select process_instance_id from unbinding_case where case_number = ?")
				.param(caseNumber)
				.query(String.class)
				.single())
			.activityId("Event_ReviewOverdue")
			.singleResult();
		management.executeJob(overdue.getId());
	}

}
