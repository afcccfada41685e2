package dev.migrate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.examples.MigrateJar.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate verify} through the CLI jar: the task board passes on every backend, its one
 * declared irreversible revision reported as information. PostgreSQL and MySQL come from {@code
 * MIGRATE_TEST_POSTGRESQL_URL} / {@code MIGRATE_TEST_MYSQL_URL}; without them those backends are
 * skipped by verify itself, or fail where {@code MIGRATE_TEST_REQUIRE} names them. The broken
 * revision sets are in {@link BrokenRevisionSetsTest}.
 */
class ExampleVerifyTest {
  static final String CLASSES = Path.of("target/classes").toAbsolutePath().toString();
  @TempDir Path dir;

  /** SQLite, and each server backend whose URL is set. */
  static List<String> backends() {
    List<String> backends = new ArrayList<>(List.of("sqlite"));
    if (System.getenv("MIGRATE_TEST_POSTGRESQL_URL") != null) {
      backends.add("postgresql");
    }
    if (System.getenv("MIGRATE_TEST_MYSQL_URL") != null) {
      backends.add("mysql");
    }
    return backends;
  }

  /**
   * {@code migrate verify} of these SQL revisions and the example's Java ones, on {@link
   * #backends}.
   */
  static Run verify(Path dir, Path versions, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "verify",
                "--revisions",
                versions.toAbsolutePath().toString(),
                "--java-package",
                ExampleMigrationsTest.JAVA_PACKAGE,
                "--classpath",
                CLASSES,
                "--backends",
                String.join(",", backends())));
    args.addAll(List.of(more));
    return new MigrateJar(dir).run(args.toArray(String[]::new));
  }

  /** "ERROR IRREVERSIBLE sqlite 0a0000000100" for each finding line of the text output. */
  static List<String> findings(Run run) {
    return run.out()
        .lines()
        .map(String::strip)
        .filter(line -> line.matches("^(ERROR|WARNING|INFO) [A-Z_]+.*"))
        .map(line -> line.substring(0, line.indexOf(':')))
        .toList();
  }

  @Test
  void theTaskBoardPassesOnEveryBackend() throws Exception {
    Run run = verify(dir, ExampleMigrationsTest.VERSIONS, "--models", ExampleMigrationsTest.MODELS);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(findings(run))
        .containsExactlyInAnyOrderElementsOf(
            backends().stream()
                .map(b -> "INFO IRREVERSIBLE " + b + " " + ExampleMigrationsTest.IRREVERSIBLE)
                .toList());
    for (String backend : backends()) {
      assertThat(run.err())
          .contains(backend + " d5f1a7c3e924 Move task status into a table: ok")
          .contains(backend + " f47b2a8e1d59 Add task sort order: ok");
    }
  }
}
