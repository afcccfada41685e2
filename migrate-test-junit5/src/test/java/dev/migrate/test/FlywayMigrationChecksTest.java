package dev.migrate.test;

import static dev.migrate.engine.dialect.DatabaseKind.MYSQL;
import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static dev.migrate.engine.dialect.DatabaseKind.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code @MigrationTest(revisions = "flyway:...")}: a Flyway directory on the test classpath
 * (nested folders, versions 1, 1.1, 1_2, 2, 10) verified by {@link MigrationChecks} as it is.
 */
class FlywayMigrationChecksTest {

  @MigrationTest(
      revisions = "flyway:db/migration",
      backends = {SQLITE, POSTGRESQL, MYSQL})
  static class FlywayDirectory implements MigrationChecks {}

  /** An undo that forgets its column, and a version without an undo file. */
  @RunByTests
  @MigrationTest(revisions = "flyway:flyway/defective")
  static class Defective implements MigrationChecks {}

  @Test
  void everyVersionPassesEveryCheckOnEveryBackendInFlywaysOrder() {
    EngineExecutionResults results = ServerDatabases.execute(FlywayDirectory.class);
    Events tests = results.testEvents();
    Events all = results.allEvents();
    assertThat(tests.failed().count()).as(tests.failed().list().toString()).isZero();
    // graph valid, single head, and 7 checks x 5 versions x 3 backends
    assertThat(tests.succeeded().count()).isEqualTo(2 + 7 * 5 * 3);
    assertThat(
            all.started().stream()
                .map(e -> e.getTestDescriptor().getDisplayName())
                .filter(name -> name.startsWith("V"))
                .distinct())
        .containsExactly(
            "V1 create account",
            "V1_1 add nickname",
            "V1_2 create task",
            "V2 add task priority",
            "V10 add account active");
    assertThat(
            all.stream()
                .filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(
                    e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("migrate")))
        .singleElement()
        .asString()
        .startsWith("Flyway repeatable migrations are not run or verified")
        .endsWith("R__task_titles.sql");
  }

  @Test
  void aForgetfulUndoAndAMissingOneFailTheirVersionsChecks() {
    Events events = ServerDatabases.run(Defective.class);
    List<Event> failed = events.failed().list();
    assertThat(failed)
        .extracting(e -> e.getTestDescriptor().getDisplayName())
        .containsExactlyInAnyOrder(
            "down restores the schema", "up again gives the same schema", "has a downgrade");
    String message = String.join("\n", ServerDatabases.messages(failed));
    assertThat(message)
        .contains("ERROR DOWNGRADE_LEAVES_TRACE sqlite V1_1")
        .contains("column account.nickname")
        .contains("ERROR IRREVERSIBLE sqlite V10: no downgrade for sqlite")
        .contains("has no undo migration U10__<description>.sql");
  }
}
