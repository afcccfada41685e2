package dev.migrate.engine.dialect;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.schema.ColumnType.INTEGER;
import static dev.migrate.engine.schema.ColumnType.TEXT;
import static dev.migrate.engine.schema.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.ops.ConstraintKind;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQLite "move and copy": operations its ALTER TABLE cannot do rebuild the table, and rows,
 * indexes, foreign keys in both directions, unique and check constraints, triggers and views
 * survive. Foreign keys are enforced throughout ({@code PRAGMA foreign_keys=ON}).
 */
class SqliteRecreateTest {
  private final Dialect dialect = Dialect.of(DatabaseKind.SQLITE);
  private TestDatabase db;
  private Connection connection;
  private Schema s;

  @BeforeEach
  void createSchema() throws SQLException {
    db = TestDatabases.create(DatabaseKind.SQLITE);
    connection = db.connect();
    s = new Schema(connection, dialect);
    s.sql("PRAGMA foreign_keys=ON");
    s.sql("CREATE TABLE person (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE)");
    s.sql(
        "CREATE TABLE task (\n"
            + "  id INTEGER PRIMARY KEY,\n"
            + "  title VARCHAR(200) NOT NULL DEFAULT 'untitled',\n"
            + "  price NUMERIC(10, 2) CHECK (price >= 0), -- unnamed, inline\n"
            + "  owner_id INTEGER CONSTRAINT fk_task_owner REFERENCES person (id) ON DELETE CASCADE,\n"
            + "  code TEXT,\n"
            + "  note TEXT,\n"
            + "  created TEXT DEFAULT (datetime('now')),\n"
            + "  CONSTRAINT uq_task_code UNIQUE (code),\n"
            + "  CONSTRAINT \"ck task title\" CHECK (length(title) > 0))");
    s.sql("CREATE INDEX ix_task_note ON task (note)");
    s.sql(
        "CREATE TABLE comment (id INTEGER PRIMARY KEY,"
            + " task_id INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE, body TEXT)");
    s.sql("CREATE TABLE audit (msg TEXT)");
    s.sql(
        "CREATE TRIGGER task_audit AFTER INSERT ON task BEGIN INSERT INTO audit VALUES"
            + " (new.title); END");
    s.sql("CREATE VIEW open_task AS SELECT id, title FROM task");
    s.sql("INSERT INTO person (email) VALUES ('a@x'), ('b@x')");
    s.sql(
        "INSERT INTO task (id, title, price, owner_id, code, note) VALUES"
            + " (1, 'one', 1.5, 1, 'c1', 'n1'), (2, 'two', 0, 2, 'c2', 'n2'),"
            + " (3, 'three', NULL, NULL, NULL, NULL)");
    s.sql("INSERT INTO comment (task_id, body) VALUES (1, 'x'), (1, 'y'), (2, 'z')");
    s.sql("DELETE FROM audit");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
    db.close();
  }

  /** What every recreate of task must keep. */
  private void assertTaskIntact(boolean noteIndexKept) throws SQLException {
    assertThat(s.count("person")).isEqualTo(2);
    assertThat(s.count("task")).isEqualTo(3);
    assertThat(s.count("comment")).as("rows referencing task").isEqualTo(3);
    assertThat(s.rows("SELECT id, title, owner_id, code FROM task ORDER BY id").toString())
        .isEqualTo("[[1, one, 1, c1], [2, two, 2, c2], [3, three, null, null]]");
    assertThat(s.rows("PRAGMA foreign_key_check")).isEmpty();
    assertThat(s.rows("PRAGMA foreign_keys").get(0).get(0)).isEqualTo(1);
    assertThat(s.rows("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '_migrate%'").toString())
        .isEqualTo("[[0]]");
    // foreign keys out of and into the table
    assertThat(s.foreignKeys("task")).contains("owner_id->person.id");
    assertThat(
            s.rows(
                    "SELECT on_delete FROM pragma_foreign_key_list('task') WHERE \"from\" = 'owner_id'")
                .toString())
        .isEqualTo("[[CASCADE]]");
    assertThat(s.foreignKeys("comment")).containsExactly("task_id->task.id");
    assertThat(s.fails("INSERT INTO task (id, title, owner_id) VALUES (9, 'bad', 99)")).isTrue();
    assertThat(s.fails("INSERT INTO comment (task_id) VALUES (99)")).isTrue();
    // unique and check constraints, named or not; the constraint names are kept
    assertThat(s.fails("INSERT INTO task (id, title, code) VALUES (9, 'dup', 'c1')")).isTrue();
    assertThat(s.fails("INSERT INTO task (id, title, price) VALUES (9, 'neg', -1)")).isTrue();
    assertThat(s.fails("INSERT INTO task (id, title) VALUES (9, '')")).isTrue();
    String sql = (String) s.rows("SELECT sql FROM sqlite_master WHERE name = 'task'").get(0).get(0);
    assertThat(sql).contains("fk_task_owner", "uq_task_code", "\"ck task title\"");
    // indexes, triggers, views and defaults
    assertThat(s.indexes("task").containsKey("ix_task_note")).isEqualTo(noteIndexKept);
    s.sql("INSERT INTO task (id, title) VALUES (10, 'fresh')");
    assertThat(s.rows("SELECT msg FROM audit").toString()).isEqualTo("[[fresh]]");
    assertThat(s.rows("SELECT created IS NOT NULL FROM task WHERE id = 10").toString())
        .isEqualTo("[[1]]");
    assertThat(s.count("open_task")).isEqualTo(4);
  }

