package org.unbinddesk.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.unbinddesk.UnbindDeskApplication;
import org.unbinddesk.crash.ClassDataSharing;
import org.unbinddesk.crash.ServiceProcess;

/**
 * Start-up to health UP of the service against a bare Spring Boot + Camunda application ({@link BareEngineApplication}),
 * both from the same jars (the service also with its build's classes), with the shipped JVM line and H2 settings, in
 * a fresh folder each; beside them the service as {@code java -jar} starts it (the packaged jar, classes read from the
 * jars inside it) and as docs/operations.md's quick start does (the jar extracted, classes from an archive of a
 * training run), with the bare application given the same archive treatment. Started in turn, every variant once per
 * round ({@code bench.startup-rounds}, 3 by default): the median with the lowest and highest time, the process's CPU
 * until then, and resident memory when healthy; then, stopped, each starts again on the database it left, as in a
 * rolling restart, timed the same way. The CPU of the JIT compilers' threads is reported apart: on few cores they
 * take a core from the start; the last two variants start both applications with the C1 compiler only
 * ({@code -XX:TieredStopAtLevel=1}). With {@code -Dbench.before-jar=…} a packaged jar of another commit starts too,
 * after them, for a before/after of the same start-up. The service starts as in the demo (demo data loaded,
 * processes deployed). The report goes to {@code target/bench/startup.md}; no figure is asserted.
 */
class StartupBench {

	static final int ROUNDS = Integer.getInteger("bench.startup-rounds", 3);

	/** The quick compiler only: no C2 compiling hot code in the background while the application starts. */
	static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

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

	record Start(String app, double seconds, double cpuSeconds, double compilerSeconds, long residentMiB,
			double restartSeconds, double restartCpuSeconds, double restartCompilerSeconds) {
	}

	/** One way of starting: its name in the report, and how ({@code -cp … Main} or {@code -jar …}). */
	record Variant(String name, List<String> launch, List<String> jvm, String... arguments) {
	}

	@Test
	void startup() throws Exception {
		String classpath = System.getProperty("java.class.path");
		String h2 = "jdbc:h2:file:./data/unbind-desk" + ServiceProcess.h2Settings() + ";DB_CLOSE_ON_EXIT=FALSE";
		String[] bareArguments = concat(BARE_ARGUMENTS, "--spring.datasource.url=" + h2);
		String[] serviceArguments = concat(BenchDatabase.SERVICE_ARGUMENTS, "--spring.profiles.active=demo");
		List<String> service = List.of("-cp", classpath, UnbindDeskApplication.class.getName());

		// the quick start of docs/operations.md: the packaged jar extracted, its classes archived by a training run;
		// the bare application gets an archive of its own the same way, so that the two compare like for like
		Path cds = Files.createTempDirectory("unbind-desk-cds");
		List<String> bare = List.of("-cp", bareClasspath(cds), BareEngineApplication.class.getName());
		List<String> extracted = List.of("-jar",
				ClassDataSharing.extract(ServiceProcess.jar(), cds.resolve("application")).toString());
		Path serviceArchive = ClassDataSharing.train(extracted, ServiceProcess.PRODUCTION_JVM, cds.resolve("service.jsa"));
		Path bareArchive = ClassDataSharing.train(bare, ServiceProcess.PRODUCTION_JVM, cds.resolve("bare.jsa"),
				bareArguments);
		List<String> productionJvm = ServiceProcess.PRODUCTION_JVM;
		List<Variant> variants = List.of(new Variant("bare", bare, productionJvm, bareArguments),
				new Variant("service", service, productionJvm, serviceArguments),
				new Variant("service, packaged jar", List.of("-jar", ServiceProcess.jar().toAbsolutePath().toString()),
						productionJvm, serviceArguments),
				new Variant("bare, class data sharing", bare, with(productionJvm, ClassDataSharing.use(bareArchive)),
						bareArguments),
				new Variant("service, extracted + class data sharing", extracted,
						with(productionJvm, ClassDataSharing.use(serviceArchive)), serviceArguments),
				new Variant("bare, C1 only", bare, with(productionJvm, C1_ONLY), bareArguments),
				new Variant("service, C1 only", service, with(productionJvm, C1_ONLY), serviceArguments));
		String beforeJar = System.getProperty("bench.before-jar");
		if (beforeJar != null) {
			variants = new ArrayList<>(variants);
			variants.add(new Variant("before: packaged jar", List.of("-jar", Path.of(beforeJar).toAbsolutePath().toString()),
					productionJvm, serviceArguments));
		}
		List<Start> starts = new ArrayList<>();
		try {
			for (int r = 0; r < ROUNDS; r++) {
				for (Variant v : variants) {
					starts.add(start(v, r));
				}
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(cds);
		}
		List<String> out = new ArrayList<>();
		out.add("# Start-up: the service against bare Spring Boot + Camunda");
		out.add("");
		out.add("Run %s on %d cores; %d rounds, started in turn (%s) with `java %s`, H2 file settings `%s`; time to /actuator/health UP (looked at every 0.2 s). Class path: the Maven repository's jars (the service also its build's classes, the bare application its one class in a jar); packaged jar: `java -jar target/unbind-desk-*.jar`; class data sharing: docs/operations.md, \"Start-up\"."
			.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(), ROUNDS,
					String.join(", ", variants.stream().map(Variant::name).toList()),
					String.join(" ", ServiceProcess.PRODUCTION_JVM), ServiceProcess.h2Settings()));
		out.add("");
		out.add("| measure | " + String.join(" | ", variants.stream().map(v -> v.name() + ": median (low–high)").toList())
				+ " | service / bare | packaged jar / bare | extracted + CDS / bare | extracted + CDS / bare + CDS "
				+ "| service C1 only / bare C1 only | service C1 only / service |"
				+ (beforeJar == null ? "" : " packaged jar / before |"));
		out.add("|---|" + "---:|".repeat(variants.size() + 6 + (beforeJar == null ? 0 : 1)));
		Map<String, java.util.function.ToDoubleFunction<Start>> measures = new LinkedHashMap<>();
		measures.put("start-up to health UP, s", Start::seconds);
		measures.put("CPU until then, s", Start::cpuSeconds);
		measures.put("of which the JIT compilers, s", Start::compilerSeconds);
		measures.put("resident memory then, MiB", s -> s.residentMiB());
		measures.put("restart on the database it left, to health UP, s", Start::restartSeconds);
		measures.put("CPU of the restart, s", Start::restartCpuSeconds);
		measures.put("of which the JIT compilers in the restart, s", Start::restartCompilerSeconds);
		for (var m : measures.entrySet()) {
			StringBuilder row = new StringBuilder("| " + m.getKey() + " |");
			List<Double> medians = new ArrayList<>();
			for (Variant v : variants) {
				double[] s = stats(starts, v.name(), m.getValue());
				medians.add(s[0]);
				row.append(" %.1f (%.1f–%.1f) |".formatted(s[0], s[1], s[2]));
			}
			row.append(" %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |".formatted(medians.get(1) / medians.get(0),
					medians.get(2) / medians.get(0), medians.get(4) / medians.get(0), medians.get(4) / medians.get(3),
					medians.get(6) / medians.get(5), medians.get(6) / medians.get(1)));
			if (beforeJar != null) {
				row.append(" %.2f |".formatted(medians.get(2) / medians.get(7)));
			}
			out.add(row.toString());
		}
		Path results = Path.of("target", "bench", "startup.md");
		Files.createDirectories(results.getParent());
		Files.write(results, out);
		out.forEach(System.out::println);
	}

