package org.unbinddesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.Browser;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;
import org.unbinddesk.support.RegistryRows;
import org.unbinddesk.support.WebTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Agents, reviewers and supervisors work cases in Camunda Tasklist, in a real browser set up like a desk at the
 * acquirer (Simplified Chinese, business time zone): the start form, the group filters and their columns, claiming,
 * the review form with every code shown as its name, refusals a person understands, and four eyes refused in the
 * form. Screenshots of each step land in {@code target/screenshots/}.
 */
class TasklistTests extends WebTestSupport {

	// Tasklist colours the button red after a refused submission: found by its label
	private static final By COMPLETE = By.xpath("//div[contains(@class,'form-actions') or contains(@class,'task-form')]//button[normalize-space()='提交']");

	private static final By CLAIM = By.xpath("//button[normalize-space()='认领']");

	private static final By FORM = By.cssSelector(".fjs-form");

	/** Codes the engine keeps that a person must never have to read. */
	private static final List<String> CODES = List.of("DEVICE_FAULT", "BUSINESS_CLOSED", "PHONE", "WECHAT", "PASS",
			"LEGAL_PERSON", "ID_CARD", "SETTLEMENT_CARD_COPY", "FAULT_CERTIFICATE", "BUSINESS_LICENCE", "DEPOSIT_REFUND",
			"NO_FEE", "LOW", "HIGH", "FUNDS_FROZEN", "RECENT_SETTLEMENT_CARD_CHANGE", "APPROVE", "REJECT");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryRows rows;

	@Autowired
	TaskService tasks;

	Browser browser;

	@Autowired
	RuntimeService runtime;

	@Autowired
	org.camunda.bpm.engine.HistoryService history;

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
		assertThat(browser.driver().findElements(By.xpath("//a[contains(., '新建任务')]"))).noneMatch(a -> a.isDisplayed());
		assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(b -> b.isDisplayed());
		assertThat(browser.driver().findElement(By.id("footer-timezone")).getText()).contains("Asia/Shanghai");
		browser.click(By.xpath("//a[contains(., '发起受理')]"));
		browser.click(By.linkText("POS机解绑"));
		choose("channel", "客服热线");
		field("merchantNo", "12345");
		browser.click(By.cssSelector(".modal-footer button.btn-primary"));
		browser.waitForText("商户号应为15位数字。");
		assertThat(browser.driver().findElement(By.cssSelector(".modal-body")).getText()).doesNotContain("pattern", "\\d");
		fillStartForm(m, m.terminalId());
		// documents are picked from the list by name, never typed as codes
		assertThat(browser.driver().findElements(By.cssSelector("input[type='checkbox'][id*='-Field_documents-']")))
			.extracting(box -> box.isSelected())
			.containsExactly(true, true, false, true, false, false, false, false);
		assertThat(browser.waitFor(By.cssSelector(".modal-body")).getText()).contains("身份证", "结算卡复印件", "故障证明",
				"授权委托书").doesNotContain("ID_CARD", "FAULT_CERTIFICATE");
		assertThat(browser.accessibilityViolations(".fjs-container")).isEmpty();
		browser.screenshot("01-agent-opens-case");
		browser.click(By.cssSelector(".modal-footer button.btn-primary"));
		browser.waitUntilGone(By.cssSelector(".modal-footer"));
		String caseNumber = jdbc.sql("select case_number from unbinding_case where merchant_no = ?")
			.param(m.merchantNo())
			.query(String.class)
			.single();
		// the agent reads the new case's number and that it was accepted, not only that "a process started"
		browser.waitForText("已受理：受理编号 " + caseNumber);
		assertThat(startedNotice()).contains(m.name(), m.terminalId()).doesNotContain("APPLICATION", "CONTACT");
		browser.screenshot("01b-agent-sees-case-number");
		runAsyncSteps();
		// taken on the phone: the merchant confirms it with the code sent to the phone on file, in the app
		merchantConfirms(caseNumber);

