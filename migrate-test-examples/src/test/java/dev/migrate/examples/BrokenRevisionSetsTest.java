package dev.migrate.examples;

import static dev.migrate.engine.dialect.DatabaseKind.MYSQL;
import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static dev.migrate.engine.dialect.DatabaseKind.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.migrate.examples.MigrateJar.Run;
import dev.migrate.test.MigrationChecks;
import dev.migrate.test.MigrationTest;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Deliberately broken revision sets on top of the task board, each run two ways: as a {@link
 * MigrationChecks} class through JUnit's own engine, where exactly the right tests must fail with
 * the right words, and through {@code migrate verify} (the CLI jar), which must report the same
 * findings: codes, backends and revisions.
 *
 * <p>Each set is the example's SQL revisions plus the files under {@code
 * src/test/resources/broken/<set>}, copied to {@code target/broken-sets/<set>} before its run. The
 * fixture classes below point there. They fail on purpose, so they are {@link Fixture}s: run by
 * Surefire or an IDE directly they are skipped, saying so; they run only from here.
 */
class BrokenRevisionSetsTest {
  /** The configuration parameter that lets a {@link Fixture} run. */
  static final String RUN_FIXTURES = "dev.migrate.examples.fixtures";

  @TempDir Path dir;

  /** A class that runs only through {@link #failedTests}, which sets {@link #RUN_FIXTURES}. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @ExtendWith(OnlyFromTheTestKit.class)
  @interface Fixture {}

  static final class OnlyFromTheTestKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(RUN_FIXTURES, Boolean::parseBoolean).orElse(false)
          ? ConditionEvaluationResult.enabled("run by BrokenRevisionSetsTest")
          : ConditionEvaluationResult.disabled(
              "a broken revision set that fails on purpose; BrokenRevisionSetsTest runs it");
    }
  }

  @Fixture
  @MigrationTest(
      revisions = "target/broken-sets/undeclared_irreversible",
      javaPackage = ExampleMigrationsTest.JAVA_PACKAGE,
      backends = {SQLITE, POSTGRESQL, MYSQL})
  static class UndeclaredIrreversible implements MigrationChecks {}

  @Fixture
  @MigrationTest(
      revisions = "target/broken-sets/leaves_trace",
      javaPackage = ExampleMigrationsTest.JAVA_PACKAGE,
      backends = {SQLITE, POSTGRESQL, MYSQL})
  static class LeavesTrace implements MigrationChecks {}

  @Fixture
  @MigrationTest(
      revisions = "target/broken-sets/data_loss",
      javaPackage = ExampleMigrationsTest.JAVA_PACKAGE,
      backends = {SQLITE, POSTGRESQL, MYSQL})
  static class DataLoss implements MigrationChecks {}

  @Fixture
  @MigrationTest(
      revisions = "target/broken-sets/two_heads",
      javaPackage = ExampleMigrationsTest.JAVA_PACKAGE,
      backends = {SQLITE, POSTGRESQL, MYSQL})
  static class TwoHeads implements MigrationChecks {}

  @Fixture
  @MigrationTest(
      revisions = "target/broken-sets/drift",
      javaPackage = ExampleMigrationsTest.JAVA_PACKAGE,
      models = ExampleMigrationsTest.MODELS,
      backends = {SQLITE, POSTGRESQL, MYSQL})
  static class Drift implements MigrationChecks {}

  /**
   * A test that must fail: its path below the backend ({@code "0b0000000100 ... › down restores the
   * schema"}, or the whole path for a graph check) and words its message must hold; {@code %s}
   * stands for the backend.
   */
  record Failure(String test, String words) {
    boolean perBackend() {
      return test.startsWith("%s");
    }
  }

