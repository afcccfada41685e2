package dev.migrate.test;

import static dev.migrate.engine.dialect.DatabaseKind.MYSQL;
import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static dev.migrate.engine.dialect.DatabaseKind.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * {@link MigrationChecks} on real databases, run through JUnit's own engine: every check is a test
 * named like the report, a defect fails exactly its checks with the verifier's words, and a backend
 * without a server is skipped with the reason.
 */
class MigrationChecksTest {

  @MigrationTest(
      revisions = "src/test/resources/revisions/correct_chain",
      backends = {SQLITE, POSTGRESQL, MYSQL})
  static class CorrectChain implements MigrationChecks {}

  @RunByTests
  @MigrationTest(revisions = "src/test/resources/revisions/leaves_trace")
  static class LeavesTrace implements MigrationChecks {}

  @RunByTests
  @MigrationTest(
      revisions = "src/test/resources/revisions/correct_chain",
      models = "src/test/resources/revisions/correct_chain_drifted_models.sql")
  static class Drifted implements MigrationChecks {}

  private static Events tests(Class<?> type) {
    return ServerDatabases.run(type);
  }

  private static List<String> displayNames(Events events, TestExecutionResult.Status status) {
    return events.finished().stream()
        .filter(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getStatus() == status)
        .map(e -> e.getTestDescriptor().getDisplayName())
        .toList();
  }

  @Test
  void aCorrectChainPassesEveryCheckOnEveryBackend() {
    Events events = tests(CorrectChain.class);
    assertThat(events.failed().count()).as(events.failed().list().toString()).isZero();
    // graph valid, single head, and 7 checks x 3 revisions x 3 backends
    assertThat(events.succeeded().count()).isEqualTo(2 + 7 * 3 * 3);
    assertThat(displayNames(events, TestExecutionResult.Status.SUCCESSFUL))
        .contains("down restores the schema", "data round trip", "graph valid");
  }

  @Test
  void aForgottenIndexFailsItsTwoChecksWithTheVerifiersWords() {
    Events events = tests(LeavesTrace.class);
    List<Event> failed = events.failed().list();
    assertThat(failed)
        .extracting(e -> e.getTestDescriptor().getDisplayName())
        .containsExactlyInAnyOrder("down restores the schema", "up again gives the same schema");
    String message = String.join("\n", ServerDatabases.messages(failed));
    assertThat(message)
        .contains("ERROR DOWNGRADE_LEAVES_TRACE sqlite d00000000002")
        .contains(
            "index ix_account_nickname on account(full_name) is there after the downgrade but not"
                + " before the upgrade");
  }

  @Test
  void driftFromTheModelsFailsModelsMatchAtHead() {
    Events events = tests(Drifted.class);
    assertThat(events.failed().list())
        .extracting(e -> e.getTestDescriptor().getDisplayName())
        .containsExactly("models match at head");
  }

  @Test
  void aBackendWithoutAServerIsSkippedWithTheReason() throws Exception {
    ServerDatabases.withProperties(
        ServerDatabases.noServers(),
        () -> {
          Events events = tests(MysqlOnly.class);
          assertThat(events.skipped().count() + events.aborted().count()).isGreaterThan(0);
          assertThat(ServerDatabases.messages(events.aborted().list()))
              .anySatisfy(
                  m ->
                      assertThat(m).startsWith("mysql skipped: MIGRATE_TEST_MYSQL_URL is not set"));
        });
  }

  @MigrationTest(revisions = "src/test/resources/revisions/correct_chain", backends = MYSQL)
  static class MysqlOnly implements MigrationChecks {}

  @RunByTests
  @MigrationTest(revisions = "src/test/resources/revisions/declared_irreversible")
  static class DeclaredIrreversible implements MigrationChecks {}

  @Test
  void aDeclaredIrreversibleRevisionsDownChecksAreSkippedSayingSoOnceWithItsFile() {
    Events events = tests(DeclaredIrreversible.class);
    assertThat(events.failed().count()).as(events.failed().list().toString()).isZero();
    assertThat(ServerDatabases.messages(events.aborted().list()))
        .hasSize(5)
        .containsOnly(
            "declared irreversible: 002_load_countries.sql says '-- migrate:down irreversible'");
  }

  /** Everything from migrate.properties on the test classpath. */
  @MigrationTest
  static class FromProperties implements MigrationChecks {}

  @Test
  void aClassWithoutAttributesReadsMigratePropertiesOnTheTestClasspath() {
    Events events = tests(FromProperties.class);
    assertThat(events.failed().count()).as(events.failed().list().toString()).isZero();
    assertThat(displayNames(events, TestExecutionResult.Status.SUCCESSFUL))
        .hasSize(2 + 7 * 2)
        .contains("down restores the schema");
  }

  @Test
  void runsUnderParallelExecutionAndLeavesNoDatabaseBehind() throws Exception {
    ServerDatabases.noneLeftBy(
        () -> {
          Events events =
              EngineTestKit.engine("junit-jupiter")
                  .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                  .configurationParameter(
                      "junit.jupiter.execution.parallel.mode.default", "concurrent")
                  .configurationParameter(
                      "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                  .selectors(
                      selectClass(CorrectChain.class),
                      selectClass(SplitNameMigrationTest.class),
                      selectClass(MigrateAssertionsTest.class))
                  .execute()
                  .testEvents();
          assertThat(events.failed().count()).as(events.failed().list().toString()).isZero();
          // CorrectChain 65, SplitNameMigrationTest 3 templates x 3 backends, MigrateAssertionsTest
          // 4
          assertThat(events.succeeded().count()).isEqualTo(65 + 9 + 4);
        });
  }
}