		login("reviewer1");
		browser.click(By.xpath("//a[contains(., '本组待办')]"));
		By reviewTask = By.xpath("//li[contains(@class,'task')]//h4/a[contains(., '审核解绑申请') and contains(., '"
				+ caseNumber + "')]");
		browser.waitFor(reviewTask);
		// the filter's columns: a reviewer reads them like a supervisor does
		browser.waitForText(m.name());
		browser.click(By.xpath("//li[contains(@class,'task')][.//h4/a[contains(., '" + caseNumber
				+ "')]]//div[contains(@class,'shutter')]/a"));
		// the columns' values come in after the shutter opens: read them once the last ones are there
		String columns = browser.waitForTextsIn(
				By.xpath("//li[contains(@class,'task')][.//h4/a[contains(., '" + caseNumber + "')]]"),
				m.terminalId(), "低");
		assertThat(columns).contains("受理编号", caseNumber, "商户", m.name(), "终端号", m.terminalId(), "风险等级", "低");
		browser.screenshot("02-reviewer-group-filter");
		browser.click(reviewTask);
		browser.click(CLAIM);
		browser.waitForText("已提交材料：身份证、结算卡复印件、故障证明");
		String form = browser.waitFor(FORM).getText();
		// taken on the phone and confirmed by the merchant with the code: the reviewer reads that it was
		assertThat(form).contains("商户本人确认", "已用发到预留手机号的验证码确认");
		assertThat(form).contains("解绑事由", "设备故障", "受理渠道", "客服热线", "身份核验", "一致", "法定代表人/经营者",
				"阻断事项（有阻断事项时不能批准）：无", "风险等级", "低", "批准", "驳回", "要求补充材料");
		assertThat(CODES).noneMatch(form::contains);
		assertThat(browser.driver().findElement(By.cssSelector("textarea[id$='-Field_reviewComment']")).getAttribute("value"))
			.isEmpty();
		assertThat(browser.accessibilityViolations(".fjs-container")).isEmpty();
		// a reason of blanks is no reason: the form says so in a sentence
		select(By.cssSelector("input[id$='-Field_reviewDecision-1']"));
		By rejectionReason = By.cssSelector("textarea[id$='-Field_rejectionReason']");
		browser.type(rejectionReason, "   ");
		// form-js checks a field as it is left or as the form is submitted, whichever comes first, and Tasklist
		// disables 提交 while the form has an error: leave the field, then submit if 提交 is still enabled
		browser.driver().findElement(rejectionReason).sendKeys(Keys.TAB);
		browser.clickIfEnabled(COMPLETE);
		browser.waitForText("请写明原因，不能只填空格。");
		browser.waitUntilDisabled(COMPLETE);
		assertThat(browser.waitFor(FORM).getText()).doesNotContain("pattern", "\\S");
		// a rejection names its kind of reason from a list, for the dashboard; the words stay for the merchant
		choose("rejectionCategory", "材料不全");
		assertThat(browser.waitFor(FORM).getText()).contains("驳回原因类别", "材料不全").doesNotContain("INCOMPLETE_DOCUMENTS");
		browser.screenshot("03a-reviewer-blank-reason");
		// (a reason that is only blanks keeps the form invalid even once hidden: form-js keeps the error)
		browser.type(rejectionReason, "证件不清晰");
		browser.waitUntilGone(By.xpath("//*[normalize-space()='请写明原因，不能只填空格。']"));
		select(By.cssSelector("input[id$='-Field_reviewDecision-0']"));
		browser.type(By.cssSelector("textarea[id$='-Field_reviewComment']"), "材料齐全，同意解绑");
		browser.screenshot("03-reviewer-review-form");
		browser.click(COMPLETE);
		browser.waitUntilGone(reviewTask);
		runAsyncSteps();

