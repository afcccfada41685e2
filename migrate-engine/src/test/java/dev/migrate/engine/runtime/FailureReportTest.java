package dev.migrate.engine.runtime;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.runtime.TestRevisions.query;
import static dev.migrate.engine.runtime.TestRevisions.sql;
import static dev.migrate.engine.runtime.TestRevisions.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.RevisionFailedException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What a failed revision's report says took effect, and where it failed. */
class FailureReportTest {

  private static Migrator migrator(TestDatabase db, RevisionScript... revisions) {
    return Migrator.builder(RevisionGraph.of(List.of(revisions)))
        .url(db.url())
        .output(l -> {})
        .build();
  }

  private static RevisionScript ops(String id, String parent, Consumer<Ops> up) {
    return new RevisionScript(
        id,
        parent == null ? List.of() : List.of(parent),
        List.of(),
        List.of(),
        "Revision " + id,
        "versions/" + id + ".java",
        (direction, kind) -> {
          Ops op = new Ops(kind);
          if (direction == Direction.UPGRADE) {
            up.accept(op);
          }
          return new MigrationPlan(op.operations(), Optional.empty(), Revision.Transactional.AUTO);
        });
  }

  @Test
  void sqliteRecreateFailureNamesTheFailedOperationAndTheVersionRows() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE)) {
      RevisionScript post =
          sql(
              "a",
              List.of(),
              List.of(
                  "CREATE TABLE post (id INTEGER PRIMARY KEY, title VARCHAR(100))",
                  "INSERT INTO post (id, title) VALUES (1, 'hello')"),
              List.of("DROP TABLE post"));
      RevisionScript status =
          ops(
              "b",
              "a",
              op -> {
                op.alterColumn("post", "title").type(ColumnType.varchar(200)).done();
                op.addColumn("post", column("status", ColumnType.varchar(10)).notNull());
              });
      Migrator m = migrator(db, post, status);
      assertThatThrownBy(() -> m.upgrade("head"))
          .isInstanceOfSatisfying(
              RevisionFailedException.class,
              e -> {
                assertThat(e.getMessage())
                    .contains("of its upgrade (operation 2 of 2, addColumn(\"post\", \"status\")):")
                    .doesNotContain("alterColumn")
                    .contains("Version table migrate_version now holds: a.");
              });
    }
  }

  private static TestDatabase mysql() {
    return TestDatabases.create(DatabaseKind.MYSQL);
  }

  @Test
  void mysqlDataStatementsRolledBackAreNotReportedAsTakingEffect() throws Exception {
    try (TestDatabase db = mysql()) {
      RevisionScript dml =
          sql(
              "b",
              List.of("a"),
              List.of("INSERT INTO t_a (id) VALUES (1)", "INSERT INTO nowhere VALUES (1)"),
              List.of());
      Migrator m = migrator(db, table("a"), dml);
      assertThatThrownBy(() -> m.upgrade("head"))
          .isInstanceOfSatisfying(
              RevisionFailedException.class,
              e -> {
                assertThat(e.committedStatements()).isZero();
                assertThat(e.rolledBack()).isTrue();
                assertThat(e.getMessage())
                    .contains(
                        "Its transaction was rolled back: none of its statements took effect.")
                    .doesNotContain("undo them by hand");
              });
      assertThat(query(db, "SELECT COUNT(*) FROM t_a")).containsExactly("0");
    }
  }

  @Test
  void mysqlReportsOnlyUpToTheLastStatementThatCommittedImplicitly() throws Exception {
    try (TestDatabase db = mysql()) {
      RevisionScript mixed =
          sql(
              "b",
              List.of("a"),
              List.of(
                  "INSERT INTO t_a (id) VALUES (1)",
                  "-- a comment first\nCREATE TABLE t_b (id INTEGER PRIMARY KEY)",
                  "INSERT INTO t_a (id) VALUES (2)",
                  "INSERT INTO nowhere VALUES (1)"),
              List.of());
      Migrator m = migrator(db, table("a"), mixed);
      assertThatThrownBy(() -> m.upgrade("head"))
          .isInstanceOfSatisfying(
              RevisionFailedException.class,
              e -> {
                assertThat(e.statementIndex()).isEqualTo(4);
                assertThat(e.committedStatements()).isEqualTo(2);
                assertThat(e.rolledBack()).isTrue();
                assertThat(e.getMessage())
                    .contains(
                        "Statements 1 to 2 of it took effect (MySQL commits DDL at once, with the"
                            + " statements before it) and were not rolled back; the statements"
                            + " after them were");
              });
      assertThat(query(db, "SELECT id FROM t_a")).containsExactly("1");
    }
  }

  @Test
  void aDeferredConstraintFailingAtCommitIsReportedAsTheCommit() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRESQL)) {
      RevisionScript deferred =
          sql(
              "a",
              List.of(),
              List.of(
                  "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
                  "CREATE TABLE child (parent_id INTEGER REFERENCES parent (id)"
                      + " DEFERRABLE INITIALLY DEFERRED)",
                  "INSERT INTO child VALUES (5)"),
              List.of());
      Migrator m = migrator(db, deferred);
      assertThatThrownBy(() -> m.upgrade("head"))
          .isInstanceOfSatisfying(
              RevisionFailedException.class,
              e -> {
                assertThat(e.phase()).isEqualTo(RevisionFailedException.Phase.COMMIT);
                assertThat(e.statementIndex()).isZero();
                assertThat(e.sqlState()).hasValue("23503");
                assertThat(e.getMessage())
                    .contains("failed when its upgrade committed")
                    .doesNotContain("while recording it")
                    .contains("Its transaction was rolled back");
              });
      assertThat(m.currentRows()).isEmpty();
    }
  }

  /** A revision whose first statement commits at once on MySQL and whose second takes a while. */
  static List<RevisionScript> halfApplied(boolean slow) {
    return List.of(
        sql(
            "h1",
            List.of(),
            slow
                ? List.of("CREATE TABLE half_a (id INTEGER PRIMARY KEY)", "SELECT SLEEP(60)")
                : List.of(
                    "CREATE TABLE half_a (id INTEGER PRIMARY KEY)",
                    "CREATE TABLE half_b (id INTEGER PRIMARY KEY)"),
            List.of()));
  }

  @Test
  void aRunKilledInTheMiddleOfARevisionIsNamedByTheNextRun() throws Exception {
    try (TestDatabase db = mysql()) {
      Process child = ConcurrentMigrationTest.startChild("half", db.url());
      try {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!TestRevisions.tableExists(db, "half_a")) {
          assertThat(System.nanoTime()).as("the child created half_a").isLessThan(deadline);
          Thread.sleep(50);
        }
      } finally {
        child.destroyForcibly().waitFor();
      }
      List<String> output = new java.util.ArrayList<>();
      Migrator next =
          Migrator.builder(RevisionGraph.of(halfApplied(false)))
              .url(db.url())
              .output(output::add)
              .build();
      assertThat(next.currentRows()).as("never claims the incomplete revision").isEmpty();
      assertThatThrownBy(() -> next.upgrade("head"))
          .isInstanceOfSatisfying(
              RevisionFailedException.class,
              e ->
                  assertThat(e.getMessage())
                      .as(e.getMessage())
                      .contains("Table 'half_a' already exists")
                      .doesNotContain("None of its statements took effect")
                      .contains("None of this run's statements took effect.\nNote: ")
                      .contains("Note: an earlier run started the upgrade of revision h1 at ")
                      .contains("and never finished: it was killed or lost its connection"));
      assertThat(output)
          .anySatisfy(line -> assertThat(line).startsWith("Warning: an earlier run started"));
      assertThat(next.history())
          .extracting(h -> h.revision() + " " + h.success() + " " + h.interrupted())
          .containsExactly("h1 false true", "h1 false false");

      TestRevisions.execute(db, "DROP TABLE half_a");
      assertThat(next.upgrade("head")).as("the next run completes").hasSize(1);
      assertThat(next.currentRows()).containsExactly("h1");
    }
  }

  /**
   * On MySQL a step writes the next step's started history row with its own: a run that stops
   * before the next step's statements leaves no such row behind, and a failed step's row says so.
   */
  @Test
  void aRunThatStopsLeavesNoStartedRowForAStepThatNeverRan() throws Exception {
    try (TestDatabase db = mysql()) {
      RevisionScript failing =
          sql("b", List.of("a"), List.of("INSERT INTO nowhere VALUES (1)"), List.of());
      List<String> output = new java.util.ArrayList<>();
      Migrator m =
          Migrator.builder(RevisionGraph.of(List.of(table("a"), failing, table("c", "b"))))
              .url(db.url())
              .output(output::add)
              .build();
      assertThatThrownBy(() -> m.upgrade("head")).isInstanceOf(RevisionFailedException.class);
      assertThat(m.history())
          .extracting(h -> h.revision() + " " + h.success() + " " + h.interrupted())
          .containsExactly("a true false", "b false false");

      Migrator stopped =
          Migrator.builder(RevisionGraph.of(List.of(table("a"), table("b", "a"), table("c", "b"))))
              .url(db.url())
              .output(output::add)
              .listener(
                  new MigrationListener() {
                    @Override
                    public void beforeStep(
                        dev.migrate.engine.revision.MigrationStep step, List<String> statements) {
                      if (step.revision().id().equals("c")) {
                        throw new IllegalStateException("stop before c");
                      }
                    }
                  })
              .build();
      assertThatThrownBy(() -> stopped.upgrade("head")).hasMessageContaining("stop before c");
      assertThat(stopped.currentRows()).containsExactly("b");
      assertThat(stopped.history())
          .extracting(h -> h.revision() + " " + h.success() + " " + h.interrupted())
          .containsExactly("a true false", "b false false", "b true false");

      output.clear();
      Migrator next =
          Migrator.builder(RevisionGraph.of(List.of(table("a"), table("b", "a"), table("c", "b"))))
              .url(db.url())
              .output(output::add)
              .build();
      assertThat(next.upgrade("head")).hasSize(1);
      assertThat(output).noneMatch(line -> line.contains("earlier run"));
    }
  }
}
