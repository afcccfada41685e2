package dev.migrate.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged CLI jar [contract path migrate-engine/target/migrate.jar]. It is built in {@code
 * package}, after the unit tests, so this runs only when an earlier build left a jar behind that is
 * newer than the compiled classes (e.g. {@code mvn package} then {@code mvn test}).
 */
class CliJarTest {
  private static final Path JAR = Path.of("target/migrate.jar");
  private static final Path MAIN_CLASS =
      Path.of("target/classes/dev/migrate/engine/cli/Main.class");

  @Test
  void jarRunsHelpAndRejectsUnknownOptions() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(JAR), "no " + JAR.toAbsolutePath() + " yet");
    // a jar left by an earlier build of older code would test that code: skip it
    Assumptions.assumeTrue(
        Files.getLastModifiedTime(JAR).compareTo(Files.getLastModifiedTime(MAIN_CLASS)) >= 0,
        JAR + " is older than the compiled classes");

    Process help = start("--help");
    String helpText = read(help);
    Process bogus = start("heads", "--bogus");
    String bogusText = read(bogus);

    assertThat(finish(help)).as(helpText).isZero();
    assertThat(helpText).contains("Usage: migrate [-hVX]", "upgrade", "Exit codes");
    assertThat(finish(bogus)).as(bogusText).isEqualTo(2);
    assertThat(bogusText).contains("FAILED: Unknown option: '--bogus'");
  }

  private static Process start(String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new java.util.ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static int finish(Process process) throws InterruptedException {
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  private static String read(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