  @Test
  void alterColumnKeepsRowsIndexesKeysAndChecks() throws SQLException {
    Ops ops = new Ops();
    ops.alterColumn("task", "title").type(varchar(300)).nullable(true);
    List<String> run = s.apply(ops);
    assertThat(run)
        .contains("ALTER TABLE _migrate_tmp_task RENAME TO task", "PRAGMA foreign_keys=OFF");
    Schema.Col title = s.columns("task").get("title");
    assertThat(title.type()).isEqualTo("VARCHAR");
    assertThat(title.size()).isEqualTo(300);
    assertThat(title.nullable()).isTrue();
    assertThat(title.defaultValue()).isEqualTo("'untitled'");
    assertTaskIntact(true);
  }

  @Test
  void addForeignKeyKeepsEverythingAndEnforcesTheNewKey() throws SQLException {
    s.apply(new Ops().addColumn("task", column("reviewer_id", INTEGER)));
    s.sql("UPDATE task SET reviewer_id = 2 WHERE id = 1");
    s.apply(new Ops().createForeignKey("fk_task_reviewer", "task", "reviewer_id", "person", "id"));
    assertThat(s.foreignKeys("task"))
        .containsExactly("owner_id->person.id", "reviewer_id->person.id");
    assertThat(s.fails("UPDATE task SET reviewer_id = 42 WHERE id = 2")).isTrue();
    assertTaskIntact(true);
  }

