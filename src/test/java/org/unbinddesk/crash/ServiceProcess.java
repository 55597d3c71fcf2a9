package org.unbinddesk.crash;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged service in a JVM of its own, started the way production starts it ({@code java -jar}) and killed the
 * way a crash kills it (SIGKILL).
 */
public final class ServiceProcess {

	private final Process process;

	public final int port;

	/** Where the service's console output goes (appended to, across starts of the same name). */
	public final Path log;

	private ServiceProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * The H2 settings of the service's default database URL (application.yml: what follows the file name, without
	 * DB_CLOSE_ON_EXIT), for tests that give the service a URL of their own (with AUTO_SERVER, to read the database
	 * beside it) but must run it as it ships.
	 */
	public static String h2Settings() {
		try {
			for (String line : Files.readAllLines(Path.of("src/main/resources/application.yml"))) {
				java.util.regex.Matcher m = java.util.regex.Pattern
					.compile("url: \\$\\{UNBINDDESK_DB_URL:jdbc:h2:file:[^;]*(;[^}]*)}")
					.matcher(line);
				if (m.find()) {
					return m.group(1).replace(";DB_CLOSE_ON_EXIT=FALSE", "");
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("No H2 URL in application.yml");
	}

	public static Path jar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("unbind-desk-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("Package the service first (mvn package)"));
		}
	}

	/**
	 * The JVM line production runs the service with (docs/operations.md, "Memory"): a heap of at most 384 MiB that grows
	 * from 64 MiB as needed and gives back what stays free, the serial collector, metaspace and code cache capped, large
	 * temporary direct buffers freed after use, freed native memory returned every 10 s, so that resident memory stays
	 * bounded. (Direct
	 * memory itself is not capped: H2 writes chunks of megabytes through per-thread buffers, and failed at 64 MiB.)
	 */
	public static final List<String> PRODUCTION_JVM = List.of("-Xmx384m", "-Xms64m", "-XX:MinHeapFreeRatio=20",
			"-XX:MaxHeapFreeRatio=40", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=256m", "-XX:ReservedCodeCacheSize=128m",
			"-Djdk.nio.maxCachedBufferSize=262144", "-XX:TrimNativeHeapInterval=10000");

	/** And its environment: two malloc arenas rather than eight per core, for the native memory of many threads. */
	public static final Map<String, String> PRODUCTION_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

	/** The service as the crash tests start it: the production JVM line, and a job executor that looks for jobs often. */
	public static ServiceProcess start(String name, Path workingDirectory, Map<String, String> environment,
			String... arguments) throws IOException, InterruptedException {
		// the job executor looks for due jobs every 200 ms at least, so that a test need not wait for its back-off;
		// approved cases are unbound at once rather than after the night's cut-off and the next settlement run
		List<String> all = new ArrayList<>(List.of("--camunda.bpm.job-execution.wait-time-in-millis=200",
				"--camunda.bpm.job-execution.max-wait=1000", "--unbinddesk.unbind.wait-for-settlement=false"));
		all.addAll(List.of(arguments));
		Map<String, String> production = new java.util.HashMap<>(PRODUCTION_ENVIRONMENT);
		production.putAll(environment);
		return start(name, workingDirectory, production, PRODUCTION_JVM, all.toArray(String[]::new));
	}

	/** The service with the JVM options and arguments given, nothing else changed from its own configuration. */
	public static ServiceProcess start(String name, Path workingDirectory, Map<String, String> environment,
			List<String> jvmOptions, String... arguments) throws IOException, InterruptedException {
		return start(jar(), name, workingDirectory, environment, jvmOptions, arguments);
	}

	/** The same, from another build of the service (a benchmark's "before"). */
	public static ServiceProcess start(Path jar, String name, Path workingDirectory, Map<String, String> environment,
			List<String> jvmOptions, String... arguments) throws IOException, InterruptedException {
		return launch(List.of("-jar", jar.toAbsolutePath().toString()), name, workingDirectory, environment, jvmOptions,
				arguments);
	}

	/**
	 * A Spring Boot application from a class path rather than a jar (a benchmark's bare application beside the
	 * service, both started alike): {@code java <jvm options> -cp <classpath> <main class> <arguments>}.
	 */
	public static ServiceProcess startMain(String classpath, String mainClass, String name, Path workingDirectory,
			Map<String, String> environment, List<String> jvmOptions, String... arguments)
			throws IOException, InterruptedException {
		return launch(List.of("-cp", classpath, mainClass), name, workingDirectory, environment, jvmOptions, arguments);
	}

	/**
	 * Any of the above, given what follows the JVM options on the command line ({@code -jar x.jar} or
	 * {@code -cp … Main}).
	 */
	public static ServiceProcess launch(List<String> what, String name, Path workingDirectory,
			Map<String, String> environment, List<String> jvmOptions, String... arguments)
			throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmOptions);
		command.addAll(what);
		command.add("--server.port=" + port);
		command.addAll(List.of(arguments));
		Path log = Path.of("target", "crash", name + ".log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		ServiceProcess service = new ServiceProcess(builder.start(), port, log);
		service.awaitHealthy(log.toFile());
		return service;
	}

	private void awaitHealthy(File log) throws InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The service stopped while starting; see " + log);
			}
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("The service did not become healthy; see " + log);
	}

	/** The service's process id, for the JDK's tools ({@code jcmd}). */
	public long pid() {
		return process.pid();
	}

	/** CPU time the service's process has used so far, all its threads (user and system). */
	public java.time.Duration cpuTime() {
		return process.info().totalCpuDuration().orElseThrow();
	}

	/**
	 * The part of {@link #cpuTime()} the JVM's just-in-time compiler threads have used (Linux, {@code /proc}: the
	 * threads named "C1 CompilerThread…" and "C2 CompilerThread…", in clock ticks of 10 ms). It is paid as the code
	 * warms up, not per case, so a short run carries more of it per case than a long one.
	 */
	public java.time.Duration compilerCpuTime() throws IOException {
		return compilerCpuTime(process.pid());
	}

	/** The names of the JIT compiler's threads, as Linux keeps them ({@link ThreadTime#name()}). */
	public static final String COMPILER_THREADS = "C[12] CompilerThre.*";

	/** {@link #compilerCpuTime()} of any JVM on this machine, this one included ({@code ProcessHandle.current()}). */
	public static java.time.Duration compilerCpuTime(long pid) throws IOException {
		return threadTimes(pid).values()
			.stream()
			.filter(thread -> thread.name().matches(COMPILER_THREADS))
			.map(ThreadTime::cpu)
			.reduce(Duration.ZERO, Duration::plus);
	}

	/** A live thread: its name as Linux keeps it (the first 15 characters) and the CPU it has used so far. */
	public record ThreadTime(String name, Duration cpu) {
	}

	/**
	 * The live threads of a JVM on this machine by their thread id (Linux, {@code /proc}; CPU in clock ticks of 10 ms).
	 * A thread that has ended is not among them, nor is the CPU it used.
	 */
	public static Map<Long, ThreadTime> threadTimes(long pid) throws IOException {
		Map<Long, ThreadTime> times = new HashMap<>();
		try (var threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
			for (Path thread : threads.toList()) {
				try {
					String name = Files.readString(thread.resolve("comm")).strip();
					// the fields after the command's closing parenthesis: state is field 3, utime 14, stime 15
					String stat = Files.readString(thread.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					times.put(Long.valueOf(thread.getFileName().toString()),
							new ThreadTime(name, Duration.ofMillis(ticks * 10)));
				}
				catch (IOException ended) {
					// a thread that ended between the listing and the read
				}
			}
		}
		return times;
	}

	/** Resident memory of the service's JVM, in MiB (Linux). */
	public long residentMiB() throws IOException {
		return residentMiB(process.pid());
	}

	/** {@link #residentMiB()} of any JVM on this machine, this one included ({@code ProcessHandle.current()}). */
	public static long residentMiB(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
		}
		return -1;
	}

	/**
	 * SIGTERM and wait: a graceful stop, as systemd or Kubernetes stop a node (flight recordings are written).
	 *
	 * @return the exit status
	 */
	public int stop() throws InterruptedException {
		process.destroy();
		return process.waitFor();
	}

	/** SIGKILL: no shutdown hook, no graceful close, as in a crash or an OOM kill. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

}
