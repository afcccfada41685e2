package dev.migrate.engine.runtime;

import static dev.migrate.engine.runtime.TestRevisions.query;
import static dev.migrate.engine.runtime.TestRevisions.sql;
import static dev.migrate.engine.runtime.TestRevisions.table;
import static dev.migrate.engine.runtime.TestRevisions.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.MigrationStep;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.VersionChange;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigratorTest {
  private final List<String> output = new ArrayList<>();

  private Migrator migrator(TestDatabase db, RevisionScript... revisions) {
    return Migrator.builder(RevisionGraph.of(List.of(revisions)))
        .url(db.url())
        .output(output::add)
        .build();
  }

  private static List<String> ids(List<MigrationStep> steps) {
    return steps.stream().map(s -> s.revision().id()).toList();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void upgradesDowngradesAndStampsAChain(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Migrator m = migrator(db, table("a"), table("b", "a"), table("c", "b"));

      assertThat(m.currentRows()).isEmpty();
      assertThat(m.history()).isEmpty();
      assertThat(tableExists(db, "migrate_version")).as("current never creates it").isFalse();

      assertThat(ids(m.upgrade("head"))).containsExactly("a", "b", "c");
      assertThat(output)
          .containsExactly(
              "Running upgrade  -> a, Revision a",
              "Running upgrade a -> b, Revision b",
              "Running upgrade b -> c, Revision c");
      assertThat(m.currentRows()).containsExactly("c");
      assertThat(tableExists(db, "t_c")).isTrue();

      assertThat(m.upgrade("head")).as("second upgrade head is a no-op").isEmpty();

      output.clear();
      assertThat(ids(m.downgrade("a"))).containsExactly("c", "b");
      assertThat(output)
          .containsExactly(
              "Running downgrade c -> b, Revision c", "Running downgrade b -> a, Revision b");
      assertThat(m.currentRows()).containsExactly("a");
      assertThat(tableExists(db, "t_b")).isFalse();
      assertThat(tableExists(db, "t_a")).isTrue();

      m.downgrade("base");
      assertThat(m.currentRows()).isEmpty();
      assertThat(tableExists(db, "migrate_version")).as("never dropped").isTrue();

      assertThat(m.stamp(List.of("c"), false)).containsExactly(new VersionChange.Insert("c"));
      assertThat(m.currentRows()).containsExactly("c");
      assertThat(tableExists(db, "t_c")).as("stamp runs nothing").isFalse();
      m.stamp(List.of("base"), false);
      assertThat(m.currentRows()).isEmpty();

      List<HistoryEntry> history = m.history();
      assertThat(history)
          .extracting(h -> h.action().word() + " " + h.revision())
          .containsExactly(
              "upgrade a",
              "upgrade b",
              "upgrade c",
              "downgrade c",
              "downgrade b",
              "downgrade a",
              "stamp c",
              "stamp c");
      assertThat(history).allSatisfy(h -> assertThat(h.success()).isTrue());
      assertThat(history).allSatisfy(h -> assertThat(h.appliedAt()).isNotNull());
      assertThat(history).allSatisfy(h -> assertThat(h.appliedBy()).isNotBlank());
      assertThat(history.subList(0, 7))
          .allSatisfy(
              h -> {
                assertThat(h.checksum()).matches("v2:[0-9a-f]{64}");
                assertThat(h.downChecksum()).matches("v2:[0-9a-f]{64}");
              });
      assertThat(history.get(7).checksum()).as("a stamp that removes a row").isNull();
      assertThat(history.get(0).checksum()).isEqualTo(history.get(5).checksum());
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void keepsOneRowPerHeadThroughABranchAndMerge(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Migrator m =
          migrator(db, table("a"), table("b1", "a"), table("b2", "a"), table("m", "b1", "b2"));

      assertThat(ids(m.upgrade("b1"))).containsExactly("a", "b1");
      assertThat(m.currentRows()).containsExactly("b1");
      assertThat(ids(m.upgrade("b2"))).containsExactly("b2");
      assertThat(m.currentRows()).containsExactlyInAnyOrder("b1", "b2");
      assertThat(ids(m.upgrade("head"))).containsExactly("m");
      assertThat(m.currentRows()).containsExactly("m");
      assertThat(m.upgrade("heads")).isEmpty();

      assertThat(ids(m.downgrade("a"))).containsExactlyInAnyOrder("m", "b1", "b2");
      assertThat(m.currentRows()).containsExactly("a");
      assertThat(tableExists(db, "t_b1")).isFalse();
      assertThat(tableExists(db, "t_b2")).isFalse();

      assertThat(ids(m.upgrade("heads"))).containsExactlyInAnyOrder("b1", "b2", "m");
      assertThat(m.currentRows()).containsExactly("m");
      m.downgrade("base");
      assertThat(m.currentRows()).isEmpty();
      assertThat(m.history()).hasSize(14).allSatisfy(h -> assertThat(h.success()).isTrue());
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void failedRevisionLeavesTheVersionTableAtTheLastGoodOne(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      RevisionScript bad =
          sql(
              "b",
              List.of("a"),
              List.of(
                  "CREATE TABLE t_b (id INTEGER PRIMARY KEY)",
                  "INSERT INTO no_such_table VALUES (1)"),
              List.of("DROP TABLE t_b"));
      Migrator m = migrator(db, table("a"), bad, table("c", "b"));

      assertThatThrownBy(() -> m.upgrade("head"))
          .isInstanceOfSatisfying(
              MigrateException.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(1);
                assertThat(e.getMessage())
                    .contains(
                        "Revision b (versions/b.sql) failed at statement 2 of 2 of its upgrade")
                    .contains("INSERT INTO no_such_table VALUES (1)")
                    .contains("no_such_table")
                    .contains("Applied by this run before it: a (upgrade).")
                    .contains("Version table migrate_version now holds: a.");
                if (kind == DatabaseKind.MYSQL) {
                  assertThat(e.getMessage())
                      .contains(
                          "Statements 1 to 1 of it took effect (MySQL commits DDL at once, with"
                              + " the statements before it) and were not rolled back");
                } else {
                  assertThat(e.getMessage()).contains("Its transaction was rolled back");
                }
              });
      assertThat(m.currentRows()).containsExactly("a");
      assertThat(tableExists(db, "t_b"))
          .as("partial DDL is rolled back where DDL is transactional")
          .isEqualTo(kind == DatabaseKind.MYSQL);
      assertThat(tableExists(db, "t_c")).isFalse();
      assertThat(m.history())
          .extracting(h -> h.revision() + " " + h.success())
          .containsExactly("a true", "b false");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void failedDowngradeKeepsTheRevisionInTheVersionTable(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      RevisionScript b =
          sql(
              "b",
              List.of("a"),
              List.of("CREATE TABLE t_b (id INTEGER PRIMARY KEY)"),
              List.of("DROP TABLE t_b", "DROP TABLE no_such_table"));
      Migrator m = migrator(db, table("a"), b);
      m.upgrade("head");

      assertThatThrownBy(() -> m.downgrade("base"))
          .isInstanceOf(MigrateException.class)
          .hasMessageContaining(
              "Revision b (versions/b.sql) failed at statement 2 of 2 of its downgrade")
          .hasMessageContaining("DROP TABLE no_such_table")
          .hasMessageContaining("No revision was applied by this run.")
          .hasMessageContaining("Version table migrate_version now holds: b.");
      assertThat(m.currentRows()).containsExactly("b");
      assertThat(tableExists(db, "t_b")).isEqualTo(kind != DatabaseKind.MYSQL);
      assertThat(m.history())
          .extracting(h -> h.action().word() + " " + h.revision() + " " + h.success())
          .containsExactly("upgrade a true", "upgrade b true", "downgrade b false");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void runsANonTransactionalRevisionInAutocommit(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      RevisionScript index =
          kind == DatabaseKind.POSTGRESQL
              ? sql(
                  "b",
                  List.of("a"),
                  List.of("CREATE INDEX CONCURRENTLY ix_v ON t_a (v)"),
                  List.of("DROP INDEX ix_v"))
              : sql(
                  "b",
                  List.of("a"),
                  List.of("CREATE INDEX ix_v ON t_a (v)"),
                  List.of(
                      kind == DatabaseKind.MYSQL ? "DROP INDEX ix_v ON t_a" : "DROP INDEX ix_v"),
                  Revision.Transactional.FALSE);
      RevisionScript a =
          sql(
              "a",
              List.of(),
              List.of("CREATE TABLE t_a (id INTEGER PRIMARY KEY, v INTEGER)"),
              List.of("DROP TABLE t_a"));
      Migrator m = migrator(db, a, index);

      assertThat(ids(m.upgrade("head"))).containsExactly("a", "b");
      assertThat(output)
          .containsExactly(
              "Running upgrade  -> a, Revision a",
              "Running upgrade a -> b, Revision b (non-transactional)");
      assertThat(m.currentRows()).containsExactly("b");
      assertThat(m.downgrade("a")).hasSize(1);
      assertThat(m.currentRows()).containsExactly("a");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void changedRevisionStopsUpgradeUnlessChecksumsAreIgnored(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      migrator(db, table("a")).upgrade("head");
      RevisionScript edited =
          sql(
              "a",
              List.of(),
              List.of("CREATE TABLE t_a (id INTEGER PRIMARY KEY, x INTEGER)"),
              List.of("DROP TABLE t_a"));
      Migrator m = migrator(db, edited, table("b", "a"));

      List<ChecksumMismatch> mismatches = m.checksumMismatches();
      assertThat(mismatches).hasSize(1);
      assertThat(mismatches.get(0).revision()).isEqualTo("a");
      assertThat(mismatches.get(0).origin()).isEqualTo("versions/a.sql");
      assertThat(mismatches.get(0).stored()).isEqualTo(m.history().get(0).checksum());
      assertThat(mismatches.get(0).current()).isNotEqualTo(mismatches.get(0).stored());

      assertThatThrownBy(() -> m.upgrade("head"))
          .isInstanceOfSatisfying(
              MigrateException.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(1);
                assertThat(e.getMessage())
                    .contains("Revision a (versions/a.sql) was changed after it was applied")
                    .contains("--ignore-checksums");
              });
      assertThat(m.currentRows()).containsExactly("a");
      assertThat(tableExists(db, "t_b")).isFalse();

      Migrator ignoring =
          Migrator.builder(RevisionGraph.of(List.of(edited, table("b", "a"))))
              .url(db.url())
              .ignoreChecksums(true)
              .build();
      assertThat(ids(ignoring.upgrade("head"))).containsExactly("b");
      assertThat(ignoring.currentRows()).containsExactly("b");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void unknownIdInTheVersionTableIsReportedAndPurgeStampRepairsIt(DatabaseKind kind)
      throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Migrator m = migrator(db, table("a"), table("b", "a"));
      m.upgrade("a");
      TestRevisions.execute(db, "UPDATE migrate_version SET version_num = 'f00dfeed0bad'");

      assertThatThrownBy(() -> m.upgrade("head"))
          .isInstanceOf(MigrateException.class)
          .hasMessageContaining("f00dfeed0bad")
          .hasMessageContaining("stamp --purge");
      assertThat(m.currentRows()).containsExactly("f00dfeed0bad");

      m.stamp(List.of("a"), true);
      assertThat(m.currentRows()).containsExactly("a");
      assertThat(ids(m.upgrade("head"))).containsExactly("b");
      assertThat(m.history())
          .extracting(h -> h.action().word() + " " + h.revision())
          .containsExactly("upgrade a", "stamp f00dfeed0bad", "stamp a", "upgrade b");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void irreversibleDowngradeStopsBeforeRunningAnything(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      RevisionScript oneWay =
          new RevisionScript(
              "b",
              List.of("a"),
              List.of(),
              List.of(),
              "One way",
              "versions/b.sql",
              (direction, k) ->
                  direction == Direction.UPGRADE
                      ? new MigrationPlan(
                          List.of(new Operation.Execute("CREATE TABLE t_b (id INTEGER)")),
                          Optional.empty(),
                          Revision.Transactional.AUTO)
                      : new MigrationPlan(
                          List.of(),
                          Optional.of("declared irreversible: drops data"),
                          Revision.Transactional.AUTO));
      Migrator m = migrator(db, table("a"), oneWay, table("c", "b"));
      m.upgrade("head");

      assertThatThrownBy(() -> m.downgrade("base"))
          .isInstanceOf(MigrateException.class)
          .hasMessageContaining(
              "Revision b (versions/b.sql) cannot be downgraded (declared irreversible: drops"
                  + " data). Nothing was run.");
      assertThat(m.currentRows()).containsExactly("c");
      assertThat(tableExists(db, "t_c")).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void versionRowChangesMustMatchExactlyOneRow(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect()) {
      VersionStore store =
          new VersionStore(
              dev.migrate.engine.dialect.Dialect.of(kind), "migrate_version", "migrate_history");
      store.ensureTables(c);
      assertThatThrownBy(() -> record(store, c, new VersionChange.Update("a", "b")))
          .isInstanceOf(MigrateException.class)
          .hasMessageStartingWith(
              "Expected to match one row when updating 'a' to 'b' in migrate_version; 0 found.");
      assertThatThrownBy(() -> record(store, c, new VersionChange.Delete("a")))
          .hasMessageStartingWith(
              "Expected to match one row when deleting 'a' in migrate_version; 0 found.");
    }
  }

  private static void record(VersionStore store, Connection c, VersionChange change)
      throws Exception {
    store.recordStep(c, List.of(change), "b", HistoryEntry.Action.STAMP, null, 0, true, "test");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void rejectsBadTableNamesAndRanges(DatabaseKind kind) {
    RevisionGraph graph = RevisionGraph.of(List.of(table("a")));
    assertThatThrownBy(
            () -> Migrator.builder(graph).databaseKind(kind).versionTable("bad name;").build())
        .isInstanceOf(MigrateException.class)
        .hasMessageStartingWith("Invalid version table name 'bad name;'");
    Migrator offline = Migrator.builder(graph).databaseKind(kind).build();
    String longId = "a".repeat(33);
    assertThatThrownBy(
            () ->
                Migrator.builder(RevisionGraph.of(List.of(table(longId))))
                    .databaseKind(kind)
                    .build()
                    .upgradeSql("head"))
        .isInstanceOfSatisfying(MigrateException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageStartingWith(
            "Revision id '" + longId + "' (versions/" + longId + ".sql) is longer than 32");
    assertThatThrownBy(() -> offline.upgrade("a:head"))
        .hasMessageStartingWith("Range revision not allowed");
    assertThatThrownBy(() -> offline.downgradeSql("base"))
        .isInstanceOfSatisfying(MigrateException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageContaining("downgrade with --sql requires <fromrev>:<torev>");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void usesConfiguredTableNames(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Migrator m =
          Migrator.builder(RevisionGraph.of(List.of(table("a"))))
              .url(db.url())
              .versionTable("app_version")
              .historyTable("app_history")
              .appliedBy("deployer")
              .build();
      m.upgrade("head");
      assertThat(query(db, "SELECT version_num FROM app_version")).containsExactly("a");
      assertThat(query(db, "SELECT applied_by FROM app_history")).containsExactly("deployer");
      assertThat(tableExists(db, "migrate_version")).isFalse();
    }
  }

  @Test
  void postgresqlCommitsAroundAStatementThatCannotRunInATransaction() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRESQL)) {
      RevisionScript split =
          sql(
              "a",
              List.of(),
              List.of(
                  "CREATE TABLE t_a (id INTEGER PRIMARY KEY, v INTEGER)",
                  "CREATE INDEX CONCURRENTLY ix_v ON t_a (v)",
                  "CREATE TABLE t_a2 (id INTEGER PRIMARY KEY)",
                  "INSERT INTO no_such_table VALUES (1)"),
              List.of("DROP TABLE t_a"));
      Migrator m = migrator(db, split);
      assertThatThrownBy(() -> m.upgrade("head"))
          .isInstanceOf(MigrateException.class)
          .hasMessageContaining("failed at statement 4 of 4 of its upgrade")
          .hasMessageContaining(
              "Statements 1 to 2 of it took effect (they ran outside a transaction, or"
                  + " before a statement that had to) and were not rolled back")
          .hasMessageContaining("No revision was applied by this run.")
          .hasMessageContaining("now holds: no rows (base).");
      assertThat(output).containsExactly("Running upgrade  -> a, Revision a (non-transactional)");
      assertThat(tableExists(db, "t_a")).isTrue();
      assertThat(tableExists(db, "t_a2")).as("rolled back with the failing statement").isFalse();
      assertThat(m.currentRows()).isEmpty();

      String script =
          Migrator.builder(RevisionGraph.of(List.of(split)))
              .databaseKind(DatabaseKind.POSTGRESQL)
              .build()
              .upgradeSql("head");
      assertThat(script)
          .contains(
              "BEGIN;\n\n-- Running upgrade  -> a (non-transactional)\n\n"
                  + "CREATE TABLE t_a (id INTEGER PRIMARY KEY, v INTEGER);\n\n"
                  + "COMMIT;\n\n"
                  + "CREATE INDEX CONCURRENTLY ix_v ON t_a (v);\n\n"
                  + "BEGIN;\n\n"
                  + "CREATE TABLE t_a2 (id INTEGER PRIMARY KEY);");
    }
  }

  /** A SQLite table recreate must switch foreign keys off outside a transaction, then back on. */
  @Test
  void sqliteRecreateRunsWithForeignKeysEnforced() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE)) {
      RevisionScript a =
          sql(
              "a",
              List.of(),
              List.of(
                  "CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR(10))",
                  "CREATE TABLE child (id INTEGER PRIMARY KEY,"
                      + " parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE)",
                  "INSERT INTO parent VALUES (1, 'p')",
                  "INSERT INTO child VALUES (1, 1)"),
              List.of("DROP TABLE child", "DROP TABLE parent"));
      RevisionScript b =
          new RevisionScript(
              "b",
              List.of("a"),
              List.of(),
              List.of(),
              "Widen parent.name",
              "versions/b.java",
              (direction, kind) -> {
                Ops op = new Ops();
                op.alterColumn("parent", "name")
                    .type(ColumnType.varchar(direction == Direction.UPGRADE ? 50 : 10));
                return new MigrationPlan(
                    op.operations(), Optional.empty(), Revision.Transactional.AUTO);
              });
      Migrator m =
          Migrator.builder(RevisionGraph.of(List.of(a, b)))
              .url(db.url() + "?foreign_keys=true")
              .output(output::add)
              .build();

      assertThat(ids(m.upgrade("head"))).containsExactly("a", "b");
      assertThat(output).contains("Running upgrade a -> b, Widen parent.name (non-transactional)");
      assertThat(query(db, "SELECT COUNT(*) FROM child")).containsExactly("1");
      assertThat(m.currentRows()).containsExactly("b");
      assertThat(m.checksumMismatches()).as("checksum is stable without a connection").isEmpty();
      assertThat(ids(m.downgrade("a"))).containsExactly("b");
      assertThat(query(db, "SELECT COUNT(*) FROM child")).containsExactly("1");

      assertThatThrownBy(
              () ->
                  Migrator.builder(RevisionGraph.of(List.of(a, b)))
                      .databaseKind(DatabaseKind.SQLITE)
                      .build()
                      .upgradeSql("head"))
          .isInstanceOf(MigrateException.class)
          .hasMessageContaining("b");
    }
  }

  @Test
  void connectionErrorsNeverShowThePassword() {
    Migrator m =
        Migrator.builder(RevisionGraph.of(List.of(table("a"))))
            .url("jdbc:postgresql://127.0.0.1:1/app?user=bob&password=s3cret", "bob", "s3cret")
            .build();
    assertThatThrownBy(m::currentRows)
        .isInstanceOfSatisfying(MigrateException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
        .hasMessageStartingWith(
            "Database error on jdbc:postgresql://127.0.0.1:1/app?user=bob&password=***:")
        .message()
        .doesNotContain("s3cret");
  }

  @Test
  void longStatementsAreShortenedInMessages() {
    String sql = "INSERT INTO t VALUES " + "(1),".repeat(1000) + "(1)";
    String tail = " ... (" + (sql.length() - 2000) + " more characters)";
    assertThat(Migrator.shortened(sql)).isEqualTo(sql.substring(0, 2000) + tail);
    assertThat(Migrator.shortened("  SELECT 1 ")).isEqualTo("SELECT 1");
  }
}
