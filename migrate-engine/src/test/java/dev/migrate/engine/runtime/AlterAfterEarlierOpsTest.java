package dev.migrate.engine.runtime;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.runtime.TestRevisions.query;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An {@code alterColumn} that follows other operations of the same revision on that column sees
 * what they did. MySQL's MODIFY restates the whole column from its live definition, so that
 * definition is read when the operation runs, not when the revision is planned.
 */
class AlterAfterEarlierOpsTest {

  private static RevisionScript revision(String id, String down, Consumer<Ops> upgrade) {
    return new RevisionScript(
        id,
        down == null ? List.of() : List.of(down),
        List.of(),
        List.of(),
        "Revision " + id,
        id + ".java",
        (direction, database) -> {
          Ops op = new Ops(database);
          if (direction == Direction.UPGRADE) {
            upgrade.accept(op);
          }
          return new MigrationPlan(op.operations(), Optional.empty(), Revision.Transactional.AUTO);
        });
  }

  private static final RevisionScript CREATE =
      revision(
          "a",
          null,
          op ->
              op.createTable(
                  "t",
                  column("id", ColumnType.INTEGER).primaryKey(),
                  column("name", ColumnType.varchar(20))));

  private static void upgrade(TestDatabase db, Consumer<Ops> ops) {
    Migrator.builder(RevisionGraph.of(List.of(CREATE, revision("b", "a", ops))))
        .url(db.url())
        .output(line -> {})
        .build()
        .upgrade("head");
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "addColumn, then alterColumn of it",
            (Consumer<Ops>)
                op -> {
                  op.addColumn("t", column("status_id", ColumnType.INTEGER));
                  op.execute("UPDATE t SET status_id = 1");
                  op.alterColumn("t", "status_id").notNull();
                },
            "status_id NO int(11)"),
        Arguments.of(
            "alterColumn twice",
            (Consumer<Ops>)
                op -> {
                  op.alterColumn("t", "name").type(ColumnType.varchar(30));
                  op.alterColumn("t", "name").notNull();
                },
            "name NO varchar(30)"),
        Arguments.of(
            "a rename, then alterColumn by the new name",
            (Consumer<Ops>)
                op -> {
                  op.alterColumn("t", "name").rename("title");
                  op.alterColumn("t", "title").type(ColumnType.varchar(40)).notNull();
                },
            "title NO varchar(40)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void onMysqlTheLiveColumnIsReadWhenTheAlterRuns(String name, Consumer<Ops> ops, String expected)
      throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL)) {
      upgrade(db, ops);
      assertThat(query(db, describe(expected.substring(0, expected.indexOf(' ')))))
          .containsExactly(expected);
    }
  }

  /** A column that is not there when the alter runs fails that statement, naming the operation. */
  @Test
  void aMissingColumnFailsTheStatementThatRestatesIt() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL)) {
      assertThatThrownBy(
              () ->
                  upgrade(
                      db,
                      op -> {
                        op.addColumn("t", column("status_id", ColumnType.INTEGER));
                        op.alterColumn("t", "state_id").notNull();
                      }))
          .isInstanceOfSatisfying(
              RevisionFailedException.class,
              e -> {
                assertThat(e.statementIndex()).isEqualTo(2);
                assertThat(e.committedStatements()).isEqualTo(1);
              })
          .hasMessageContaining("alterColumn(\"t\", \"state_id\"): no such column");
    }
  }

  /** The same revisions work the same on every backend. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void everyBackendTakesTheSameRevision(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      upgrade(
          db,
          op -> {
            op.addColumn("t", column("status_id", ColumnType.INTEGER));
            op.execute("UPDATE t SET status_id = 1");
            op.alterColumn("t", "status_id").notNull();
            op.alterColumn("t", "name").type(ColumnType.varchar(30));
            op.alterColumn("t", "name").rename("title");
            op.alterColumn("t", "title").notNull();
          });
      TestRevisions.execute(db, "INSERT INTO t (id, status_id, title) VALUES (1, 1, 'x')");
      assertThat(query(db, "SELECT title FROM t WHERE id = 1 AND status_id = 1"))
          .containsExactly("x");
      assertThatThrownBy(
              () ->
                  TestRevisions.execute(
                      db, "INSERT INTO t (id, status_id, title) VALUES (2, 1, NULL)"))
          .as("title is NOT NULL")
          .isInstanceOf(java.sql.SQLException.class);
      assertThatThrownBy(
              () ->
                  TestRevisions.execute(
                      db, "INSERT INTO t (id, status_id, title) VALUES (3, NULL, 'y')"))
          .as("status_id is NOT NULL")
          .isInstanceOf(java.sql.SQLException.class);
    }
  }

  private static String describe(String column) {
    return "SELECT CONCAT(COLUMN_NAME, ' ', IS_NULLABLE, ' ', COLUMN_TYPE) FROM"
        + " information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' AND"
        + " COLUMN_NAME = '"
        + column
        + "'";
  }
}