	/** A first start on a fresh database, then, once stopped, a restart on the database it left (a rolling restart). */
	private static Start start(Variant v, int round) throws Exception {
		Path dir = Files.createTempDirectory("unbind-desk-startup");
		try {
			String name = "startup-" + v.name().replaceAll("\\W+", "-") + "-" + round;
			long t0 = System.nanoTime();
			ServiceProcess process = launch(v, name, dir);
			double seconds = (System.nanoTime() - t0) / 1e9;
			Duration cpu = process.cpuTime();
			Duration compiler = process.compilerCpuTime();
			long rss = process.residentMiB();
			process.stop();
			long t1 = System.nanoTime();
			ServiceProcess again = launch(v, name + "-restart", dir);
			double restartSeconds = (System.nanoTime() - t1) / 1e9;
			Duration restartCpu = again.cpuTime();
			Duration restartCompiler = again.compilerCpuTime();
			again.stop();
			Start start = new Start(v.name(), seconds, cpu.toMillis() / 1000.0, compiler.toMillis() / 1000.0, rss,
					restartSeconds, restartCpu.toMillis() / 1000.0, restartCompiler.toMillis() / 1000.0);
			System.out.println(start);
			return start;
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private static ServiceProcess launch(Variant v, String name, Path dir) throws Exception {
		return ServiceProcess.launch(v.launch(), name, dir, ServiceProcess.PRODUCTION_ENVIRONMENT, v.jvm(),
				v.arguments());
	}

	/**
	 * The bare application's class path, jars only (a class data sharing archive takes no class from a directory,
	 * and the JVM refuses to make one where the class path has a directory with classes in it): its one class in a
	 * jar of its own, then every jar of the test class path. Both bare variants start from it.
	 */
	private static String bareClasspath(Path dir) throws IOException {
		Path jar = dir.resolve("bare-engine-application.jar");
		String entry = BareEngineApplication.class.getName().replace('.', '/') + ".class";
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
				InputStream in = BareEngineApplication.class.getClassLoader().getResourceAsStream(entry)) {
			out.putNextEntry(new JarEntry(entry));
			in.transferTo(out);
			out.closeEntry();
		}
		List<String> entries = new ArrayList<>(List.of(jar.toString()));
		for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (Files.isRegularFile(Path.of(e))) {
				entries.add(e);
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	private static List<String> with(List<String> jvm, String option) {
		List<String> all = new ArrayList<>(jvm);
		all.add(option);
		return all;
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
