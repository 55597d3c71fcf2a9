package org.unbinddesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;
import org.unbinddesk.support.RegistryRows;
import org.unbinddesk.support.WebTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The files of a case as Tasklist reads and attaches them, over real HTTP with the web apps' own login (session and
 * CSRF token, as the browser has them): the task's case only, each view watermarked and recorded, a crafted id of
 * another case refused and recorded with nothing sent; uploads stored as the API stores them, refusals in Chinese.
 */
class TaskDocumentsTests extends WebTestSupport {

	private static final String BASE = "/camunda/api/unbind-desk";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryRows rows;

	@Autowired
	TaskService tasks;

	@Test
	void aReviewerReadsTheFilesOfTheTasksCaseWatermarkedAndNoOtherCasesFile() throws Exception {
		String caseNumber = openCase(registry.merchant(), "\"ID_CARD\", \"SETTLEMENT_CARD_COPY\"");
		byte[] png = png();
		assertThat(upload("intake1", caseNumber, "ID_CARD", png).status()).isEqualTo(201);
		String otherCase = openCase(registry.merchant(), "\"ID_CARD\", \"SETTLEMENT_CARD_COPY\"");
		long otherFile = upload("intake1", otherCase, "ID_CARD", png).json().get("document").get("id").asLong();
		runAsyncSteps();
		String review = taskOf(caseNumber, "Task_ReviewApplication");

		Session reviewer = Session.login(this::uri, "reviewer1");
		Reply list = reviewer.get(BASE + "/tasks/" + review + "/documents");

		assertThat(list.status()).isEqualTo(200);
		JsonNode documents = list.json();
		assertThat(documents.get("caseNumber").asText()).isEqualTo(caseNumber);
		JsonNode idCard = item(documents, "ID_CARD");
		assertThat(idCard.get("nameZh").asText()).isEqualTo("身份证");
		assertThat(idCard.get("nameEn").asText()).isEqualTo("ID card");
		assertThat(idCard.get("count").asInt()).isEqualTo(1);
		assertThat(idCard.get("files").get(0).get("suppliedBy").asText()).isEqualTo("intake1");
		assertThat(idCard.get("files").get(0).get("suppliedAt").asText()).isNotBlank();
		assertThat(item(documents, "SETTLEMENT_CARD_COPY").get("paper").asText()).isEqualTo("CODE_ONLY");
		assertThat(list.body()).doesNotContain("sha256", String.valueOf(otherFile) + "/content");

		Reply shown = reviewer.get(idCard.get("files").get(0).get("content").asText());
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.contentType()).isEqualTo("image/png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(shown.bytes()));
		assertThat(image.getWidth()).isEqualTo(480);
		assertThat(Arrays.equals(shown.bytes(), png)).as("shown watermarked, not as stored").isFalse();
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_VIEWED")).containsExactly("reviewer1");

		// another case's file through this task: refused, recorded, nothing of it sent
		Reply crafted = reviewer.get(BASE + "/tasks/" + review + "/documents/" + otherFile + "/content");
		assertThat(crafted.status()).isEqualTo(404);
		assertThat(crafted.contentType()).startsWith("application/problem+json");
		assertThat(crafted.json().get("detail").asText()).isEqualTo("该任务所属的受理中没有这份材料。");
		assertThat(crafted.bytes().length).isLessThan(1000);
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_VIEW_REFUSED")).containsExactly("reviewer1");
		assertThat(rows.auditActors(otherCase, "DOCUMENT_VIEWED")).isEmpty();
	}

