package org.unbinddesk.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The quick start of docs/operations.md ("Start-up"), step by step as operations run it: the packaged jar extracted
 * ({@code java -Djarmode=tools -jar … extract}), then a training run that starts the application once on a throwaway
 * embedded database, stops when its context is ready ({@code -Dspring.context.exit=onRefresh}) and leaves the classes
 * it loaded in an archive ({@code -XX:ArchiveClassesAtExit}), which later starts map instead of loading each class
 * again ({@code -XX:SharedArchiveFile}).
 */
public final class ClassDataSharing {

	/**
	 * What a training run adds to the JVM line besides its archive: stop once the application context is ready; and
	 * not the warnings of classes an archive cannot hold (generated accessors, old class files), loaded as usual.
	 */
	public static final List<String> TRAINING = List.of("-Dspring.context.exit=onRefresh", "-Xlog:cds=error");

	private ClassDataSharing() {
	}

	/** The packaged jar extracted into {@code destination}; returns the jar to start ({@code destination/<name>.jar}). */
	public static Path extract(Path jar, Path destination) throws IOException, InterruptedException {
		run(List.of("-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
				destination.toAbsolutePath().toString()), destination.getParent(), "extract");
		Path extracted = destination.resolve(jar.getFileName());
		if (!Files.isRegularFile(extracted)) {
			throw new IllegalStateException("no " + extracted + " after extracting " + jar);
		}
		return extracted;
	}

	/**
	 * A training run of {@code launch} ({@code -jar x.jar} or {@code -cp … Main}) with the JVM options given, in a
	 * fresh folder of its own (its embedded database is thrown away), leaving the archive at {@code archive}.
	 */
	public static Path train(List<String> launch, List<String> jvmOptions, Path archive, String... arguments)
			throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("unbind-desk-cds-training");
		List<String> command = new ArrayList<>(jvmOptions);
		command.add("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath());
		command.addAll(TRAINING);
		command.addAll(launch);
		command.add("--server.port=0");
		command.addAll(List.of(arguments));
		run(command, dir, "cds-training-" + archive.getFileName());
		if (!Files.isRegularFile(archive)) {
			throw new IllegalStateException("the training run left no archive at " + archive);
		}
		return archive;
	}

	/** The JVM option that starts from the archive. */
	public static String use(Path archive) {
		return "-XX:SharedArchiveFile=" + archive.toAbsolutePath();
	}

	private static void run(List<String> arguments, Path dir, String name) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(arguments);
		Path log = Path.of("target", "crash", name + ".log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(name + " did not end within 5 minutes; see " + log);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(name + " ended with " + process.exitValue() + "; see " + log);
		}
	}

}
