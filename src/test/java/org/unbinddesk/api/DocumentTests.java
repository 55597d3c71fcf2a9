package org.unbinddesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.cases.RegistryRetention;
import org.unbinddesk.process.DemoSpecimens;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;
import org.unbinddesk.support.RegistryRows;
import org.unbinddesk.support.WebTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The merchant's files over real HTTP: upload by type read from the bytes, limits, who reads them, what a reader is
 * shown (watermark, no metadata), checksums, the documents a case waits for, and retention.
 */
class DocumentTests extends WebTestSupport {

	private static final String PROBLEMS = "https://unbinddesk.org/problems/";

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryRows rows;

	@Autowired
	RegistryRetention retention;

	@Autowired
	DemoSpecimens specimens;

	@Test
	void storesEachAllowedTypeReadFromItsBytesWithSizeAndChecksum() throws Exception {
		String caseNumber = openCase(registry.merchant());
		byte[] png = png();
		byte[] jpeg = jpeg(false);
		byte[] pdf = pdf();

		Response asPng = upload("intake1", "PUT", caseNumber, "ID_CARD", png, "application/octet-stream");
		Response asJpeg = upload("intake1", "POST", caseNumber, "ID_CARD", jpeg, "image/png");
		Response asPdf = upload("agent1", "PUT", caseNumber, "SETTLEMENT_CARD_COPY", pdf, "image/jpeg");

		assertThat(List.of(asPng.status(), asJpeg.status(), asPdf.status())).containsOnly(201);
		assertThat(asPng.json().get("document").get("mediaType").asText()).isEqualTo("image/png");
		assertThat(asJpeg.json().get("document").get("mediaType").asText()).isEqualTo("image/jpeg");
		assertThat(asPdf.json().get("document").get("mediaType").asText()).isEqualTo("application/pdf");
		assertThat(asPng.json().get("document").get("size").asLong()).isEqualTo(png.length);
		assertThat(asPng.json().get("document").get("sha256").asText()).isEqualTo(sha256(png));
		assertThat(asPdf.json().get("document").get("sha256").asText()).isEqualTo(sha256(pdf));
		assertThat(asPng.location()).isEqualTo(asPng.json().get("document").get("content").asText())
			.startsWith("/api/unbinding-cases/" + caseNumber + "/documents/");

		JsonNode view = caseView("reviewer1", "/api/unbinding-cases/" + caseNumber);
		JsonNode idCard = item(view, "ID_CARD");
		assertThat(idCard.get("nameZh").asText()).isEqualTo("身份证");
		assertThat(idCard.get("nameEn").asText()).isEqualTo("ID card");
		assertThat(idCard.get("paper").asText()).isEqualTo("FILES");
		assertThat(idCard.get("count").asInt()).isEqualTo(2);
		assertThat(idCard.get("files").findValuesAsText("sha256")).containsExactly(sha256(png), sha256(jpeg));
		assertThat(idCard.get("files").findValuesAsText("suppliedBy")).containsOnly("intake1");
		assertThat(item(view, "SETTLEMENT_CARD_COPY").get("files").get(0).get("suppliedBy").asText()).isEqualTo("agent1");
		assertThat(view.toString()).doesNotContain(Base64.getEncoder().encodeToString(Arrays.copyOf(png, 30)));
	}

