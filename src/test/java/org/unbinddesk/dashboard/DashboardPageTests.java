package org.unbinddesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.unbinddesk.support.Browser;
import org.unbinddesk.support.Jobs;
import org.unbinddesk.support.RegistryFixtures;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.TestProfiles;

/**
 * The dashboard page as the acquirer's staff read it, on a database of its own holding one rejected case whose
 * reason a reviewer typed as markup: the reason is shown as the text it is and runs nothing, charts without data say
 * so, the page is in Chinese, answers with a trailing slash too, and passes an accessibility check.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:unbinddesk-dashboard-page;DB_CLOSE_DELAY=-1",
				"camunda.bpm.generate-unique-process-engine-name=true",
				// the shipped business zone (the other tests run in the test machine's own)
				"unbinddesk.business-zone=Asia/Shanghai" })
@ActiveProfiles(resolver = TestProfiles.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPageTests {

	static final String MARKUP_REASON = "<img src=x onerror=\"document.title='pwned'\">";

	@LocalServerPort
	int port;

	@Autowired
	RegistryFixtures registry;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@BeforeAll
	void aCaseRejectedWithMarkupAsItsReason() {
		Merchant m = registry.merchant();
		Map<String, Object> v = new HashMap<>();
		v.putAll(Map.of("channel", "PHONE", "merchantNo", m.merchantNo(), "terminalId", m.terminalId(), "reason",
				"DEVICE_FAULT", "applicantName", m.legalName(), "applicantIdNumber", m.idNumber(), "applicantPhone",
				m.phone(), "applicantRole", "LEGAL_PERSON", "documents", "ID_CARD,SETTLEMENT_CARD_COPY,FAULT_CERTIFICATE"));
		ProcessInstance pi = runtime.startProcessInstanceByKey("TerminalUnbinding", v);
		runJobs();
		Task review = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
		tasks.claim(review.getId(), "reviewer1");
		tasks.complete(review.getId(), Map.of("reviewDecision", "REJECT", "rejectionReason", MARKUP_REASON));
		runJobs();
	}

	private void runJobs() {
		Jobs.runAll(management, () -> management.createJobQuery().messages().withRetriesLeft());
	}

	@Test
	void showsAReviewersRejectionReasonAsTextAndRunsNothing() {
		try (Browser browser = Browser.start()) {
			browser.open("http://supervisor1:demo@localhost:" + port + "/dashboard/");
			browser.waitFor(By.cssSelector("body[data-loaded='true']"));
			browser.click(By.cssSelector("#tables summary"));

			String reasons = browser
				.waitFor(By.xpath("//table[caption[normalize-space()='驳回原因']]//tbody/tr[1]/td[1]"))
				.getText();
			assertThat(reasons).isEqualTo(MARKUP_REASON);
			assertThat(browser.driver().findElements(By.cssSelector("#table-view img"))).isEmpty();
			assertThat(browser.driver().getTitle()).isEqualTo("POS机解绑 · 运营看板");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void isInChineseAndSaysWhenAChartHasNothingToShow() {
		try (Browser browser = Browser.start()) {
			browser.open("http://supervisor1:demo@localhost:" + port + "/dashboard");
			browser.waitFor(By.cssSelector("body[data-loaded='true']"));

			assertThat(browser.driver().findElement(By.id("chart-breaches")).getText()).isEqualTo("最近30天没有审核超时。");
			assertThat(browser.driver().findElement(By.id("chart-stages")).getText()).isEqualTo("目前没有未结的受理。");
			assertThat(browser.driver().findElement(By.tagName("header")).getText()).contains("运营看板", "更新于",
					"（北京时间）");
			assertThat(browser.driver().findElement(By.id("generated")).getText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}（北京时间）");
			assertThat(browser.accessibilityViolations("body")).isEmpty();
			browser.screenshot("08-dashboard-empty-charts");
		}
	}

}
