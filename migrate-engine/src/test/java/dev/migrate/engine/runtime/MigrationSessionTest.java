package dev.migrate.engine.runtime;

import static dev.migrate.engine.runtime.TestRevisions.sql;
import static dev.migrate.engine.runtime.TestRevisions.table;
import static dev.migrate.engine.runtime.TestRevisions.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.BadInputException;
import dev.migrate.engine.IrreversibleRevisionException;
import dev.migrate.engine.LockTimeoutException;
import dev.migrate.engine.MigrateException;
import dev.migrate.engine.RevisionFailedException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.MigrationStep;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.VersionChange;
import dev.migrate.engine.revision.source.JavaRevisionBody;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationSessionTest {

  /** a, then two branches b and c, merged by m. */
  private static List<RevisionScript> diamond() {
    return List.of(table("a"), table("b", "a"), table("c", "a"), sql("m", List.of("b", "c")));
  }

  private static RevisionScript sql(String id, List<String> downs) {
    return TestRevisions.sql(id, downs, List.of(), List.of());
  }

  private static Migrator.Builder builder(TestDatabase db, List<RevisionScript> revisions) {
    return Migrator.builder(RevisionGraph.of(revisions)).url(db.url()).output(line -> {});
  }

  /**
   * A step applied with the one that follows it: on MySQL the next step's "started" row goes in the
   * same commit and that step then completes it; one row per step either way, and a started row
   * whose step never came is removed when the session closes.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aStepAppliedWithTheNextLeavesOneHistoryRowPerStep(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Migrator m = builder(db, List.of(table("a"), table("b", "a"))).build();
      try (MigrationSession s = m.open()) {
        MigrationStep upA = m.stepUp(List.of(), "a");
        s.apply(upA, m.stepDown(List.of("a"), "a"));
        if (kind == DatabaseKind.MYSQL) {
          assertThat(m.history())
              .as("the down's row, started with the up's commit")
              .anyMatch(e -> e.revision().equals("a") && e.interrupted());
        }
        s.apply(m.stepDown(s.currentRows(), "a"), m.stepUp(List.of(), "a"));
        s.apply(m.stepUp(s.currentRows(), "a"), m.stepDown(List.of("a"), "a"));
        s.apply(m.stepUp(s.currentRows(), "b")); // not the step announced
      }
      List<HistoryEntry> history = m.history();
      assertThat(history)
          .extracting(e -> e.revision() + " " + e.action() + " " + e.success())
          .containsExactly(
              "a UPGRADE true", "a DOWNGRADE true", "a UPGRADE true", "b UPGRADE true");
      assertThat(history).noneMatch(HistoryEntry::interrupted);
      try (MigrationSession s = m.open()) {
        s.apply(m.stepDown(s.currentRows(), "b"), m.stepUp(List.of("a"), "b"));
      } // closed with the announced step not applied
      assertThat(m.history()).noneMatch(HistoryEntry::interrupted).hasSize(5);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void undoesAMergeRevisionAloneAndThenOneBranch(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Migrator m = builder(db, diamond()).build();
      m.upgrade("head");
      try (MigrationSession s = m.open()) {
        assertThat(s.currentRows()).containsExactly("m");

        MigrationStep unmerge = m.stepDown(s.currentRows(), "m");
        assertThat(unmerge.direction()).isEqualTo(Direction.DOWNGRADE);
        s.apply(unmerge);
        assertThat(s.currentRows()).containsExactlyInAnyOrder("b", "c");

        s.apply(m.stepDown(s.currentRows(), "b"));
        assertThat(s.currentRows()).containsExactly("c");
        assertThat(tableExists(db, "t_b")).isFalse();
        assertThat(tableExists(db, "t_c")).as("the other branch stays").isTrue();

        s.apply(m.stepUp(s.currentRows(), "b"));
        s.apply(m.stepUp(s.currentRows(), "m"));
        assertThat(s.currentRows()).containsExactly("m");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aSingleStepRefusesWhatItCannotDoAlone(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Migrator m = builder(db, diamond()).build();
      m.upgrade("b");
      List<String> rows = m.currentRows();
      assertThatThrownBy(() -> m.stepDown(rows, "a"))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("cannot be undone alone: b above it is applied");
      assertThatThrownBy(() -> m.stepUp(rows, "m"))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("cannot be applied alone: c below it is not applied");
      assertThatThrownBy(() -> m.stepUp(rows, "b"))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("already applied");
      assertThatThrownBy(() -> m.stepDown(rows, "c"))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("is not applied");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aSessionHoldsTheLockSoASecondMigratorWaits(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      List<RevisionScript> revisions = List.of(table("a"), table("b", "a"));
      Migrator first = builder(db, revisions).build();
      Migrator impatient = builder(db, revisions).lockTimeout(Duration.ofMillis(300)).build();
      Migrator patient = builder(db, revisions).build();
      CompletableFuture<List<MigrationStep>> waiting;
      try (MigrationSession s = first.open()) {
        s.apply(first.stepUp(s.currentRows(), "a"));
        assertThatThrownBy(() -> impatient.upgrade("head"))
            .isInstanceOfSatisfying(
                LockTimeoutException.class,
                e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300)));
        waiting = CompletableFuture.supplyAsync(() -> patient.upgrade("head"));
        Thread.sleep(300);
        assertThat(waiting).as("waits while the session holds the lock").isNotDone();
        s.apply(first.stepUp(s.currentRows(), "b"));
      }
      assertThat(waiting.get(30, TimeUnit.SECONDS)).as("found b already applied").isEmpty();
      assertThat(first.history())
          .extracting(HistoryEntry::revision)
          .as("each revision applied once")
          .containsExactly("a", "b");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theCallersConnectionStaysOpen(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect()) {
      c.setAutoCommit(false);
      Migrator m =
          Migrator.builder(RevisionGraph.of(diamond())).connection(c).output(l -> {}).build();
      m.upgrade("b");
      assertThat(m.currentRows()).containsExactly("b");
      try (MigrationSession s = m.open()) {
        assertThat(s.connection()).isSameAs(c);
        s.apply(m.stepUp(s.currentRows(), "c"));
      }
      assertThat(m.schema().tables()).extracting(t -> t.name()).contains("t_a", "t_b", "t_c");
      assertThat(c.isClosed()).isFalse();
      assertThat(c.getAutoCommit()).as("its autocommit setting is restored").isFalse();
      c.rollback();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aFailedStatementIsATypedExceptionWithItsIndexTextAndSqlState(DatabaseKind kind)
      throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      RevisionScript bad =
          TestRevisions.sql(
              "b",
              List.of("a"),
              List.of(
                  "CREATE TABLE t_b (id INTEGER PRIMARY KEY)", "INSERT INTO nowhere VALUES (1)"),
              List.of("DROP TABLE t_b"));
      List<MigrateException> told = new ArrayList<>();
      Migrator m =
          builder(db, List.of(table("a"), bad))
              .listener(
                  new MigrationListener() {
                    @Override
                    public void stepFailed(MigrationStep step, MigrateException failure) {
                      told.add(failure);
                    }
                  })
              .build();
      assertThatThrownBy(() -> m.upgrade("head"))
          .isInstanceOfSatisfying(
              RevisionFailedException.class,
              e -> {
                assertThat(e.revision()).isEqualTo("b");
                assertThat(e.direction()).isEqualTo(Direction.UPGRADE);
                assertThat(e.phase()).isEqualTo(RevisionFailedException.Phase.STATEMENT);
                assertThat(e.statementIndex()).isEqualTo(2);
                assertThat(e.statement()).hasValue("INSERT INTO nowhere VALUES (1)");
                assertThat(e.statements()).hasSize(2);
                switch (kind) {
                  case POSTGRESQL -> assertThat(e.sqlState()).hasValue("42P01");
                  case MYSQL -> assertThat(e.sqlState()).hasValue("42S02");
                  case SQLITE -> {} // sqlite-jdbc gives no SQLState
                }
                assertThat(e.versionRows()).hasValue(List.of("a"));
                assertThat(e.appliedBefore()).containsExactly("a (upgrade)");
                if (kind == DatabaseKind.MYSQL) {
                  assertThat(e.committedStatements()).as("the CREATE TABLE committed").isEqualTo(1);
                } else {
                  assertThat(e.committedStatements()).isZero();
                  assertThat(e.rolledBack()).isTrue();
                }
                assertThat(told).containsExactly(e);
              });
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void listenersSeeEveryStepWithItsStatementsAndDuration(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      List<String> events = new ArrayList<>();
      List<StepResult> results = new ArrayList<>();
      Migrator m =
          builder(db, List.of(table("a"), table("b", "a")))
              .listener(
                  new MigrationListener() {
                    @Override
                    public void beforeStep(MigrationStep step, List<String> statements) {
                      events.add("before " + step.revision().id() + " " + statements);
                    }

                    @Override
                    public void afterStep(StepResult result) {
                      events.add("after " + result.step().revision().id());
                      results.add(result);
                    }
                  })
              .build();
      m.upgrade("head");
      assertThat(events)
          .containsExactly(
              "before a [CREATE TABLE t_a (id INTEGER PRIMARY KEY)]",
              "after a",
              "before b [CREATE TABLE t_b (id INTEGER PRIMARY KEY)]",
              "after b");
      assertThat(results)
          .allSatisfy(r -> assertThat(r.duration()).isPositive())
          .extracting(StepResult::statements)
          .containsExactly(
              List.of("CREATE TABLE t_a (id INTEGER PRIMARY KEY)"),
              List.of("CREATE TABLE t_b (id INTEGER PRIMARY KEY)"));
      assertThat(results.get(1).step().versionChanges())
          .containsExactly(new VersionChange.Update("a", "b"));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anIrreversibleStepIsTypedAndRunsNothing(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      RevisionScript oneWay =
          new RevisionScript(
              "a",
              List.of(),
              List.of(),
              List.of(),
              "One way",
              "versions/a.sql",
              (direction, k) ->
                  direction == Direction.UPGRADE
                      ? MigrationPlan.EMPTY
                      : new MigrationPlan(
                          List.of(),
                          Optional.of("declared irreversible here"),
                          Revision.Transactional.AUTO));
      Migrator m = builder(db, List.of(oneWay)).build();
      m.upgrade("head");
      try (MigrationSession s = m.open()) {
        MigrationStep down = m.stepDown(s.currentRows(), "a");
        assertThatThrownBy(() -> s.apply(down))
            .isInstanceOfSatisfying(
                IrreversibleRevisionException.class,
                e -> {
                  assertThat(e.revision()).isEqualTo("a");
                  assertThat(e.direction()).isEqualTo(Direction.DOWNGRADE);
                  assertThat(e.reason()).isEqualTo("declared irreversible here");
                });
        assertThat(s.currentRows()).containsExactly("a");
      }
    }
  }

  /** A Java revision that branches on the backend and runs a parameterised data statement. */
  public static final class NoteWithParameters implements Migration {
    @Override
    public void upgrade(Ops op) {
      String text = op.database() == DatabaseKind.POSTGRESQL ? "TEXT" : "VARCHAR(100)";
      op.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body " + text + ")");
      op.execute("INSERT INTO note (id, body) VALUES (?, ?)", 1, "it's a \\ backslash, '?'");
      op.execute("INSERT INTO note (id, body) VALUES (2, '?')");
    }

    @Override
    public void downgrade(Ops op) {
      op.dropTable("note");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void javaRevisionsSeeTheBackendAndBindParameters(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      RevisionScript note =
          new RevisionScript(
              "n1",
              List.of(),
              List.of(),
              List.of(),
              "Notes",
              NoteWithParameters.class.getName(),
              new JavaRevisionBody(NoteWithParameters.class.getConstructor()));
      Migrator m = builder(db, List.of(note)).build();
      m.upgrade("head");
      assertThat(TestRevisions.query(db, "SELECT body FROM note ORDER BY id"))
          .containsExactly("it's a \\ backslash, '?'", "?");
      assertThat(m.upgradeSql("head"))
          .as("offline, the values are literals")
          .contains("VALUES (1, " + Dialect.of(kind).literal("it's a \\ backslash, '?'") + ")")
          .contains("VALUES (2, '?')");
    }
  }

  @org.junit.jupiter.api.Test
  void sqliteLockFilesAreForgottenWhenReleased() throws Exception {
    int before = MigrationLock.lockFilesInUse();
    for (int i = 0; i < 5; i++) {
      try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE)) {
        Migrator m = builder(db, List.of(table("a"))).build();
        try (MigrationSession s = m.open()) {
          assertThat(MigrationLock.lockFilesInUse()).isEqualTo(before + 1);
        }
        m.upgrade("head");
      }
    }
    assertThat(MigrationLock.lockFilesInUse())
        .as("no entry per database stays behind")
        .isEqualTo(before);
  }
}
