package org.unbinddesk.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;
import org.unbinddesk.support.EmbeddedPostgresConfiguration;
import org.unbinddesk.support.RegistryFixtures;
import org.unbinddesk.support.RegistryFixtures.Merchant;
import org.unbinddesk.support.RegistryFixtures.Spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged service is killed with SIGKILL while cases wait at review, and again while approved cases' jobs are due; after
 * each restart every case is still there, and in the end every case is unbound exactly once. On the H2 file database
 * and on PostgreSQL.
 */
class CrashRecoveryIT {

	static final int CASES = 10;

	/** A merchant of the demo data, who owns his terminal. */
	static final Merchant DEMO_MERCHANT = new Merchant("898110000000001", "北京晨光便利店", "T0000001", "SN-LD-00000001",
			"张伟", "110101198001011232", "13800000001", "INDIVIDUAL");

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void noCaseIsLostWhenTheServiceIsKilledOnTheH2FileDatabase() throws Exception {
		// ./data under its working directory, where the service keeps its database by default
		Path dir = Files.createTempDirectory("unbind-desk-crash");
		// with AUTO_SERVER, so that this test can read the registry while the service runs
		String url = "jdbc:h2:file:" + dir.resolve("data/unbind-desk") + ";AUTO_SERVER=TRUE";
		// and the service's own H2 settings (WRITE_DELAY=0, RETENTION_TIME=0, …)
		// engine ids as shipped on an H2 file: short numbers, a new block in each life
		survivesCrashes("h2", dir, url, "sa", "", Map.of("UNBINDDESK_DB_URL", url + ServiceProcess.h2Settings()),
				"--spring.profiles.active=demo", "\\d{1,12}");
	}

