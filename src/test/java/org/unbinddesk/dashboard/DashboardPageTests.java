package org.unbinddesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.unbinddesk.support.Browser;
import org.unbinddesk.support.Jobs;
import org.unbinddesk.support.RegistryFixtures;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.TestProfiles;

/**
 * The dashboard page as the acquirer's staff read it, on a database of its own holding one rejected case whose
 * reason a reviewer typed as markup: a click on its bar in the rejection chart (by kind of reason) opens the list of
 * the matching cases, where the reason is shown as the text it is and runs nothing; charts without data say so, the
 * pages are in Chinese, answer with a trailing slash too, and pass an accessibility check.
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

	@Autowired
	JdbcClient jdbc;

	Merchant rejected;

	String rejectedCase;

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
		tasks.complete(review.getId(), Map.of("reviewDecision", "REJECT", "rejectionCategory", "INCOMPLETE_DOCUMENTS",
				"rejectionReason", MARKUP_REASON));
		runJobs();
		rejected = m;
		rejectedCase = jdbc.sql("select case_number from unbinding_case where process_instance_id = ?")
			.param(pi.getId())
			.query(String.class)
			.single();
	}

	private void runJobs() {
		Jobs.runAll(management, () -> management.createJobQuery().messages().withRetriesLeft());
	}

	@Test
	void aBarOfTheRejectionChartOpensItsCasesWithTheReasonAsText() {
		try (Browser browser = Browser.start()) {
			browser.open("http://supervisor1:demo@localhost:" + port + "/dashboard/");
			browser.waitFor(By.cssSelector("body[data-loaded='true']"));
			browser.click(By.cssSelector("#tables summary"));
			assertThat(browser
				.waitFor(By.xpath("//table[caption[normalize-space()='驳回原因类别']]//tbody"))
				.getText()).contains("材料不全 1", "身份存疑 0", "疑似欺诈 0").doesNotContain("INCOMPLETE_DOCUMENTS");
			assertThat(browser.driver().getTitle()).isEqualTo("POS机解绑 · 运营看板");

			clickBar(browser, "chart-reasons", "材料不全");
			browser.waitFor(By.cssSelector("body[data-loaded='true']"));
			assertThat(browser.driver().getCurrentUrl()).contains("/dashboard/cases?category=INCOMPLETE_DOCUMENTS");
			assertThat(browser.driver().findElement(By.tagName("header")).getText())
				.contains("最近30天按“材料不全”驳回的受理", "时间为北京时间");
			String row = browser.waitFor(By.xpath("//table[@class='cases']//tr[td[normalize-space()='" + rejectedCase + "']]"))
				.getText();
			assertThat(row).contains(rejected.name(), rejected.terminalId(), "已驳回", "材料不全：" + MARKUP_REASON)
				.matches("(?s).*\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}.*")
				.doesNotContain("REJECTED", "INCOMPLETE_DOCUMENTS")
				.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
			assertThat(browser.driver().findElements(By.cssSelector("#list img"))).isEmpty();
			assertThat(browser.driver().getTitle()).isEqualTo("POS机解绑 · 受理清单");
			assertThat(browser.accessibilityViolations("body")).isEmpty();
			browser.screenshot("10-dashboard-rejected-cases");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	/** Clicks the bar of a category in a horizontal bar chart, where ECharts drew it. */
	private static void clickBar(Browser browser, String chartId, String category) {
		WebElement chart = browser.waitFor(By.id(chartId));
		@SuppressWarnings("unchecked")
		List<Number> at = (List<Number>) ((JavascriptExecutor) browser.driver()).executeScript("""
				const c = echarts.getInstanceByDom(arguments[0]);
				const o = c.getOption();
				const i = o.yAxis[0].data.indexOf(arguments[1]);
				const p = c.convertToPixel({seriesIndex: 0}, [o.series[0].data[i] / 2, i]);
				return [p[0] - arguments[0].clientWidth / 2, p[1] - arguments[0].clientHeight / 2];""", chart, category);
		new Actions(browser.driver()).moveToElement(chart, at.get(0).intValue(), at.get(1).intValue()).click().perform();
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
