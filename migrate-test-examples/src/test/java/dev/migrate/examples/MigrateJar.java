package dev.migrate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI jar at its contract path {@code migrate-engine/target/migrate.jar} (built by the
 * engine module before this one runs) in a JVM of its own, as a user does.
 */
final class MigrateJar {
  static final Path JAR = Path.of("../migrate-engine/target/migrate.jar");

  record Run(int exitCode, String out, String err) {}

  private final Path dir;
  private final List<String> jvmOptions;
  private final Map<String, String> env;

  /**
   * @param dir where standard output and error are kept
   * @param jvmOptions options for the JVM before {@code -jar}
   * @param env environment variables added to this process's
   */
  MigrateJar(Path dir, List<String> jvmOptions, Map<String, String> env) {
    this.dir = dir;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.env = Map.copyOf(env);
  }

  MigrateJar(Path dir) {
    this(dir, List.of(), Map.of());
  }

  Run run(String... args) throws IOException, InterruptedException {
    Process process = start(args);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("migrate finished").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  Process start(String... args) throws IOException {
    assertThat(JAR).as("the CLI jar is built by migrate-engine's package phase").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    builder.environment().putAll(env);
    return builder.start();
  }
}