	@Test
	void noCaseIsLostWhenTheServiceIsKilledOnPostgres() throws Exception {
		String url = EmbeddedPostgresConfiguration.database("crash_recovery");
		survivesCrashes("postgres", Files.createTempDirectory("unbind-desk-crash-pg"), url, "postgres", "postgres",
				Map.of("UNBINDDESK_DB_URL", url, "UNBINDDESK_DB_USER", "postgres", "UNBINDDESK_DB_PASSWORD", "postgres",
						"UNBINDDESK_SECURE_COOKIES", "false"),
				"--spring.profiles.active=demo,postgres", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	}

	@Test
	void stopsCleanlyWhenAskedToAndKeepsItsCases() throws Exception {
		// the service's own default database URL, which only the service opens: the case comes from the demo data
		Path dir = Files.createTempDirectory("unbind-desk-stop");
		Files.deleteIfExists(Path.of("target", "crash", "h2-stop-1.log"));
		ServiceProcess service = ServiceProcess.start("h2-stop-1", dir, Map.of(), "--spring.profiles.active=demo");
		List<String> cases = List.of(open(service.port, DEMO_MERCHANT));
		awaitAll(service.port, cases, c -> "REVIEW".equals(c.get("stage").asText()));
		// the benchmark's split of the service's CPU: the compiler's share is a part of it, and a start compiles
		assertThat(service.compilerCpuTime()).as("JIT compiler CPU after a start").isPositive()
			.isLessThan(service.cpuTime());

		// SIGTERM, as systemd or Kubernetes stop a service: the engine and its job executor stop before the database
		int status = service.stop();
		assertThat(status).as("exit status after SIGTERM").isIn(0, 143);
		assertThat(Files.readAllLines(service.log)).as("the log of a graceful stop")
			.noneMatch(line -> line.contains(" ERROR ") || line.contains("Database is already closed"));

		ServiceProcess again = ServiceProcess.start("h2-stop-2", dir, Map.of(), "--spring.profiles.active=demo");
		try {
			assertThat(view(again.port, cases.get(0)).get("stage").asText()).isEqualTo("REVIEW");
		}
		finally {
			again.kill();
		}
	}

	@Test
	void startsFromTheClassArchiveOfTheQuickStart() throws Exception {
		// docs/operations.md, "Start-up": the packaged jar extracted, a training run, then every start from its archive
		Path dir = Files.createTempDirectory("unbind-desk-cds");
		Path jar = ClassDataSharing.extract(ServiceProcess.jar(), dir.resolve("application"));
		Path archive = ClassDataSharing.train(List.of("-jar", jar.toString()), ServiceProcess.PRODUCTION_JVM,
				dir.resolve("unbind-desk.jsa"));
		List<String> jvm = new ArrayList<>(ServiceProcess.PRODUCTION_JVM);
		jvm.add(ClassDataSharing.use(archive));
		// a JVM that cannot use the archive (another JDK, another class path) refuses to start, rather than starting
		// without it as it does by default
		jvm.add("-Xshare:on");
		ServiceProcess service = ServiceProcess.start(jar, "cds-start", Files.createDirectory(dir.resolve("work")),
				ServiceProcess.PRODUCTION_ENVIRONMENT, jvm, "--spring.profiles.active=demo");
		try {
			String caseNumber = open(service.port, DEMO_MERCHANT);
			awaitAll(service.port, List.of(caseNumber), c -> "REVIEW".equals(c.get("stage").asText()));
			assertThat(Files.readAllLines(service.log)).as("the log of a start from the archive")
				.noneMatch(line -> line.contains("[cds]") || line.contains(" ERROR "));
		}
		finally {
			service.kill();
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private void survivesCrashes(String name, Path workingDirectory, String url, String user, String password,
			Map<String, String> env, String profiles, String engineIds) throws Exception {
		ServiceProcess first = ServiceProcess.start(name + "-1", workingDirectory, env, profiles);
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, user, password));
		RegistryFixtures registry = new RegistryFixtures(jdbc);
		List<String> cases = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			// bought devices: the case ends with the unbind (a leased one would wait for the device to come back)
			cases.add(open(first.port, registry.merchant(new Spec().purchased())));
		}
		awaitAll(first.port, cases, c -> "REVIEW".equals(c.get("stage").asText()));
		first.kill();

		// second life without a job executor, so the jobs of approved cases are certainly due when it dies
		ServiceProcess second = ServiceProcess.start(name + "-2", workingDirectory, env, profiles,
				"--camunda.bpm.job-execution.enabled=false");
		for (String caseNumber : cases) {
			assertThat(view(second.port, caseNumber).get("stage").asText()).isEqualTo("REVIEW");
		}
		List<String> approvedBeforeCrash = cases.subList(0, CASES / 2);
		approvedBeforeCrash.forEach(c -> approve(second.port, c));
		// approved cases wait for the cut-off (due at once with wait-for-settlement=false), then stop and unbind
		assertThat(jdbc.sql("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = 'Event_CutOffReached'")
			.query(Long.class)
			.single()).as("stop timers due at the crash").isEqualTo(CASES / 2);
		second.kill();

		ServiceProcess third = ServiceProcess.start(name + "-3", workingDirectory, env, profiles);
		try {
			cases.subList(CASES / 2, CASES).forEach(c -> approve(third.port, c));
			awaitAll(third.port, cases, c -> "UNBOUND".equals(c.path("outcome").asText()));
		}
		finally {
			third.kill();
		}
		for (String caseNumber : cases) {
			assertThat(jdbc.sql("select count(*) from audit_entry where case_number = ? and action = 'TERMINAL_UNBOUND'")
				.param(caseNumber)
				.query(Long.class)
				.single()).as(caseNumber + " unbound once").isEqualTo(1);
		}
		assertThat(jdbc.sql("select count(*) from unbinding_case where case_number in (:cases)")
			.param("cases", cases)
			.query(Long.class)
			.single()).isEqualTo(CASES);
		assertThat(jdbc.sql("select id_ from act_hi_actinst where proc_inst_id_ in "
				+ "(select process_instance_id from unbinding_case where case_number in (:cases))")
			.param("cases", cases)
			.query(String.class)
			.list()).as("the engine's ids on this database, over three lives").isNotEmpty()
			.doesNotHaveDuplicates()
			.allMatch(id -> id.substring(id.lastIndexOf(':') + 1).matches(engineIds));
	}

	private String open(int port, Merchant m) throws Exception {
		// from the merchant's app: no one-time confirmation needed before the approval
		String body = m.applicationJson("APP", "BUSINESS_CLOSED");
		HttpResponse<String> response = send(port, "intake1", "/api/unbinding-cases", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body()).get("caseNumber").asText();
	}

	private void approve(int port, String caseNumber) {
		try {
			JsonNode tasks = json.readTree(send(port, "reviewer1",
					"/engine-rest/task?processInstanceBusinessKey=" + caseNumber, null).body());
			String taskId = tasks.get(0).get("id").asText();
			assertThat(send(port, "reviewer1", "/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"reviewer1\"}")
				.statusCode()).isEqualTo(204);
			assertThat(send(port, "reviewer1", "/engine-rest/task/" + taskId + "/complete",
					"{\"variables\": {\"reviewDecision\": {\"value\": \"APPROVE\"}}}").statusCode()).isEqualTo(204);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode view(int port, String caseNumber) throws Exception {
		return json.readTree(send(port, "intake1", "/api/unbinding-cases/" + caseNumber, null).body());
	}

	private void awaitAll(int port, List<String> cases, java.util.function.Predicate<JsonNode> reached) {
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
			for (String caseNumber : cases) {
				if (!reached.test(view(port, caseNumber))) {
					return false;
				}
			}
			return true;
		});
	}

	private HttpResponse<String> send(int port, String user, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
		if (body == null) {
			request.GET();
		}
		else {
			request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
