package dev.migrate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.examples.MigrateJar.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code migrate verify} through the CLI jar: the example application passes on every backend, and
 * each deliberately broken revision set under {@code src/test/resources/broken} (the example's
 * revisions plus the broken ones) gives exactly its findings. PostgreSQL and MySQL come from {@code
 * MIGRATE_TEST_POSTGRESQL_URL} / {@code MIGRATE_TEST_MYSQL_URL}; without them those backends are
 * skipped by verify itself, or fail where {@code MIGRATE_TEST_REQUIRE} names them.
 */
class ExampleVerifyTest {
  static final String CLASSES = Path.of("target/classes").toAbsolutePath().toString();
  @TempDir Path dir;

  private static List<String> backends() {
    List<String> backends = new ArrayList<>(List.of("sqlite"));
    if (System.getenv("MIGRATE_TEST_POSTGRESQL_URL") != null) {
      backends.add("postgresql");
    }
    if (System.getenv("MIGRATE_TEST_MYSQL_URL") != null) {
      backends.add("mysql");
    }
    return backends;
  }

  private Run verify(Path versions, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "verify",
                "--revisions",
                versions.toAbsolutePath().toString(),
                "--classpath",
                CLASSES,
                "--backends",
                String.join(",", backends())));
    args.addAll(List.of(more));
    return new MigrateJar(dir).run(args.toArray(String[]::new));
  }

  /** "ERROR IRREVERSIBLE sqlite 0a0000000100" for each finding line of the text output. */
  private static List<String> findings(Run run) {
    return run.out()
        .lines()
        .map(String::strip)
        .filter(line -> line.matches("^(ERROR|WARNING|INFO) [A-Z_]+.*"))
        .map(line -> line.substring(0, line.indexOf(':')))
        .toList();
  }

  private Path withBroken(String name) throws IOException {
    Path versions = Files.createDirectories(dir.resolve("versions-" + name));
    try (Stream<Path> files = Files.list(ExampleMigrationsTest.VERSIONS)) {
      for (Path file : files.toList()) {
        Files.copy(file, versions.resolve(file.getFileName()));
      }
    }
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/broken", name))) {
      for (Path file : files.toList()) {
        Files.copy(file, versions.resolve(file.getFileName()));
      }
    }
    return versions;
  }

  @Test
  void theExampleApplicationPassesOnEveryBackend() throws Exception {
    Run run =
        verify(
            ExampleMigrationsTest.VERSIONS,
            "--java-package",
            ExampleMigrationsTest.JAVA_PACKAGE,
            "--models",
            "dsl:dev.migrate.examples.models.AppModels");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(findings(run)).isEmpty();
    for (String backend : backends()) {
      assertThat(run.err()).contains(backend + " 7c3e5a9b1f20 Add task comments: ok");
    }
  }

  @Test
  void withoutTheJavaRevisionTheModelsDrift() throws Exception {
    Run run =
        verify(
            ExampleMigrationsTest.VERSIONS,
            "--models",
            "dsl:dev.migrate.examples.models.AppModels");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(findings(run))
        .containsExactlyInAnyOrderElementsOf(
            backends().stream().map(b -> "ERROR MODEL_DRIFT " + b + " 9a0b3d5e7c61").toList());
    assertThat(run.out())
        .contains(
            "column task.title: type VARCHAR(200) in the database, VARCHAR(300) in the models");
  }

  static Stream<Arguments> brokenSets() {
    return Stream.of(
        Arguments.of("undeclared_irreversible", List.of("ERROR IRREVERSIBLE %s 0a0000000100")),
        Arguments.of(
            "leaves_trace",
            List.of(
                "ERROR DOWNGRADE_LEAVES_TRACE %s 0b0000000100",
                "ERROR UPGRADE_NOT_REPEATABLE %s 0b0000000100")),
        Arguments.of("two_heads", List.of("ERROR MULTIPLE_HEADS")),
        Arguments.of(
            "data_loss",
            List.of(
                "WARNING DESTRUCTIVE_CHANGE %s 0d0000000100", "ERROR DATA_LOSS %s 0d0000000100")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSets")
  void aBrokenRevisionSetGivesExactlyItsFindings(String name, List<String> expected)
      throws Exception {
    Run run = verify(withBroken(name), "--java-package", ExampleMigrationsTest.JAVA_PACKAGE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    List<String> wanted = new ArrayList<>();
    for (String finding : expected) {
      if (finding.contains("%s")) {
        backends().forEach(b -> wanted.add(finding.formatted(b)));
      } else {
        wanted.add(finding);
      }
    }
    assertThat(findings(run)).as(run.toString()).containsExactlyInAnyOrderElementsOf(wanted);
  }
}