		// unbound; the deposit waits for the device, which the warehouse checks in
		JsonNode awaiting = get("agent1", "/api/unbinding-cases/" + caseNumber).json();
		assertThat(awaiting.get("status").asText()).isEqualTo("OPEN");
		assertThat(awaiting.at("/terminal/status").asText()).isEqualTo("DISABLED");
		checkDeviceIn(caseNumber, m);

		JsonNode unbound = get("agent1", "/api/unbinding-cases/" + caseNumber).json();
		assertThat(unbound.get("status").asText()).isEqualTo("CLOSED");
		assertThat(unbound.get("outcome").asText()).isEqualTo("UNBOUND");
		assertThat(unbound.get("channel").asText()).isEqualTo("PHONE");
		assertThat(registry.isBound(m)).isFalse();
	}

	@Test
	void agentAttachesAnIdCardWhenStartingAndAReviewerSeesItWatermarkedInTheTask() throws Exception {
		Merchant m = registry.merchant();
		Path dir = Files.createTempDirectory("unbind-desk-files");
		Path text = Files.writeString(dir.resolve("id-card.jpg"), "这不是图片，只是一段文字。");
		Path card = dir.resolve("id-card.png");
		ImageIO.write(idCardPicture(), "png", card.toFile());

		login("agent1");
		browser.click(By.xpath("//a[contains(., '发起受理')]"));
		browser.click(By.linkText("POS机解绑"));
		choose("channel", "客服热线");
		fillStartForm(m, m.terminalId());
		// a text file named like a picture: refused at once, in Chinese, and kept nowhere
		attach("身份证", text);
		browser.waitForText("未保存。请换一个文件。");
		assertThat(seen(By.cssSelector(".unbind-desk-upload-error[role='alert']")))
			.contains("不是 JPEG、PNG 图片或 PDF 文件").doesNotContain("text/plain", "415");
		browser.screenshot("13a-agent-text-file-refused");
		attach("身份证", card);
		browser.waitForText("身份证（id-card.png）：提交后上传");
		browser.screenshot("13-agent-attaches-id-card");
		browser.click(By.cssSelector(".modal-footer button.btn-primary"));
		browser.waitUntilGone(By.cssSelector(".modal-footer"));
		String caseNumber = jdbc.sql("select case_number from unbinding_case where merchant_no = ?")
			.param(m.merchantNo())
			.query(String.class)
			.single();
		browser.waitForText("已上传材料：身份证（id-card.png）");
		assertThat(jdbc.sql("select code || ' ' || media_type || ' ' || supplied_by from case_document where case_number = ?")
			.param(caseNumber)
			.query(String.class)
			.list()).containsExactly("ID_CARD image/png agent1");
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_UPLOADED")).containsExactly("agent1");
		// the engine keeps the codes ticked, as text; nothing of the file reaches its variables or history
		String processInstanceId = jdbc.sql("select process_instance_id from unbinding_case where case_number = ?")
			.param(caseNumber)
			.query(String.class)
			.single();
		assertThat(runtime.getVariable(processInstanceId, "documents"))
			.isEqualTo("ID_CARD,SETTLEMENT_CARD_COPY,FAULT_CERTIFICATE");
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list())
			.allSatisfy(v -> assertThat(String.valueOf(v.getValue())).doesNotContain("id-card", "PNG", "image/"));
		runAsyncSteps();

		login("reviewer1");
		browser.click(By.xpath("//a[contains(., '本组待办')]"));
		browser.click(By.xpath("//li[contains(@class,'task')]//h4/a[contains(., '审核解绑申请') and contains(., '"
				+ caseNumber + "')]"));
		By idCard = By.cssSelector(".unbind-desk-files-panel li.unbind-desk-document[data-code='ID_CARD']");
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.waitFor(idCard));
		assertThat(seen(idCard)).contains("身份证", "ID card", "共 1 份文件", "提交人 agent1");
		assertThat(browser.waitFor(By.cssSelector(".unbind-desk-files-panel")).getText()).contains("结算卡复印件",
				"仅登记了材料名称，没有文件");
		browser.click(By.cssSelector(".unbind-desk-files-panel li[data-code='ID_CARD'] .unbind-desk-view"));
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(15))
			.until(() -> Boolean.TRUE.equals(js("""
					const i = document.querySelector('.unbind-desk-document-image');
					return !!i && i.complete && i.naturalWidth > 0;""")));
		assertThat(((Number) js("return document.querySelector('.unbind-desk-document-image').naturalWidth")).intValue())
			.isEqualTo(640);
		assertThat(browser.waitFor(By.cssSelector(".unbind-desk-viewer")).getText()).contains("身份证", "水印副本");
		js("document.querySelector('.unbind-desk-document-image').scrollIntoView({block: 'center'})");
		browser.screenshot("14-reviewer-sees-id-card-watermarked");
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_VIEWED")).containsExactly("reviewer1");

		// another case's file, asked for through this task from the reviewer's own browser: refused, nothing sent
		Merchant other = registry.merchant();
		String otherCase = post("intake1", "/api/unbinding-cases", other.applicationJson("PHONE", "BUSINESS_CLOSED"))
			.json()
			.get("caseNumber")
			.asText();
		long otherFile = send("intake1", java.net.http.HttpRequest
			.newBuilder(uri("/api/unbinding-cases/" + otherCase + "/documents/ID_CARD"))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofFile(card))).json().get("document").get("id").asLong();
		String review = tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.taskDefinitionKey("Task_ReviewApplication")
			.singleResult()
			.getId();
		@SuppressWarnings("unchecked")
		List<Object> crafted = (List<Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					fetch(arguments[0], {credentials: 'same-origin'})
					  .then(r => r.text().then(b => done([r.status, r.headers.get('Content-Type'), b])))
					  .catch(e => done([0, '', String(e)]));""",
					"/camunda/api/unbind-desk/tasks/" + review + "/documents/" + otherFile + "/content");
		assertThat(((Number) crafted.get(0)).intValue()).isEqualTo(404);
		assertThat((String) crafted.get(1)).startsWith("application/problem+json");
		assertThat((String) crafted.get(2)).contains("该任务所属的受理中没有这份材料").doesNotContain("PNG", "IHDR");
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_VIEW_REFUSED")).containsExactly("reviewer1");
		assertThat(rows.auditActors(otherCase, "DOCUMENT_VIEWED")).isEmpty();
	}

	@Test
	void aReviewerAsksForADocumentFromTheListAndTheAgentSuppliesItsFileInTheTask() throws Exception {
		Merchant m = registry.merchant();
		String caseNumber = post("intake1", "/api/unbinding-cases", m.applicationJson("PHONE", "BUSINESS_CLOSED")).json()
			.get("caseNumber")
			.asText();
		runAsyncSteps();
		Path certificate = Files.createTempDirectory("unbind-desk-files").resolve("fault-certificate.pdf");
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
			pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage());
			pdf.save(certificate.toFile());
		}

		login("reviewer2");
		browser.click(By.xpath("//a[contains(., '本组待办')]"));
		By reviewTask = By.xpath("//li[contains(@class,'task')]//h4/a[contains(., '审核解绑申请') and contains(., '"
				+ caseNumber + "')]");
		browser.click(reviewTask);
		browser.click(CLAIM);
		select(By.cssSelector("input[id$='-Field_reviewDecision-2']"));
		// asked for by name from the list: 故障证明
		select(By.cssSelector("input[id$='-Field_missingDocuments-3']"));
		assertThat(browser.waitFor(FORM).getText()).contains("需补充的材料", "故障证明").doesNotContain("FAULT_CERTIFICATE");
		browser.screenshot("15-reviewer-asks-for-a-document");
		browser.click(COMPLETE);
		browser.waitUntilGone(reviewTask);
		runAsyncSteps();
		String processInstanceId = jdbc.sql("select process_instance_id from unbinding_case where case_number = ?")
			.param(caseNumber)
			.query(String.class)
			.single();
		// the engine keeps the codes as text, as every other way of asking does
		assertThat(runtime.getVariable(processInstanceId, "missingDocuments")).isEqualTo("FAULT_CERTIFICATE");

		login("agent2");
		browser.click(By.xpath("//a[contains(., '本组待办')]"));
		By supplyTask = By.xpath("//li[contains(@class,'task')]//h4/a[contains(., '补充材料') and contains(., '"
				+ caseNumber + "')]");
		browser.click(supplyTask);
		browser.click(CLAIM);
		browser.waitFor(By.cssSelector(".unbind-desk-files-panel li.unbind-desk-document[data-code='ID_CARD']"));
		attach("故障证明", certificate);
		// the task ends by itself; the notice above the page stays
		assertThat(startedNotice()).contains("已上传：故障证明（fault-certificate.pdf）。缺少的材料已齐，本任务已自动完成，受理继续。");
		browser.waitUntilGone(supplyTask);
		browser.screenshot("16-agent-supplies-the-file");
		assertThat(jdbc.sql("select code || ' ' || media_type || ' ' || supplied_by from case_document where case_number = ?")
			.param(caseNumber)
			.query(String.class)
			.list()).containsExactly("FAULT_CERTIFICATE application/pdf agent2");
		assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_SupplyDocuments")
			.count()).isZero();
	}

	@Test
	void agentStartingAnInvalidRequestReadsWhyItEndedInChinese() {
		Merchant m = registry.merchant();
		Merchant other = registry.merchant();

		login("agent2");
		browser.click(By.xpath("//a[contains(., '发起受理')]"));
		browser.click(By.linkText("POS机解绑"));
		choose("channel", "客服热线");
		// a terminal of another merchant: not bound to this one
		fillStartForm(m, other.terminalId());
		browser.click(By.cssSelector(".modal-footer button.btn-primary"));
		browser.waitUntilGone(By.cssSelector(".modal-footer"));

		browser.waitForText("申请无效");
		String caseNumber = jdbc.sql("select case_number from unbinding_case where merchant_no = ?")
			.param(m.merchantNo())
			.query(String.class)
			.single();
		assertThat(startedNotice()).contains("受理编号 " + caseNumber,
				"原因：终端" + other.terminalId() + "未绑定在商户" + m.merchantNo() + "名下")
			.doesNotContain("TERMINAL_NOT_BOUND", "not bound");
		browser.screenshot("01c-agent-sees-request-invalid");
	}

	@Test
	void secondApprovalOfAHighRiskCaseIsRefusedToTheFirstApproverInTasklist() {
		Merchant m = registry.merchant(new Spec().cardChangedDaysAgo(5));
		String caseNumber = post("intake1", "/api/unbinding-cases", m.applicationJson("WECHAT", "BUSINESS_CLOSED")).json()
			.get("caseNumber")
			.asText();
		runAsyncSteps();
		merchantConfirms(caseNumber);
		escalateReview(caseNumber);

		login("supervisor1");
		browser.click(By.xpath("//a[contains(., '高风险')]"));
		By reviewTask = By.xpath("//li[contains(@class,'task')]//h4/a[contains(., '审核解绑申请')"
				+ " and contains(., '" + caseNumber + "')]");
		browser.click(reviewTask);
		browser.click(CLAIM);
		browser.click(By.cssSelector("input[id$='-Field_reviewDecision-0']"));
		browser.click(COMPLETE);
		browser.waitUntilGone(reviewTask);

		By secondApproval = By.xpath("//li[contains(@class,'task')]//h4/a[contains(., '第二次批准')"
				+ " and contains(., '" + caseNumber + "')]");
		browser.click(secondApproval);
		browser.waitFor(By.cssSelector("input[id$='-Field_firstReviewer']"));
		assertThat(browser.waitFor(FORM).getText()).contains("近期变更过结算卡", "高").doesNotContain("RECENT_SETTLEMENT_CARD_CHANGE");
		// the second approver reads the same papers as the first
		assertThat(browser.waitFor(By.cssSelector(".unbind-desk-files-panel li.unbind-desk-document[data-code='ID_CARD']"))
			.getText()).contains("身份证", "仅登记了材料名称，没有文件");
		browser.click(CLAIM);
		// the engine's refusal, in Chinese, saying what to do
		browser.waitForAnyText("高风险案件需由另一位主管复核：您已给出第一次批准（supervisor1），请由其他主管处理");
		// the engine's English wrapping is taken off what staff read
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(5))
			.until(() -> !browser.driver().findElement(By.tagName("body")).getText().contains("ENGINE-"));
		browser.screenshot("04-four-eyes-refused");
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getAssignee())
			.isNull();

		login("supervisor2");
		browser.click(By.xpath("//a[contains(., '高风险')]"));
		browser.click(secondApproval);
		browser.click(CLAIM);
		browser.click(By.cssSelector("input[id$='-Field_secondApprovalDecision-0']"));
		browser.screenshot("05-second-approval");
		browser.click(COMPLETE);
		browser.waitUntilGone(secondApproval);
		runAsyncSteps();
		returnDeviceIntact(caseNumber);

		JsonNode unbound = get("intake1", "/api/unbinding-cases/" + caseNumber).json();
		assertThat(unbound.get("outcome").asText()).isEqualTo("UNBOUND");
		assertThat(unbound.get("riskLevel").asText()).isEqualTo("HIGH");
	}

	@Test
	void aBlockedCaseOffersNoApprovalInTheReviewForm() {
		Merchant m = registry.merchant();
		registry.freezeFunds(m, new java.math.BigDecimal("1000.00"));
		String caseNumber = post("intake1", "/api/unbinding-cases", m.applicationJson("PHONE", "BUSINESS_CLOSED")).json()
			.get("caseNumber")
			.asText();
		runAsyncSteps();

		login("reviewer2");
		browser.click(By.xpath("//a[contains(., '本组待办')]"));
		browser.click(By.xpath("//li[contains(@class,'task')]//h4/a[contains(., '" + caseNumber + "')]"));
		browser.click(CLAIM);
		browser.waitForText("该案件有阻断事项，不能批准");
		String form = browser.waitFor(FORM).getText();
		assertThat(form).contains("阻断事项（有阻断事项时不能批准）：资金冻结", "驳回", "要求补充材料");
		assertThat(browser.driver().findElements(By.cssSelector("input[id*='-Field_reviewDecision-']")))
			.extracting(input -> browser.driver()
				.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"))
				.getText())
			.containsExactly("等待限制解除（告知商户，每日复核）", "驳回", "要求补充材料");
		assertThat(CODES).noneMatch(form::contains);
		browser.screenshot("07-blocked-case-no-approval");
	}

	@Test
	void cockpitIsInChineseWithoutTheMigrationBanner() {
		logInTo("cockpit/default/", "supervisor1", "demo");
		browser.waitFor(By.xpath("//a[normalize-space()='流程']"));
		browser.waitForText("运行中的受理");
		assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(b -> b.isDisplayed());
		assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
		browser.screenshot("09-cockpit");
	}

	@Test
	void cockpitAndAdminAreInChineseAndSayTheComputerIsNotOnBusinessTime() {
		// a computer left on UTC: the apps show its time, and say so in Chinese with the difference
		browser.close();
		browser = Browser.start("UTC");
		String notice = "本机时区为 UTC，比业务时间北京时间（Asia/Shanghai）慢8小时";

		logInTo("cockpit/default/", "ops1", "demo");
		browser.waitFor(By.xpath("//a[normalize-space()='流程']"));
		browser.waitForText("运行中的受理");
		assertThat(seen(By.cssSelector(".unbind-desk-notice[role='status']"))).contains(notice,
				"请把电脑的时区设为 Asia/Shanghai");
		assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("Processes", "Dashboard",
				"Running Process Instances", "Logout");
		browser.screenshot("11-cockpit-utc-notice");

		logInTo("admin/default/#/users", "admin", "admin");
		browser.waitForText("添加用户");
		browser.waitForText("reviewer1");
		String users = browser.driver().findElement(By.tagName("body")).getText();
		assertThat(seen(By.cssSelector(".unbind-desk-notice[role='status']"))).contains(notice);
		assertThat(users).contains("用户", "用户组", "授权")
			.doesNotContain("Add User", "Add user", "First Name", "Last Name", "Groups", "Authorizations");
		browser.screenshot("12-admin-users");
	}

	/** The start form for a device fault, applied for by the merchant's legal person with the usual papers. */
	private void fillStartForm(Merchant m, String terminalId) {
		field("merchantNo", m.merchantNo());
		field("terminalId", terminalId);
		choose("reason", "设备故障");
		field("applicantName", m.legalName());
		field("applicantIdNumber", m.idNumber());
		field("applicantPhone", m.phone());
		browser.click(By.cssSelector("input[id$='-Field_applicantRole-0']"));
		// 身份证, 结算卡复印件, 故障证明 in the list
		for (int index : new int[] { 0, 1, 3 }) {
			select(By.cssSelector("input[id$='-Field_documents-" + index + "']"));
		}
	}

	/** Picks the document in the start form's file panel and chooses the file, as a person does. */
	private void attach(String document, Path file) {
		new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("unbind-desk-upload-code")))
			.selectByVisibleText(document);
		browser.driver().findElement(By.id("unbind-desk-upload-file")).sendKeys(file.toAbsolutePath().toString());
	}

	private Object js(String script) {
		return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(script);
	}

	/** A made-up ID card: a photo box and lines of text, marked as a specimen. */
	private static BufferedImage idCardPicture() {
		BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(225, 236, 246));
		g.fillRect(0, 0, 640, 400);
		g.setColor(new Color(60, 90, 150));
		g.fillRect(440, 60, 150, 190);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
		g.drawString("居民身份证 样本 SPECIMEN", 40, 60);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
		for (int line = 0; line < 5; line++) {
			g.fillRect(40, 110 + line * 45, 300 - line * 30, 14);
		}
		g.dispose();
		return image;
	}

	/** The desk's notice of how a case just started came out. */
	private String startedNotice() {
		return seen(By.cssSelector(".unbind-desk-started[role='status']"));
	}

	/** The text of an element a person can read: shown, and not covered by the app's fixed header or anything else. */
	private String seen(By by) {
		org.openqa.selenium.WebElement element = browser.waitFor(by);
		Object onTop = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
				const r = arguments[0].getBoundingClientRect();
				return arguments[0].contains(document.elementFromPoint(r.left + 8, r.top + r.height / 2));""", element);
		assertThat(onTop).as("%s is covered", by).isEqualTo(true);
		return element.getText();
	}

	private void login(String user) {
		logInTo("tasklist/default/", user, "demo");
		browser.waitFor(By.xpath("//a[contains(., '发起受理')]"));
	}

	/** Logs in afresh to one of the engine's web apps ({@code app}: its path below /camunda/app/). */
	private void logInTo(String app, String user, String password) {
		browser.driver().manage().deleteAllCookies();
		browser.open("http://localhost:" + port + "/camunda/app/" + app);
		browser.type(By.cssSelector("input[ng-model='username']"), user);
		browser.type(By.cssSelector("input[ng-model='password']"), password);
		browser.click(By.cssSelector("button[type='submit']"));
	}

	/** Clicks a radio button until the form has taken the choice (a click during a re-render can be lost). */
	private void select(By radio) {
		for (int attempt = 0; attempt < 5 && !browser.waitFor(radio).isSelected(); attempt++) {
			browser.click(radio);
		}
		assertThat(browser.waitFor(radio).isSelected()).isTrue();
	}

	private void field(String key, String value) {
		browser.type(By.cssSelector("input[id$='-Field_" + key + "']"), value);
	}

	private void choose(String key, String label) {
		browser.click(By.cssSelector(".fjs-form-field:has(input[id$='-Field_" + key + "']) .fjs-input-group"));
		browser.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']"));
	}

	/** The merchant asks for a code in the app and enters it there (the case API as the app, {@code intake1}). */
	private void merchantConfirms(String caseNumber) {
		String otp = consentCode("intake1", caseNumber, "UNBINDING");
		assertThat(post("intake1", "/api/unbinding-cases/" + caseNumber + "/consent", "{\"otp\": \"" + otp + "\"}")
			.status()).isEqualTo(200);
	}

	/**
	 * The warehouse opens "设备到货验收", scans another device's serial number (refused in Chinese, nothing recorded),
	 * then the right one, picks the condition and submits.
	 */
	private void checkDeviceIn(String caseNumber, Merchant m) {
		login("warehouse1");
		browser.click(By.xpath("//a[contains(., '本组待办')]"));
		By receiveTask = By.xpath("//li[contains(@class,'task')]//h4/a[contains(., '设备到货验收') and contains(., '"
				+ caseNumber + "')]");
		browser.click(receiveTask);
		browser.click(CLAIM);
		browser.waitForText("应寄回的设备");
		assertThat(browser.waitFor(FORM).getText()).contains(m.terminalId(), "序列号尾号 " + m.sn().substring(m.sn().length() - 4),
				"前到货", "押金￥299.00", "完好", "配件缺失").doesNotContain("INTACT", "NOT_WORKING");
		field("scannedSn", "SN-OTHER-0000");
		select(By.cssSelector("input[id$='-Field_deviceCondition-0']"));
		browser.click(COMPLETE);
		browser.waitForAnyText("不是本案终端");
		// the engine's English wrapping is taken off what the warehouse reads
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(5))
			.until(() -> !browser.driver().findElement(By.tagName("body")).getText().contains("ENGINE-"));
		assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("Cannot submit",
				"TaskListener");
		assertThat(jdbc.sql("select count(*) from device_return where case_number = ?").param(caseNumber)
			.query(Long.class).single()).isZero();
		browser.screenshot("03c-warehouse-wrong-device");
		// the refusal stays on screen over the form's buttons until the warehouse closes it (×)
		browser.driver().findElements(By.cssSelector(".notifications .close")).stream()
			.filter(org.openqa.selenium.WebElement::isDisplayed)
			.findFirst()
			.orElseThrow()
			.click();
		browser.driver().findElement(By.cssSelector("input[id$='-Field_scannedSn']")).clear();
		field("scannedSn", m.sn());
		browser.screenshot("03d-warehouse-checks-device-in");
		browser.click(COMPLETE);
		browser.waitUntilGone(receiveTask);
		runAsyncSteps();
	}

	/** The warehouse checks the case's device in, intact, without the browser. */
	private void returnDeviceIntact(String caseNumber) {
		org.camunda.bpm.engine.task.Task receive = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
			.taskDefinitionKey("Task_ReceiveReturnedDevice").singleResult();
		String sn = jdbc.sql("select terminal_sn from unbinding_case where case_number = ?").param(caseNumber)
			.query(String.class).single();
		tasks.setAssignee(receive.getId(), "warehouse1");
		tasks.complete(receive.getId(), java.util.Map.of("scannedSn", sn, "deviceCondition", "INTACT"));
		runAsyncSteps();
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