  @Test
  void addForeignKeyOverViolatingRowsOfAnUnreferencedTableFailsOnTheCopy() throws SQLException {
    s.sql("CREATE TABLE review (id INTEGER PRIMARY KEY, person_id INTEGER)");
    s.sql("INSERT INTO review VALUES (1, 1), (2, 42)");
    connection.setAutoCommit(false);
    assertThatThrownBy(
            () ->
                s.apply(
                    new Ops()
                        .createForeignKey(
                            "fk_review_person", "review", "person_id", "person", "id")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("FOREIGN KEY constraint failed");
    connection.rollback();
    connection.setAutoCommit(true);
    assertThat(s.foreignKeys("review")).isEmpty();
    assertThat(s.count("review")).isEqualTo(2);
  }

  @Test
  void addForeignKeyOverViolatingRowsOfAReferencedTableFailsTheForeignKeyCheck()
      throws SQLException {
    s.apply(new Ops().addColumn("task", column("reviewer_id", INTEGER)));
    s.sql("UPDATE task SET reviewer_id = 42 WHERE id = 1");
    Ops ops = new Ops().createForeignKey("fk_task_reviewer", "task", "reviewer_id", "person", "id");
    assertThatThrownBy(() -> runLikeTheRuntime(ops))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("foreign keys of task violated after recreating task");
    connection.rollback();
    connection.setAutoCommit(true);
    // the failed step left enforcement off on this connection; a runtime closes it
    s.sql("PRAGMA foreign_keys=ON");
    assertThat(s.foreignKeys("task")).containsExactly("owner_id->person.id");
    s.sql("UPDATE task SET reviewer_id = NULL");
    assertTaskIntact(true);
  }

  @Test
  void dropIndexedColumnRecreatesAndDropsItsIndex() throws SQLException {
    List<String> run = s.apply(new Ops().dropColumn("task", "note"));
    assertThat(run).contains("DROP TABLE task");
    assertThat(s.columns("task")).doesNotContainKey("note");
    assertTaskIntact(false);
  }

  @Test
  void dropPlainColumnUsesAlterTable() throws SQLException {
    s.sql("ALTER TABLE task ADD COLUMN spare TEXT");
    assertThat(s.apply(new Ops().dropColumn("task", "spare")))
        .containsExactly("ALTER TABLE task DROP COLUMN spare");
    assertTaskIntact(true);
  }

  @Test
  void dropNamedConstraints() throws SQLException {
    s.apply(new Ops().dropConstraint("ck task title", "task", ConstraintKind.CHECK));
    s.sql("INSERT INTO task (id, title) VALUES (20, '')");
    s.apply(new Ops().dropConstraint("uq_task_code", "task", ConstraintKind.UNIQUE));
    s.sql("INSERT INTO task (id, title, code) VALUES (21, 'dup', 'c1')");
    s.apply(new Ops().dropConstraint("fk_task_owner", "task", ConstraintKind.FOREIGN_KEY));
    assertThat(s.foreignKeys("task")).isEmpty();
    assertThat(s.foreignKeys("comment")).containsExactly("task_id->task.id");
    assertThat(s.count("comment")).isEqualTo(3);
    assertThat(s.fails("INSERT INTO task (id, title, price) VALUES (22, 'neg', -1)")).isTrue();
    assertThat(s.rows("PRAGMA foreign_key_check")).isEmpty();
  }

  @Test
  void droppingAnUnknownConstraintNamesTheKnownOnes() {
    assertThatThrownBy(
            () -> s.apply(new Ops().dropConstraint("nope", "task", ConstraintKind.CHECK)))
        .isInstanceOf(MigrateException.class)
        .hasMessage(
            "dropConstraint(\"nope\", \"task\"): table \"task\" has no check constraint named"
                + " \"nope\" (named ones: ck task title); unnamed constraints cannot be dropped by"
                + " name");
  }

  @Test
  void addUniqueCheckAndPrimaryKey() throws SQLException {
    s.sql("CREATE TABLE tag (name TEXT NOT NULL, weight INTEGER)");
    s.sql("INSERT INTO tag VALUES ('a', 1), ('b', 2)");
    s.apply(
        new Ops()
            .createPrimaryKey("pk_tag", "tag", "name")
            .createUniqueConstraint("uq_tag_weight", "tag", "weight")
            .createCheckConstraint("ck_tag_weight", "tag", "weight < 10"));
    assertThat(s.primaryKey("tag")).containsExactly("name");
    assertThat(s.fails("INSERT INTO tag VALUES ('a', 3)")).isTrue();
    assertThat(s.fails("INSERT INTO tag VALUES ('c', 2)")).isTrue();
    assertThat(s.fails("INSERT INTO tag VALUES ('c', 11)")).isTrue();
    assertThat(s.count("tag")).isEqualTo(2);
    String sql = (String) s.rows("SELECT sql FROM sqlite_master WHERE name = 'tag'").get(0).get(0);
    assertThat(sql).contains("pk_tag", "uq_tag_weight", "ck_tag_weight");
  }

  @Test
  void addColumnThatAlterTableRefusesIsRecreated() throws SQLException {
    s.apply(new Ops().addColumn("task", column("slug", TEXT).unique()));
    s.sql("UPDATE task SET slug = 's' || id");
    assertThat(s.fails("UPDATE task SET slug = 's1' WHERE id = 2")).isTrue();
    assertTaskIntact(true);
  }

  @Test
  void generatedColumnsAndCollationsSurviveRecreate() throws SQLException {
    s.sql(
        "CREATE TABLE g (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE NOT NULL,"
            + " doubled INT GENERATED ALWAYS AS (id * 2) STORED, label TEXT AS (upper(name)),"
            + " note TEXT)");
    s.sql("INSERT INTO g (id, name, note) VALUES (1, 'alice', 'x'), (2, 'Bob', NULL)");
    Ops ops = new Ops();
    ops.alterColumn("g", "note").type(varchar(50));
    s.apply(ops);

    assertThat(s.rows("SELECT name, hidden FROM pragma_table_xinfo('g') WHERE hidden > 0"))
        .hasToString("[[doubled, 3], [label, 2]]");
    assertThat(s.rows("SELECT id, doubled, label, note FROM g ORDER BY id"))
        .hasToString("[[1, 2, ALICE, x], [2, 4, BOB, null]]");
    assertThat(s.rows("SELECT id FROM g WHERE name = 'ALICE'"))
        .as("name keeps COLLATE NOCASE")
        .hasToString("[[1]]");
    s.sql("INSERT INTO g (id, name) VALUES (3, 'carol')");
    assertThat(s.rows("SELECT doubled, label FROM g WHERE id = 3")).hasToString("[[6, CAROL]]");
    assertThat(s.fails("INSERT INTO g (id, name) VALUES (4, NULL)")).isTrue();
  }

  @Test
  void autoincrementHighWaterMarkSurvivesRecreate() throws SQLException {
    s.sql("INSERT INTO person (email) VALUES ('c@x')");
    s.sql("DELETE FROM person WHERE email = 'c@x'");
    Ops ops = new Ops();
    ops.alterColumn("person", "email").type(varchar(120));
    s.apply(ops);

    s.sql("INSERT INTO person (email) VALUES ('d@x')");
    assertThat(s.rows("SELECT id FROM person WHERE email = 'd@x'"))
        .as("the deleted id 3 is not handed out again")
        .hasToString("[[4]]");
    s.sql("DELETE FROM person WHERE email = 'd@x'");
    assertTaskIntact(true);
  }

  @Test
  void quotedColumnsNamedLikeKeywordsSurviveRecreate() throws SQLException {
    s.sql(
        "CREATE TABLE k (id INTEGER PRIMARY KEY, \"check\" INTEGER, \"foreign\" TEXT,"
            + " \"constraint\" TEXT UNIQUE, CHECK (\"check\" > 0))");
    s.sql("INSERT INTO k VALUES (1, 5, 'f', 'c')");
    Ops ops = new Ops();
    ops.alterColumn("k", "foreign").type(varchar(10));
    s.apply(ops);

    assertThat(s.rows("SELECT id, \"check\", \"foreign\", \"constraint\" FROM k"))
        .hasToString("[[1, 5, f, c]]");
    assertThat(s.columns("k").get("foreign").type()).isEqualTo("VARCHAR");
    assertThat(s.fails("INSERT INTO k VALUES (2, 0, 'g', 'd')")).as("the check").isTrue();
    assertThat(s.fails("INSERT INTO k VALUES (3, 1, 'h', 'c')")).as("the unique").isTrue();
  }

  @Test
  void autoincrementSurvivesRecreate() throws SQLException {
    Ops ops = new Ops();
    ops.alterColumn("person", "email").type(varchar(120));
    s.apply(ops);
    String sql =
        (String) s.rows("SELECT sql FROM sqlite_master WHERE name = 'person'").get(0).get(0);
    assertThat(sql).contains("AUTOINCREMENT");
    s.sql("INSERT INTO person (email) VALUES ('c@x')");
    assertThat(s.rows("SELECT id FROM person WHERE email = 'c@x'").toString()).isEqualTo("[[3]]");
    assertThat(s.fails("INSERT INTO person (email) VALUES ('a@x')")).isTrue();
    s.sql("DELETE FROM person WHERE email = 'c@x'");
    assertTaskIntact(true);
  }

  @Test
  void inATransactionTheRuntimeRunsForeignKeyPragmasOnTheirOwn() throws SQLException {
    Ops ops = new Ops();
    ops.alterColumn("task", "code").type(varchar(10));
    runLikeTheRuntime(ops);
    connection.commit();
    connection.setAutoCommit(true);
    assertThat(s.columns("task").get("code").type()).isEqualTo("VARCHAR");
    assertTaskIntact(true);
  }

  @Test
  void inATransactionWithForeignKeysStillOnTheRecreateStopsInsteadOfDeletingRows()
      throws SQLException {
    Ops ops = new Ops();
    ops.alterColumn("task", "code").type(varchar(10));
    connection.setAutoCommit(false);
    assertThatThrownBy(() -> s.apply(ops))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(
            "PRAGMA foreign_keys=OFF did not take effect because a transaction was open");
    connection.rollback();
    connection.setAutoCommit(true);
    assertTaskIntact(true);
  }

  @Test
  void withoutForeignKeyEnforcementNoPragmasAreNeeded() throws SQLException {
    s.sql("PRAGMA foreign_keys=OFF");
    Ops ops = new Ops();
    ops.alterColumn("task", "title").defaultValue("'new'");
    List<String> run = s.apply(ops);
    assertThat(run).noneMatch(sql -> sql.startsWith("PRAGMA foreign_keys"));
    s.sql("PRAGMA foreign_keys=ON");
    assertThat(s.columns("task").get("title").defaultValue()).isEqualTo("'new'");
    assertThat(s.count("comment")).isEqualTo(3);
    assertThat(s.rows("PRAGMA foreign_key_check")).isEmpty();
  }

  @Test
  void missingTableOrColumnIsABadInputError() {
    Ops table = new Ops();
    table.alterColumn("nope", "x").notNull();
    assertThatThrownBy(() -> s.apply(table))
        .isInstanceOf(MigrateException.class)
        .hasMessage("alterColumn(\"nope\", \"x\"): table \"nope\" does not exist");
    Ops column = new Ops();
    column.alterColumn("task", "nope").notNull();
    assertThatThrownBy(() -> s.apply(column))
        .isInstanceOf(MigrateException.class)
        .hasMessage("alterColumn(\"task\", \"nope\"): table \"task\" has no column \"nope\"");
  }

  @Test
  void tableOptionsAndSelfReferencesSurvive() throws SQLException {
    s.sql(
        "CREATE TABLE node (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES node (id),"
            + " label TEXT) WITHOUT ROWID");
    s.sql("INSERT INTO node VALUES (1, NULL, 'root'), (2, 1, 'leaf')");
    Ops ops = new Ops();
    ops.alterColumn("node", "label").notNull();
    s.apply(ops);
    String sql = (String) s.rows("SELECT sql FROM sqlite_master WHERE name = 'node'").get(0).get(0);
    assertThat(sql).endsWith("WITHOUT ROWID");
    assertThat(s.foreignKeys("node")).containsExactly("parent_id->node.id");
    assertThat(s.count("node")).isEqualTo(2);
    assertThat(s.fails("INSERT INTO node VALUES (3, 99, 'orphan')")).isTrue();
    assertThat(s.fails("INSERT INTO node VALUES (3, 1, NULL)")).isTrue();
    assertThat(s.rows("PRAGMA foreign_key_check")).isEmpty();
  }

  @Test
  void operationsRenderedTogetherBeforeAnyRunsBuildOnEachOther() throws SQLException {
    Ops ops = new Ops();
    ops.alterColumn("task", "title").type(varchar(300));
    ops.addColumn("task", column("reviewer_id", INTEGER));
    ops.createForeignKey("fk_task_reviewer", "task", "reviewer_id", "person", "id");
    ops.alterColumn("task", "code").type(varchar(10));
    ops.createIndex("ix_task_reviewer", "task", "reviewer_id");
    ops.alterColumn("task", "note").defaultValue("'-'");
    // Render every operation first, as a runtime that decides the transaction mode up front does.
    List<String> statements = new java.util.ArrayList<>();
    for (Operation operation : ops.operations()) {
      statements.addAll(dialect.render(operation, connection));
    }
    assertThat(s.columns("task")).doesNotContainKey("reviewer_id");
    connection.setAutoCommit(false);
    for (String sql : statements) {
      if (dialect.requiresNoTransaction(sql)) {
        connection.commit();
        connection.setAutoCommit(true);
        run(sql);
        connection.setAutoCommit(false);
      } else {
        run(sql);
      }
    }
    connection.commit();
    connection.setAutoCommit(true);
    assertThat(s.columns("task").get("title").size()).isEqualTo(300);
    assertThat(s.columns("task").get("code").size()).isEqualTo(10);
    assertThat(s.columns("task").get("note").defaultValue()).isEqualTo("'-'");
    assertThat(s.foreignKeys("task"))
        .containsExactly("owner_id->person.id", "reviewer_id->person.id");
    assertThat(s.indexes("task")).containsKey("ix_task_reviewer");
    assertTaskIntact(true);
  }

  @Test
  void rowsWrittenBetweenRenderingsAreNotReplayed() throws SQLException {
    s.apply(new Ops().bulkInsert("person", List.of("id", "email"), List.of(List.of(7, "g@x"))));
    Ops ops = new Ops();
    ops.alterColumn("person", "email").type(varchar(50));
    s.apply(ops);
    assertThat(s.rows("SELECT email FROM person WHERE id = 7").toString()).isEqualTo("[[g@x]]");
    s.sql("DELETE FROM person WHERE id = 7");
    assertTaskIntact(true);
  }

  /**
   * Runs in a transaction as the runtime does, committing around each statement that {@link
   * Dialect#requiresNoTransaction} names; leaves the last transaction open.
   */
  private void runLikeTheRuntime(Ops ops) throws SQLException {
    connection.setAutoCommit(false);
    for (Operation operation : ops.operations()) {
      for (String sql : dialect.render(operation, connection)) {
        if (dialect.requiresNoTransaction(sql)) {
          connection.commit();
          connection.setAutoCommit(true);
          run(sql);
          connection.setAutoCommit(false);
        } else {
          run(sql);
        }
      }
    }
  }

  private void run(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
