package dev.migrate.test;

import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static dev.migrate.engine.dialect.DatabaseKind.SQLITE;
import static dev.migrate.test.ServerDatabases.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

/**
 * Revisions and models are read once per JVM: a second class with the same settings, and every
 * template call, reuse them.
 */
class SharedProjectsTest {
  /** Revisions and models that only this test uses, so that it sees their first reading. */
  @RunByTests
  @MigrationTest(
      revisions = "src/test/resources/revisions/shared_once",
      models = "src/test/resources/revisions/shared_once_models.sql",
      backends = {SQLITE, POSTGRESQL})
  static class First implements MigrationChecks {
    @MigrationBackends
    void matchesTheModels(MigrationRunner db) {
      db.upgradeTo("head");
      MigrateAssertions.assertThatDifferences(db.diffAgainstModels()).isEmpty();
    }

    @MigrationBackends
    void matchesTheModelsAgain(MigrationRunner db) {
      matchesTheModels(db);
    }
  }

  @MigrationTest(
      revisions = "src/test/resources/revisions/shared_once",
      models = "src/test/resources/revisions/shared_once_models.sql",
      backends = {SQLITE, POSTGRESQL})
  static class Second extends First {}

  @Test
  void aSecondClassWithTheSameSettingsReadsNothingAgain() {
    int revisions = Projects.REVISION_LOADS.get();
    int models = Projects.MODEL_LOADS.get();
    Events first = run(First.class);
    assertThat(first.failed().count()).as(first.failed().list().toString()).isZero();
    assertThat(first.succeeded().count()).isGreaterThan(4);
    assertThat(Projects.REVISION_LOADS.get() - revisions).isEqualTo(1);
    assertThat(Projects.MODEL_LOADS.get() - models).as("once per backend").isEqualTo(2);

    Events second = run(Second.class);
    assertThat(second.failed().count()).as(second.failed().list().toString()).isZero();
    assertThat(second.succeeded().count()).isEqualTo(first.succeeded().count());
    assertThat(Projects.REVISION_LOADS.get() - revisions).isEqualTo(1);
    assertThat(Projects.MODEL_LOADS.get() - models).isEqualTo(2);
  }
}
