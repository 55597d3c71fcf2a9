package org.unbinddesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.unbinddesk.UnbindDeskApplication;
import org.unbinddesk.crash.ServiceProcess;

/**
 * Start-up to health UP of the service against a bare Spring Boot + Camunda application ({@link BareEngineApplication}),
 * both from the same class path, with the shipped JVM line and H2 settings, in a fresh folder each, started in turn
 * (bare, service, bare, service…, {@code bench.startup-rounds}, 3 by default): the median with the lowest and highest
 * time, the process's CPU until then, and resident memory when healthy. The service starts as in the demo (demo data
 * loaded, processes deployed). The report goes to {@code target/bench/startup.md}; no figure is asserted.
 */
class StartupBench {

	static final int ROUNDS = Integer.getInteger("bench.startup-rounds", 3);

	/** What the shared class path would bring into the bare application beyond Boot, web, Camunda, H2 and Actuator. */
	static final String[] BARE_ARGUMENTS = { "--spring.config.location=optional:file:./bare.yml", "--spring.profiles.active=demo",
			"--camunda.bpm.auto-deployment-enabled=false",
			"--spring.flyway.enabled=false", "--spring.autoconfigure.exclude="
					+ "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration,"
					+ "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration,"
					+ "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration,"
					+ "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration,"
					+ "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration,"
					+ "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration,"
					+ "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration,"
					+ "org.springframework.boot.autoconfigure.mail.MailSenderValidatorAutoConfiguration" };

	record Start(String app, double seconds, double cpuSeconds, long residentMiB) {
	}

	@Test
	void startup() throws Exception {
		String classpath = System.getProperty("java.class.path");
		String h2 = "jdbc:h2:file:./data/unbind-desk" + ServiceProcess.h2Settings() + ";DB_CLOSE_ON_EXIT=FALSE";
		List<Start> starts = new ArrayList<>();
		for (int r = 0; r < ROUNDS; r++) {
			starts.add(start(classpath, "bare", BareEngineApplication.class.getName(), r,
					concat(BARE_ARGUMENTS, "--spring.datasource.url=" + h2)));
			starts.add(start(classpath, "service", UnbindDeskApplication.class.getName(), r,
					concat(BenchDatabase.SERVICE_ARGUMENTS, "--spring.profiles.active=demo")));
		}
		List<String> out = new ArrayList<>();
		out.add("# Start-up: the service against bare Spring Boot + Camunda");
		out.add("");
		out.add("Run %s on %d cores; %d rounds, started in turn (bare, service, …) from the same class path with `java %s`, H2 file settings `%s`; time to /actuator/health UP (looked at every 0.2 s)."
			.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(), ROUNDS,
					String.join(" ", ServiceProcess.PRODUCTION_JVM), ServiceProcess.h2Settings()));
		out.add("");
		out.add("| measure | bare Boot + Camunda: median (low–high) | service: median (low–high) | service / bare |");
		out.add("|---|---:|---:|---:|");
		Map<String, java.util.function.ToDoubleFunction<Start>> measures = new LinkedHashMap<>();
		measures.put("start-up to health UP, s", Start::seconds);
		measures.put("CPU until then, s", Start::cpuSeconds);
		measures.put("resident memory then, MiB", s -> s.residentMiB());
		for (var m : measures.entrySet()) {
			double[] bare = stats(starts, "bare", m.getValue());
			double[] service = stats(starts, "service", m.getValue());
			out.add("| %s | %.1f (%.1f–%.1f) | %.1f (%.1f–%.1f) | %.2f |".formatted(m.getKey(), bare[0], bare[1], bare[2],
					service[0], service[1], service[2], service[0] / bare[0]));
		}
		Path results = Path.of("target", "bench", "startup.md");
		Files.createDirectories(results.getParent());
		Files.write(results, out);
		out.forEach(System.out::println);
	}

	private static Start start(String classpath, String app, String mainClass, int round, String... arguments)
			throws Exception {
		Path dir = Files.createTempDirectory("unbind-desk-startup");
		try {
			long t0 = System.nanoTime();
			ServiceProcess process = ServiceProcess.startMain(classpath, mainClass, "startup-" + app + "-" + round, dir,
					ServiceProcess.PRODUCTION_ENVIRONMENT, ServiceProcess.PRODUCTION_JVM, arguments);
			double seconds = (System.nanoTime() - t0) / 1e9;
			Duration cpu = process.cpuTime();
			long rss = process.residentMiB();
			process.stop();
			Start start = new Start(app, seconds, cpu.toMillis() / 1000.0, rss);
			System.out.println(start);
			return start;
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	/** Median, lowest, highest. */
	private static double[] stats(List<Start> starts, String app, java.util.function.ToDoubleFunction<Start> f) {
		List<Double> values = starts.stream()
			.filter(s -> s.app().equals(app))
			.map(f::applyAsDouble)
			.sorted(Comparator.naturalOrder())
			.toList();
		return new double[] { values.get(values.size() / 2), values.get(0), values.get(values.size() - 1) };
	}

	private static String[] concat(String[] first, String... more) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

}
