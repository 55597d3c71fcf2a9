package org.unbinddesk.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JVM line an operator copies from the README or the operations guide is the one the benchmark and the crash
 * tests measure ({@link ServiceProcess#PRODUCTION_JVM}), option for option.
 */
class DocumentedJvmLineTests {

	private static final Pattern COMMAND = Pattern.compile("MALLOC_ARENA_MAX=2 java ((?:[^\\n]|\\\\\\n)*?) -jar ");

	@ParameterizedTest
	@ValueSource(strings = { "README.md", "docs/operations.md" })
	void theDocumentedLineIsTheMeasuredOne(String file) throws Exception {
		Matcher command = COMMAND.matcher(Files.readString(Path.of(file)));
		List<List<String>> lines = new ArrayList<>();
		while (command.find()) {
			lines.add(Stream.of(command.group(1).replace("\\\n", " ").trim().split("\\s+"))
				// the quick start (operations.md, "Start-up") adds its class archive to the same line
				.filter(option -> !option.startsWith("-XX:SharedArchiveFile="))
				.toList());
		}

		assertThat(lines).as("java command lines in " + file).isNotEmpty()
			.allSatisfy(options -> assertThat(options).containsExactlyInAnyOrderElementsOf(ServiceProcess.PRODUCTION_JVM));
	}

	/** The training run of the quick start uses the same options, as a class archive must (operations.md, "Start-up"). */
	@Test
	void theTrainingRunOfTheQuickStartUsesTheSameLine() throws Exception {
		Matcher training = Pattern.compile("java ((?:[^\\n]|\\\\\\n)*?-XX:ArchiveClassesAtExit=(?:[^\\n]|\\\\\\n)*?) -jar ")
			.matcher(Files.readString(Path.of("docs/operations.md")));

		assertThat(training.find()).as("the training run in docs/operations.md").isTrue();
		List<String> options = List.of(training.group(1).replace("\\\n", " ").trim().split("\\s+"));
		assertThat(options).filteredOn(o -> !o.startsWith("-XX:ArchiveClassesAtExit="))
			.containsExactlyInAnyOrderElementsOf(Stream
				.concat(ServiceProcess.PRODUCTION_JVM.stream(), ClassDataSharing.TRAINING.stream())
				.toList());
	}

}