  static Stream<Arguments> brokenSets() {
    String priority = "%s › 0a0000000100 Add task priority (forgets its down) › ";
    String trace = "%s › 0b0000000100 Archive tasks, index titles (the down forgets the index) › ";
    String loss =
        "%s › 0d0000000100 Move audit details into a table of their own (the down loses them) › ";
    return Stream.of(
        Arguments.of(
            "undeclared_irreversible",
            UndeclaredIrreversible.class,
            List.of(
                new Failure(
                    priority + "has a downgrade",
                    "no downgrade for %s and none declared irreversible"))),
        Arguments.of(
            "leaves_trace",
            LeavesTrace.class,
            List.of(
                new Failure(
                    trace + "down restores the schema",
                    "index ix_task_title on task(title) is there after the downgrade but not before"
                        + " the upgrade"),
                new Failure(
                    trace + "up again gives the same schema",
                    "the upgrade fails after the downgrade"))),
        Arguments.of(
            "data_loss",
            DataLoss.class,
            List.of(
                new Failure(
                    loss + "data round trip",
                    "rows inserted before the upgrade are gone or changed after the downgrade"),
                new Failure(loss + "destructive lint", "column audit_log.detail is dropped"))),
        Arguments.of(
            "two_heads",
            TwoHeads.class,
            List.of(
                new Failure("single head", "2 heads and no merge: 0c0000000100, 0c0000000101"))),
        Arguments.of(
            "drift",
            Drift.class,
            List.of(
                new Failure(
                    "%s › models match at head",
                    "column board.color is in the database but not in the models"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSets")
  void theRightTestsFailAndVerifyReportsTheSameFindings(
      String set, Class<?> fixture, List<Failure> expected) throws Exception {
    Path versions = prepare(set);

    Map<String, String> failed = failedTests(fixture);

    Map<String, String> wanted = new LinkedHashMap<>();
    for (Failure failure : expected) {
      if (failure.perBackend()) {
        for (String backend : ExampleVerifyTest.backends()) {
          wanted.put(failure.test().formatted(backend), failure.words().formatted(backend));
        }
      } else {
        wanted.put(failure.test(), failure.words());
      }
    }
    assertThat(failed.keySet()).containsExactlyInAnyOrderElementsOf(wanted.keySet());
    wanted.forEach((test, words) -> assertThat(failed.get(test)).as(test).contains(words));

    String[] models =
        set.equals("drift")
            ? new String[] {"--models", ExampleMigrationsTest.MODELS}
            : new String[0];
    Run verify = ExampleVerifyTest.verify(dir, versions, models);
    assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(1);
    List<String> verifyFindings =
        ExampleVerifyTest.findings(verify).stream().filter(f -> !f.startsWith("INFO ")).toList();
    assertThat(findingsIn(failed.values()))
        .as("findings of the failed tests and of migrate verify")
        .containsExactlyInAnyOrderElementsOf(verifyFindings)
        .isNotEmpty();
  }

  @Test
  void aFixtureRunDirectlyIsSkippedSayingWhy() {
    Events containers =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(LeavesTrace.class))
            .execute()
            .containerEvents();

    assertThat(containers.skipped().list())
        .extracting(e -> e.getPayload(String.class).orElseThrow())
        .containsExactly(
            "a broken revision set that fails on purpose; BrokenRevisionSetsTest runs it");
    assertThat(containers.started().count()).as("only the engine starts").isEqualTo(1);
  }

  /** Each failed test of the fixture, by its path of display names, with its message. */
  private static Map<String, String> failedTests(Class<?> fixture) {
    Map<String, String> failed = new LinkedHashMap<>();
    for (Event event :
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(RUN_FIXTURES, "true")
            .selectors(selectClass(fixture))
            .execute()
            .testEvents()
            .failed()
            .list()) {
      TestExecutionResult result = event.getPayload(TestExecutionResult.class).orElseThrow();
      failed.put(path(event.getTestDescriptor()), result.getThrowable().orElseThrow().getMessage());
    }
    return failed;
  }

  /** "mysql › 0b0000000100 ... › down restores the schema": the names below the test factory. */
  private static String path(TestDescriptor test) {
    List<String> names = new ArrayList<>();
    for (TestDescriptor d = test;
        !d.getUniqueId().getLastSegment().getType().equals("test-factory");
        d = d.getParent().orElseThrow()) {
      names.add(0, d.getDisplayName());
    }
    return String.join(" › ", names);
  }

  /** "ERROR DATA_LOSS sqlite 0d0000000100" for each finding a failure message states. */
  private static List<String> findingsIn(Iterable<String> messages) {
    List<String> findings = new ArrayList<>();
    for (String message : messages) {
      message
          .lines()
          .filter(line -> line.matches("^(ERROR|WARNING) [A-Z_]+.*"))
          .map(line -> line.substring(0, line.indexOf(':')))
          .forEach(findings::add);
    }
    return findings;
  }

  /** target/broken-sets/SET: the example's SQL revisions and the set's broken ones. */
  private static Path prepare(String set) throws IOException {
    Path versions = Path.of("target/broken-sets", set);
    if (Files.exists(versions)) {
      try (Stream<Path> old = Files.walk(versions)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(versions);
    for (Path from :
        List.of(ExampleMigrationsTest.VERSIONS, Path.of("src/test/resources/broken", set))) {
      try (Stream<Path> files = Files.list(from)) {
        for (Path file : files.toList()) {
          Files.copy(file, versions.resolve(file.getFileName()));
        }
      }
    }
    return versions;
  }
}
