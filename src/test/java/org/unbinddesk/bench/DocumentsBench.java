package org.unbinddesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.unbinddesk.bench.Measure.Result;
import org.unbinddesk.crash.ServiceProcess;
import org.unbinddesk.support.RegistryFixtures.Merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The merchant's files under load ({@code ./mvnw -Pbench verify}, or alone with {@code -Dit.test=DocumentsBench}): a
 * 2 MiB JPEG (a phone photo of a card) uploaded through the case API and shown watermarked, one and eight at a time,
 * against the packaged service ({@code java -jar}, 512 MiB heap, H2 file database or {@code -Dbench.database=postgres}).
 * Reports calls per second, p50 and p99 and the service's resident memory before and after each phase, to the console
 * and {@code target/bench/documents.md}. Every upload must answer 201 and every view 200 with a JPEG.
 * Its own class and service (and its own reading of {@code bench.scale} and {@code bench.database}), so it runs alone
 * and leaves {@link ThroughputBench}'s numbers and code untouched.
 */
class DocumentsBench {

	static final int FILE_BYTES = 2 * 1024 * 1024;

	/** The same switches as the throughput benchmark's, read here so the two classes change independently. */
	static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));

	static final String DATABASE = System.getProperty("bench.database", "h2");

	static final List<String> SERVICE_JVM = List.of("-Xmx512m");

	static final int[] LEVELS = { 1, 8 };

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final ObjectMapper json = new ObjectMapper();

	private int port;

	static int count(int concurrency) {
		return Math.max(10, (int) ((concurrency == 1 ? 30 : 120) * SCALE));
	}

	@Test
	void uploadsAndWatermarkedViewsOfATwoMebibyteFile() throws Exception {
		Path dir = Files.createTempDirectory("unbind-desk-bench-documents");
		try {
			BenchDatabase database = BenchDatabase.of(DATABASE, "bench_documents", dir);
			ServiceProcess service = database.start("bench-documents", dir, SERVICE_JVM);
			port = service.port;
			byte[] photo = photo();
			BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(photo));
			List<String> lines = new ArrayList<>();
			lines.add("# Documents: upload and watermarked view of a 2 MiB file");
			lines.add("");
			lines.add("Run %s on %d cores; service: java -jar %s, %s; file: JPEG, %,d bytes, %d × %d pixels (scale %s)."
				.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(),
						String.join(" ", SERVICE_JVM),
						database.isPostgres() ? "PostgreSQL" : "H2 file database", photo.length, decoded.getWidth(),
						decoded.getHeight(), SCALE));
			lines.add("");
			lines.add("| measure | concurrency | calls | per second | MiB/s | p50 ms | p99 ms | errors | service RSS before → after, MiB |");
			lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---|");
			try (HikariDataSource dataSource = database.dataSource()) {
				BulkFixtures fixtures = new BulkFixtures(dataSource, 3_000_000);
				String caseNumber = openCase(fixtures.merchants(1).get(0));
				// warm up: the first calls load the image codecs, PDFBox and the fonts
				List<Long> warm = new CopyOnWriteArrayList<>();
				Measure.run("warm-up", 1, 3, i -> warm.add(upload(caseNumber, photo)));
				Measure.run("warm-up", 1, 3, i -> view(caseNumber, warm.get(i)));
				List<Result> results = new ArrayList<>();
				for (int c : LEVELS) {
					List<Long> ids = new CopyOnWriteArrayList<>();
					long before = service.residentMiB();
					Result uploads = Measure.run("upload", c, count(c), i -> ids.add(upload(caseNumber, photo)));
					lines.add(row("upload (POST …/documents/ID_CARD)", uploads, photo.length, before,
							service.residentMiB()));
					before = service.residentMiB();
					List<Long> shown = List.copyOf(ids);
					Result views = Measure.run("view", c, shown.size(), i -> view(caseNumber, shown.get(i)));
					lines.add(row("watermarked view (GET …/content)", views, photo.length, before,
							service.residentMiB()));
					results.add(uploads);
					results.add(views);
				}
				lines.add("");
				lines.add("Files stored: %,d (%,.0f MiB); database on disk %,.0f MiB.".formatted(
						results.stream().filter(r -> r.what().equals("upload")).mapToInt(Result::calls).sum() + 3,
						(results.stream().filter(r -> r.what().equals("upload")).mapToInt(Result::calls).sum() + 3)
								* (double) photo.length / 1024 / 1024,
						database.fileMebibytes(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource))));
				assertThat(results).allSatisfy(r -> assertThat(r.errors()).as(r.what() + " errors").isZero());
			}
			finally {
				service.stop();
			}
			Path report = Path.of("target", "bench", "documents.md");
			Files.createDirectories(report.getParent());
			Files.write(report, lines);
			lines.forEach(System.out::println);
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private static String row(String what, Result r, int bytes, long rssBefore, long rssAfter) {
		return "| %s | %d | %d | %.1f | %.1f | %.0f | %.0f | %d | %d → %d |".formatted(what, r.concurrency(), r.calls(),
				r.perSecond(), r.perSecond() * bytes / 1024 / 1024, r.p50Millis(), r.p99Millis(), r.errors(), rssBefore,
				rssAfter);
	}

	private String openCase(Merchant m) throws Exception {
		HttpResponse<String> opened = http.send(request("intake1", "/api/unbinding-cases")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(m.applicationJson("APP", "BUSINESS_CLOSED"), StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (opened.statusCode() != 201) {
			throw new IllegalStateException(opened.statusCode() + " " + opened.body());
		}
		return json.readTree(opened.body()).get("caseNumber").asText();
	}

	/** POST: each call stores another file, as another page would be (PUT would keep one copy of the same bytes). */
	private long upload(String caseNumber, byte[] photo) throws Exception {
		HttpResponse<String> stored = http.send(request("intake1",
				"/api/unbinding-cases/" + caseNumber + "/documents/ID_CARD")
			.header("Content-Type", "image/jpeg")
			.POST(HttpRequest.BodyPublishers.ofByteArray(photo))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (stored.statusCode() != 201) {
			throw new IllegalStateException(stored.statusCode() + " " + stored.body());
		}
		JsonNode document = json.readTree(stored.body()).get("document");
		return document.get("id").asLong();
	}

	private void view(String caseNumber, long id) throws Exception {
		HttpResponse<byte[]> shown = http.send(request("reviewer1",
				"/api/unbinding-cases/" + caseNumber + "/documents/" + id + "/content").GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (shown.statusCode() != 200 || !shown.headers().firstValue("Content-Type").orElse("").equals("image/jpeg")
				|| shown.body().length < 1000) {
			throw new IllegalStateException("view of " + id + ": " + shown.statusCode());
		}
	}

	private HttpRequest.Builder request(String user, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(120))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A JPEG of about 2 MiB (2 to 2.2) that looks like a photo to the encoder (gradients and fine noise): what a phone
	 * sends for a card. The size is reached by changing the picture's dimensions.
	 */
	static byte[] photo() throws IOException {
		int width = 1600;
		byte[] jpeg = null;
		for (int attempt = 0; attempt < 8; attempt++) {
			jpeg = photo(width, width * 3 / 4);
			if (jpeg.length >= FILE_BYTES && jpeg.length <= FILE_BYTES * 1.1) {
				return jpeg;
			}
			width = (int) Math.round(width * Math.sqrt(FILE_BYTES * 1.05 / jpeg.length));
		}
		return jpeg;
	}

	private static byte[] photo(int width, int height) throws IOException {
		Random random = new Random(42);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, new Color(200, 215, 235), width, height, new Color(120, 90, 70)));
		g.fillRect(0, 0, width, height);
		g.dispose();
		int[] row = new int[width];
		for (int y = 0; y < height; y++) {
			image.getRGB(0, y, width, 1, row, 0, width);
			for (int x = 0; x < width; x++) {
				int noise = random.nextInt(48) - 24;
				row[x] = clamp((row[x] >> 16 & 0xff) + noise) << 16 | clamp((row[x] >> 8 & 0xff) + noise) << 8
						| clamp((row[x] & 0xff) + noise);
			}
			image.setRGB(0, y, width, 1, row, 0, width);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

}