	@Test
	void aTaskTheCallerCannotSeeShowsNothingAndNobodyReadsWithoutTheLogin() throws Exception {
		String caseNumber = openCase(registry.merchant(), "\"ID_CARD\", \"SETTLEMENT_CARD_COPY\"");
		long file = upload("intake1", caseNumber, "ID_CARD", png()).json().get("document").get("id").asLong();
		runAsyncSteps();
		String review = taskOf(caseNumber, "Task_ReviewApplication");

		// agents work other tasks: the engine does not show them a review
		Session agent = Session.login(this::uri, "agent1");
		assertThat(agent.get(BASE + "/tasks/" + review + "/documents").status()).isEqualTo(404);
		assertThat(agent.get(BASE + "/tasks/" + review + "/documents/" + file + "/content").status()).isEqualTo(404);
		assertThat(agent.get(BASE + "/tasks/no-such-task/documents").status()).isEqualTo(404);

		HttpResponse<byte[]> anonymous = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri(BASE + "/tasks/" + review + "/documents/" + file + "/content")).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_VIEWED")).isEmpty();
	}

	@Test
	void anAgentSuppliesTheMissingFileInTheTaskAsTheApiWouldStoreIt() throws Exception {
		Merchant m = registry.merchant(new Spec().company());
		String caseNumber = openCase(m, "\"ID_CARD\", \"SETTLEMENT_CARD_COPY\"");
		runAsyncSteps();
		String supply = taskOf(caseNumber, "Task_SupplyDocuments");
		Session agent = Session.login(this::uri, "agent1");
		String path = BASE + "/tasks/" + supply + "/documents/";

		Reply text = agent.post(path + "BUSINESS_LICENCE", "这不是图片，只是一段文字。".getBytes(StandardCharsets.UTF_8));
		Reply unknown = agent.post(path + "SOMETHING_ELSE", png());
		Reply reviewer = Session.login(this::uri, "reviewer1").post(path + "BUSINESS_LICENCE", png());

		assertThat(text.status()).isEqualTo(415);
		assertThat(text.json().get("detail").asText()).contains("不是 JPEG、PNG 图片或 PDF 文件", "未保存");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("detail").asText()).isEqualTo("请从材料清单中选择材料类型。");
		assertThat(reviewer.status()).isIn(403, 404);
		assertThat(rows.filesOf(caseNumber)).isZero();

		Reply stored = agent.post(path + "BUSINESS_LICENCE", png());

		assertThat(stored.status()).isEqualTo(201);
		assertThat(stored.json().get("nameZh").asText()).isEqualTo("营业执照");
		assertThat(stored.json().get("documentsSupplied").asBoolean()).isTrue();
		assertThat(rows.filesOf(caseNumber)).isEqualTo(1);
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_UPLOADED")).containsExactly("agent1");
		assertThat(get("intake1", "/api/unbinding-cases/" + caseNumber).json().get("waitingFor").toString())
			.doesNotContain("DocumentsSupplied");
	}

	@Test
	void onlyTheAgentWhoStartedACaseAttachesFilesToItAndAFileIsCheckedBeforeTheCaseExists() throws Exception {
		Merchant m = registry.merchant();
		String processInstanceId = startAs("agent1", m);
		String caseNumber = jdbc.sql("select case_number from unbinding_case where process_instance_id = ?")
			.param(processInstanceId)
			.query(String.class)
			.single();
		String path = BASE + "/started-cases/" + processInstanceId + "/documents/ID_CARD";

		Session agent = Session.login(this::uri, "agent1");
		Reply checkedText = agent.post(BASE + "/documents/check", "not a picture".getBytes(StandardCharsets.UTF_8));
		Reply checkedPng = agent.post(BASE + "/documents/check", png());
		Reply byAnother = Session.login(this::uri, "agent2").post(path, png());

		assertThat(checkedText.status()).isEqualTo(415);
		assertThat(checkedText.json().get("detail").asText()).contains("与文件名无关");
		assertThat(checkedPng.status()).isEqualTo(200);
		assertThat(checkedPng.json().get("mediaType").asText()).isEqualTo("image/png");
		assertThat(byAnother.status()).isEqualTo(404);
		assertThat(rows.filesOf(caseNumber)).isZero();

		Reply attached = agent.post(path, png());

		assertThat(attached.status()).isEqualTo(201);
		assertThat(rows.filesOf(caseNumber)).isEqualTo(1);
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_UPLOADED")).containsExactly("agent1");
	}

	@Test
	void theDocumentCodesTheFormsOfferAreTheDesksOwn() throws Exception {
		Reply codes = Session.login(this::uri, "agent1").get(BASE + "/document-codes");

		assertThat(codes.status()).isEqualTo(200);
		assertThat(codes.json().findValuesAsText("code")).contains("ID_CARD", "BUSINESS_LICENCE").hasSize(8);
		assertThat(codes.json().findValuesAsText("nameZh")).contains("身份证", "营业执照");
	}

	@Test
	void theApiRefusesToOpenACaseWithADocumentCodeNotOnTheList() {
		Merchant m = registry.merchant();
		Response opened = post("intake1", "/api/unbinding-cases",
				application(m, "BUSINESS_CLOSED", "\"ID_CARD\", \"PASSPORT\""));

		assertThat(opened.status()).isEqualTo(400);
		assertThat(opened.json().get("errors").get(0).get("field").asText()).isEqualTo("documents");
		assertThat(jdbc.sql("select count(*) from unbinding_case where merchant_no = ?")
			.param(m.merchantNo())
			.query(Long.class)
			.single()).isZero();
	}

	private static String application(Merchant m, String reason, String documents) {
		return """
				{"channel": "APP", "merchantNo": "%s", "terminalId": "%s", "reason": "%s",
				 "applicant": {"name": "%s", "idNumber": "%s", "phone": "%s", "role": "LEGAL_PERSON"},
				 "documents": [%s]}""".formatted(m.merchantNo(), m.terminalId(), reason, m.legalName(), m.idNumber(),
				m.phone(), documents);
	}

	/** Starts a case as Tasklist's start form does, through the engine, as the given agent. */
	private String startAs(String user, Merchant m) {
		String body = """
				{"variables": {
				 "channel": {"value": "PHONE"}, "merchantNo": {"value": "%s"}, "terminalId": {"value": "%s"},
				 "reason": {"value": "DEVICE_FAULT"}, "applicantName": {"value": "%s"},
				 "applicantIdNumber": {"value": "%s"}, "applicantPhone": {"value": "%s"},
				 "applicantRole": {"value": "LEGAL_PERSON"}, "documents": {"value": "ID_CARD,SETTLEMENT_CARD_COPY"}}}"""
			.formatted(m.merchantNo(), m.terminalId(), m.legalName(), m.idNumber(), m.phone());
		Response started = post(user, "/engine-rest/process-definition/key/TerminalUnbinding/submit-form", body);
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		return started.json().get("id").asText();
	}

	private String openCase(Merchant m, String documents) {
		Response opened = post("intake1", "/api/unbinding-cases",
				application(m, "BUSINESS_CLOSED", documents));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return opened.json().get("caseNumber").asText();
	}

	private Response upload(String user, String caseNumber, String code, byte[] body) {
		return send(user, HttpRequest.newBuilder(uri("/api/unbinding-cases/" + caseNumber + "/documents/" + code))
			.header("Content-Type", "application/octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private String taskOf(String caseNumber, String definitionKey) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.taskDefinitionKey(definitionKey)
			.singleResult()
			.getId();
	}

	private static JsonNode item(JsonNode documents, String code) {
		for (JsonNode item : documents.get("items")) {
			if (item.get("code").asText().equals(code)) {
				return item;
			}
		}
		throw new AssertionError("No item " + code + " in " + documents);
	}

	static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(230, 240, 250));
		g.fillRect(0, 0, 480, 300);
		g.setColor(new Color(40, 80, 160));
		g.fillRect(20, 20, 140, 180);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	record Reply(int status, String contentType, byte[] bytes) {

		String body() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

		JsonNode json() throws IOException {
			return JSON.readTree(bytes);
		}

	}

	/** A browser's login to the web apps: the session cookie, and the CSRF token their API asks for on every change. */
	static final class Session {

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

		private final Function<String, URI> uri;

		private Session(Function<String, URI> uri) {
			this.uri = uri;
		}

		static Session login(Function<String, URI> uri, String user) throws Exception {
			Session session = new Session(uri);
			session.get("/camunda/app/tasklist/default/");
			String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
			HttpResponse<byte[]> login = session.client.send(HttpRequest
				.newBuilder(uri.apply("/camunda/api/admin/auth/user/default/login/tasklist"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-XSRF-TOKEN", session.token())
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(login.statusCode()).as("login of " + user).isEqualTo(200);
			session.get("/camunda/api/admin/auth/user/default");
			return session;
		}

		private String token() {
			return cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.reduce((first, second) -> second)
				.orElse("");
		}

		Reply get(String path) throws Exception {
			return send(HttpRequest.newBuilder(uri.apply(path)).GET());
		}

		Reply post(String path, byte[] body) throws Exception {
			return send(HttpRequest.newBuilder(uri.apply(path))
				.header("Content-Type", "application/octet-stream")
				.header("X-XSRF-TOKEN", token())
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
		}

		private Reply send(HttpRequest.Builder request) throws Exception {
			HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}

	}

	/** The background steps of these cases only: another test's jobs left failing on purpose are not ours to run. */

}