	@Test
	void refusesATextFileNamedLikeAnImage() throws Exception {
		String caseNumber = openCase(registry.merchant());
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path(caseNumber, "ID_CARD")))
			.header("Content-Type", "image/jpeg")
			.header("Content-Disposition", "attachment; filename=\"id-card.jpg\"")
			.PUT(HttpRequest.BodyPublishers.ofString("这不是图片，只是一段文字。\nnot a picture\n"));

		Response response = send("intake1", request);

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.json().get("type").asText()).isEqualTo(PROBLEMS + "unsupported-media-type");
		assertThat(response.json().get("detail").asText()).contains("text/plain", "image/jpeg, image/png and application/pdf");
		assertThat(rows.filesOf(caseNumber)).isZero();
	}

	@Test
	void refusesAnOversizeFileAndStoresNothing() throws Exception {
		String caseNumber = openCase(registry.merchant());
		byte[] big = Arrays.copyOf(png(), 10 * 1024 * 1024 + 1);

		Response declared = upload("intake1", "PUT", caseNumber, "ID_CARD", big, "image/png");
		Response streamed = send("intake1", HttpRequest.newBuilder(uri(path(caseNumber, "ID_CARD")))
			.header("Content-Type", "image/png")
			.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

		assertThat(declared.status()).isEqualTo(413);
		assertThat(streamed.status()).isEqualTo(413);
		assertThat(streamed.json().get("type").asText()).isEqualTo(PROBLEMS + "payload-too-large");
		assertThat(streamed.json().get("detail").asText()).contains("10485760 bytes", "nothing was stored");
		assertThat(rows.filesOf(caseNumber)).isZero();
		assertThat(jdbc.sql("select count(*) from case_document_chunk c join case_document d on d.id = c.document_id"
				+ " where d.case_number = ?").param(caseNumber).query(Long.class).single()).isZero();
	}

	@Test
	void refusesAnUnknownDocumentCode() throws Exception {
		String caseNumber = openCase(registry.merchant());

		Response response = upload("intake1", "PUT", caseNumber, "SELFIE_WITH_DEVICE", png(), "image/png");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asText()).isEqualTo(PROBLEMS + "validation");
		assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("code");
		assertThat(rows.filesOf(caseNumber)).isZero();
	}

	@Test
	void refusesAFileForAClosedCase() throws Exception {
		String caseNumber = openCase(registry.merchant());
		cancel(caseNumber);

		Response response = upload("intake1", "PUT", caseNumber, "ID_CARD", png(), "image/png");

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("type").asText()).isEqualTo(PROBLEMS + "case-closed");
		assertThat(response.json().get("detail").asText()).contains(caseNumber, "closed");
		assertThat(rows.filesOf(caseNumber)).isZero();
	}

	@Test
	void intakeSystemsMayUploadButNotReadFiles() throws Exception {
		String caseNumber = openCase(registry.merchant());
		String content = upload("intake1", "PUT", caseNumber, "ID_CARD", png(), "image/png").location();

		Bytes refused = read("intake1", content);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains(PROBLEMS + "forbidden");
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_VIEW_REFUSED")).containsExactly("intake1");
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_VIEWED")).isEmpty();
		assertThat(read(null, content).status()).isEqualTo(401);
	}

	@Test
	void showsImagesWatermarkedWithoutTheirMetadataAndRecordsEachView() throws Exception {
		String caseNumber = openCase(registry.merchant());
		byte[] jpeg = jpeg(true);
		byte[] png = png();
		String jpegContent = upload("intake1", "PUT", caseNumber, "ID_CARD", jpeg, "image/jpeg").location();
		String pngContent = upload("intake1", "POST", caseNumber, "ID_CARD", png, "image/png").location();

		Bytes shownJpeg = read("reviewer1", jpegContent);
		Bytes shownPng = read("supervisor1", pngContent);

		assertThat(shownJpeg.status()).isEqualTo(200);
		assertThat(shownJpeg.contentType()).isEqualTo("image/jpeg");
		assertThat(shownPng.contentType()).isEqualTo("image/png");
		assertWatermarked(ImageIO.read(new ByteArrayInputStream(jpeg)), shownJpeg.body());
		assertWatermarked(ImageIO.read(new ByteArrayInputStream(png)), shownPng.body());
		String served = new String(shownJpeg.body(), StandardCharsets.ISO_8859_1);
		assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains("Exif", "GPS-39.9042N-116.4074E");
		assertThat(served).doesNotContain("Exif", "GPS-39.9042N-116.4074E");
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_VIEWED")).containsExactly("reviewer1", "supervisor1");
		// the stored original is untouched
		assertThat(jdbc.sql("select sha256 from case_document where case_number = ? order by id").param(caseNumber)
			.query(String.class).list()).containsExactly(sha256(jpeg), sha256(png));
	}

	@Test
	void servesPdfsWatermarkedWithoutMetadataOrScripts() throws Exception {
		String caseNumber = openCase(registry.merchant());
		byte[] pdf = pdf();
		String content = upload("intake1", "PUT", caseNumber, "SETTLEMENT_CARD_COPY", pdf, "application/pdf").location();

		Bytes shown = read("agent2", content);

		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.contentType()).isEqualTo("application/pdf");
		assertThat(shown.body()).isNotEqualTo(pdf);
		try (PDDocument read = Loader.loadPDF(shown.body())) {
			assertThat(read.getNumberOfPages()).isEqualTo(1);
			PDPage page = read.getPage(0);
			assertThat(page.getResources().getXObjectNames()).singleElement()
				.satisfies(name -> assertThat(page.getResources().getXObject(name)).isInstanceOf(PDImageXObject.class));
			assertThat(read.getDocumentInformation().getAuthor()).isNull();
			assertThat(read.getDocumentCatalog().getOpenAction()).isNull();
		}
		// the stored original is untouched
		assertThat(jdbc.sql("select sha256 from case_document where case_number = ? and media_type = 'application/pdf'")
			.param(caseNumber)
			.query(String.class)
			.single()).isEqualTo(sha256(pdf));
	}

	@Test
	void refusesAPdfThatCannotBeOpened() throws Exception {
		String caseNumber = openCase(registry.merchant());
		byte[] broken = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

		Response response = upload("intake1", "PUT", caseNumber, "SETTLEMENT_CARD_COPY", broken, "application/pdf");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.json().get("detail").asText()).contains("cannot be opened");
		assertThat(rows.filesOf(caseNumber)).isZero();
	}

	@Test
	void refusesToShowAFileWhoseBytesNoLongerMatchTheChecksum() throws Exception {
		String caseNumber = openCase(registry.merchant());
		JsonNode stored = upload("intake1", "PUT", caseNumber, "ID_CARD", png(), "image/png").json().get("document");
		long id = stored.get("id").asLong();
		byte[] tampered = png();
		tampered[tampered.length / 2] ^= 0x55;
		jdbc.sql("update case_document_chunk set data = ? where document_id = ? and seq = 0").params(tampered, id).update();

		Bytes shown = read("reviewer1", stored.get("content").asText());

		assertThat(shown.status()).isEqualTo(500);
		JsonNode problem = JSON.readTree(shown.body());
		assertThat(problem.get("type").asText()).isEqualTo(PROBLEMS + "document-damaged");
		assertThat(problem.get("detail").asText()).contains("does not match the checksum", "not shown");
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_DAMAGED")).containsExactly("reviewer1");
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_VIEWED")).isEmpty();
	}

	@Test
	void theLastMissingFileSuppliesTheDocuments() throws Exception {
		Merchant m = registry.merchant(new Spec().company());
		String caseNumber = openCase(m, "\"ID_CARD\"");
		assertThat(caseView("intake1", "/api/unbinding-cases/" + caseNumber).get("documents").get("missing").toString())
			.isEqualTo("[\"SETTLEMENT_CARD_COPY\",\"BUSINESS_LICENCE\"]");

		Response first = upload("intake1", "PUT", caseNumber, "SETTLEMENT_CARD_COPY", jpeg(false), "image/jpeg");
		JsonNode halfway = caseView("intake1", "/api/unbinding-cases/" + caseNumber);
		Response last = upload("intake1", "PUT", caseNumber, "BUSINESS_LICENCE", pdf(), "application/pdf");
		JsonNode after = caseView("intake1", "/api/unbinding-cases/" + caseNumber);

		assertThat(first.json().get("documentsSupplied").asBoolean()).isFalse();
		assertThat(halfway.get("waitingFor").toString()).contains("DocumentsSupplied");
		assertThat(item(halfway, "SETTLEMENT_CARD_COPY").get("paper").asText()).isEqualTo("FILES");
		assertThat(item(halfway, "BUSINESS_LICENCE").get("paper").asText()).isEqualTo("MISSING");
		assertThat(last.json().get("documentsSupplied").asBoolean()).isTrue();
		assertThat(after.get("waitingFor").toString()).doesNotContain("DocumentsSupplied");
		assertThat(after.get("documents").get("missing")).isEmpty();
		assertThat(after.get("documents").get("supplied").toString())
			.isEqualTo("[\"ID_CARD\",\"SETTLEMENT_CARD_COPY\",\"BUSINESS_LICENCE\"]");
		assertThat(item(after, "ID_CARD").get("paper").asText()).isEqualTo("CODE_ONLY");
	}

	@Test
	void codesAloneAreRecordedAsVerifiedElsewhere() throws Exception {
		Merchant m = registry.merchant(new Spec().company());
		String caseNumber = openCase(m, "\"ID_CARD\", \"SETTLEMENT_CARD_COPY\"");

		Response supplied = post("agent1", "/api/unbinding-cases/" + caseNumber + "/documents",
				"{\"documents\": [\"BUSINESS_LICENCE\"]}");

		assertThat(supplied.status()).isEqualTo(200);
		JsonNode licence = item(supplied.json(), "BUSINESS_LICENCE");
		assertThat(licence.get("paper").asText()).isEqualTo("CODE_ONLY");
		assertThat(licence.get("count").asInt()).isZero();
		assertThat(licence.get("verifiedElsewhere").get(0).get("suppliedBy").asText()).isEqualTo("agent1");
		assertThat(licence.get("nameZh").asText()).isEqualTo("营业执照");
	}

	@Test
	void aRepeatedPutKeepsOneCopyWhilePostAddsAnotherPage() throws Exception {
		String caseNumber = openCase(registry.merchant());
		byte[] png = png();

		Response first = upload("intake1", "PUT", caseNumber, "ID_CARD", png, "image/png");
		Response repeat = upload("intake1", "PUT", caseNumber, "ID_CARD", png, "image/png");
		Response another = upload("intake1", "POST", caseNumber, "ID_CARD", png, "image/png");

		assertThat(first.status()).isEqualTo(201);
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.json().get("document").get("id")).isEqualTo(first.json().get("document").get("id"));
		assertThat(another.status()).isEqualTo(201);
		assertThat(rows.filesOf(caseNumber)).isEqualTo(2);
		assertThat(rows.auditActors(caseNumber, "DOCUMENT_UPLOADED")).hasSize(2);
	}

	@Test
	void filesGoWithTheCaseRecordWhenItsRetentionEndsNeverBefore() throws Exception {
		String open = openCase(registry.merchant());
		String recentlyClosed = openCase(registry.merchant());
		String closedLongAgo = openCase(registry.merchant());
		for (String c : List.of(open, recentlyClosed, closedLongAgo)) {
			upload("intake1", "PUT", c, "ID_CARD", png(), "image/png");
		}
		post("intake1", "/api/unbinding-cases/" + recentlyClosed + "/documents", "{\"documents\": [\"ID_CARD\"]}");
		cancel(recentlyClosed);
		cancel(closedLongAgo);
		jdbc.sql("update unbinding_case set closed_at = ? where case_number = ?")
			.params(retention.keptSince().minusDays(1), closedLongAgo)
			.update();

		retention.removeExpired();

		assertThat(rows.filesOf(closedLongAgo)).isZero();
		assertThat(jdbc.sql("select count(*) from unbinding_case where case_number = ?").param(closedLongAgo)
			.query(Long.class).single()).isZero();
		assertThat(rows.filesOf(recentlyClosed)).isEqualTo(1);
		assertThat(rows.filesOf(open)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from case_document_chunk c where not exists"
				+ " (select 1 from case_document d where d.id = c.document_id)").query(Long.class).single()).isZero();
	}

	@Test
	void demoCasesComeWithSpecimenFilesForTheDocumentsTheyName() throws Exception {
		String caseNumber = openCase(registry.merchant());
		specimens.attachToNewCases();

		specimens.attachTo(caseNumber);

		JsonNode view = caseView("reviewer1", "/api/unbinding-cases/" + caseNumber);
		for (String code : List.of("ID_CARD", "SETTLEMENT_CARD_COPY")) {
			JsonNode item = item(view, code);
			assertThat(item.get("count").asInt()).isEqualTo(1);
			assertThat(item.get("files").get(0).get("suppliedBy").asText()).isEqualTo("demo-specimens");
			assertThat(item.get("files").get(0).get("mediaType").asText()).isEqualTo("image/png");
		}
		Bytes shown = read("reviewer1", item(view, "ID_CARD").get("files").get(0).get("content").asText());
		assertThat(shown.status()).isEqualTo(200);
		assertThat(ImageIO.read(new ByteArrayInputStream(shown.body())).getWidth()).isEqualTo(800);
		// what a reviewer sees, for a look by eye
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/document-specimen-as-shown.png"), shown.body());
	}

	// --- helpers

	private String openCase(Merchant m) {
		return openCase(m, "\"ID_CARD\", \"SETTLEMENT_CARD_COPY\"");
	}

	private String openCase(Merchant m, String documents) {
		Response opened = post("intake1", "/api/unbinding-cases", CaseApiTests.application(m, "BUSINESS_CLOSED", documents));
		assertThat(opened.status()).isEqualTo(201);
		return opened.json().get("caseNumber").asText();
	}

	private static String path(String caseNumber, String code) {
		return "/api/unbinding-cases/" + caseNumber + "/documents/" + code;
	}

	private Response upload(String user, String method, String caseNumber, String code, byte[] body, String contentType) {
		return send(user, HttpRequest.newBuilder(uri(path(caseNumber, code)))
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private JsonNode caseView(String user, String path) {
		Response response = get(user, path);
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	record Bytes(int status, String contentType, byte[] body) {
	}

	private Bytes read(String user, String path) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new Bytes(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	private static JsonNode item(JsonNode view, String code) {
		for (JsonNode item : view.get("documents").get("items")) {
			if (item.get("code").asText().equals(code)) {
				return item;
			}
		}
		throw new AssertionError("No document item " + code + " in " + view.get("documents"));
	}

	/** Same size, and a visible share of the pixels changed by the watermark. */
	private static void assertWatermarked(BufferedImage original, byte[] shown) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(shown));
		assertThat(image.getWidth()).isEqualTo(original.getWidth());
		assertThat(image.getHeight()).isEqualTo(original.getHeight());
		int changed = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int a = original.getRGB(x, y);
				int b = image.getRGB(x, y);
				int diff = Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) + Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff))
						+ Math.abs((a & 0xff) - (b & 0xff));
				if (diff > 60) {
					changed++;
				}
			}
		}
		assertThat(changed).as("pixels visibly changed").isGreaterThan(image.getWidth() * image.getHeight() / 50);
	}

	private static BufferedImage picture() {
		BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(230, 240, 250));
		g.fillRect(0, 0, 480, 300);
		g.setColor(new Color(40, 80, 160));
		g.fillRect(20, 20, 140, 180);
		g.drawString("SPECIMEN 样本", 200, 60);
		g.dispose();
		return image;
	}

	private static byte[] png() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(picture(), "png", out);
		return out.toByteArray();
	}

	/** A JPEG, optionally with an EXIF segment naming a position (what a phone camera would leave in). */
	private static byte[] jpeg(boolean exif) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(picture(), "jpeg", out);
		byte[] plain = out.toByteArray();
		if (!exif) {
			return plain;
		}
		byte[] payload = ("Exif\0\0MM\0*\0\0\0\bGPS-39.9042N-116.4074E").getBytes(StandardCharsets.ISO_8859_1);
		int afterApp0 = 4 + ((plain[4] & 0xff) << 8 | (plain[5] & 0xff));
		ByteArrayOutputStream with = new ByteArrayOutputStream();
		with.write(plain, 0, afterApp0);
		with.write(new byte[] { (byte) 0xff, (byte) 0xe1, 0, (byte) (payload.length + 2) });
		with.write(payload);
		with.write(plain, afterApp0, plain.length - afterApp0);
		return with.toByteArray();
	}

	/** A one-page PDF with an author and a script that runs on opening: what a reader must never get. */
	private static byte[] pdf() {
		try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			pdf.addPage(new PDPage(PDRectangle.A4));
			pdf.getDocumentInformation().setAuthor("张伟 13800000001");
			pdf.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi')"));
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}


	/** The merchant cancels, confirming with the one-time code sent to the phone on file. */
	private void cancel(String caseNumber) {
		String otp = consentCode("intake1", caseNumber, "CANCELLATION");
		Response cancelled = post("intake1", "/api/unbinding-cases/" + caseNumber + "/cancellation",
				"{\"otp\": \"" + otp + "\"}");
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
	}

}
