package dev.migrate.engine.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MySQL's MODIFY restates the whole column: alterColumn keeps what it does not change (comment,
 * character set and collation, ON UPDATE, generated expression, INVISIBLE, AUTO_INCREMENT), read
 * from the live column also when {@code .existing(...)} is given.
 */
class MySqlAlterColumnTest {
  private static final Dialect MY = Dialect.of(DatabaseKind.MYSQL);
  private static final String COMMENT = "it's a \\ comment";

  private static final String CREATE =
      "CREATE TABLE p ("
          + "id INT AUTO_INCREMENT PRIMARY KEY COMMENT 'the id',"
          + " name VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL DEFAULT 'x',"
          + " up TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
          + " ON UPDATE CURRENT_TIMESTAMP(3),"
          + " g INT AS (id * 2) VIRTUAL,"
          + " s VARCHAR(40) AS (CONCAT(name, '!')) STORED,"
          + " h INT INVISIBLE DEFAULT 5)";

  /** Each column of p as information_schema describes it, in one line. */
  private static String describe(Schema schema) throws Exception {
    return describe(schema, "p");
  }

  private static String describe(Schema schema, String table) throws Exception {
    return schema
        .rows(
            "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COALESCE(COLUMN_DEFAULT, '-'), EXTRA,"
                + " COALESCE(COLLATION_NAME, '-'), COLUMN_COMMENT,"
                + " COALESCE(GENERATION_EXPRESSION, '-') FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '"
                + table
                + "' ORDER BY ORDINAL_POSITION")
        .stream()
        .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining("|")))
        .collect(Collectors.joining("\n"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void modifyKeepsWhatItDoesNotChange(boolean noBackslashEscapes) throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL);
        Connection connection =
            DriverManager.getConnection(
                noBackslashEscapes
                    ? db.url() + "&sessionVariables=sql_mode='NO_BACKSLASH_ESCAPES'"
                    : db.url())) {
      Schema schema = new Schema(connection, MY);
      schema.sql(CREATE);
      schema.sql(
          "ALTER TABLE p MODIFY name VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL"
              + " DEFAULT 'x' COMMENT "
              + (noBackslashEscapes ? "'it''s a \\ comment'" : "'it''s a \\\\ comment'"));
      Ops ops = new Ops();
      ops.alterColumn("p", "id").type(ColumnType.BIGINT).existing(ColumnType.INTEGER, false, null);
      ops.alterColumn("p", "name").type(ColumnType.varchar(30));
      ops.alterColumn("p", "up").type(ColumnType.timestampTz(3));
      ops.alterColumn("p", "g").type(ColumnType.BIGINT);
      ops.alterColumn("p", "s").type(ColumnType.varchar(50));
      ops.alterColumn("p", "h").type(ColumnType.BIGINT).existing(ColumnType.INTEGER, true, "5");
      schema.apply(ops);

      // MariaDB gives a generated column's COLUMN_DEFAULT as the text NULL
      assertThat(describe(schema))
          .isEqualTo(
              String.join(
                  "\n",
                  "id|bigint(20)|NO|-|auto_increment|-|the id|-",
                  "name|varchar(30)|NO|'x'||latin1_bin|" + COMMENT + "|-",
                  "up|timestamp(3)|NO|current_timestamp(3)|on update current_timestamp(3)|-||-",
                  "g|bigint(20)|YES|NULL|VIRTUAL GENERATED|-||`id` * 2",
                  "s|varchar(50)|YES|NULL|STORED GENERATED|utf8mb4_general_ci||"
                      + "concat(`name`,'!')",
                  "h|bigint(20)|YES|5|INVISIBLE|-||-"));
      schema.sql("INSERT INTO p (name) VALUES ('a')");
      assertThat(schema.rows("SELECT id, s, h FROM p")).containsExactly(List.of(1L, "a!", 5L));
    }
  }

  /** MariaDB keeps a column's own CHECK (JSON's json_valid among them) in its definition. */
  @Test
  void modifyKeepsMariaDbColumnChecks() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL);
        Connection connection = db.connect()) {
      assumeMariaDb(connection);
      Schema schema = new Schema(connection, MY);
      schema.sql("CREATE TABLE j (id INT PRIMARY KEY, d JSON, n INT CHECK (n > 0))");
      Ops ops = new Ops();
      ops.alterColumn("j", "d").notNull();
      ops.alterColumn("j", "n").type(ColumnType.BIGINT);
      schema.apply(ops);
      schema.sql("INSERT INTO j VALUES (1, '{}', 1)");
      assertThatThrownBy(() -> schema.sql("INSERT INTO j VALUES (2, '{}', -1)"))
          .hasMessageContaining("CONSTRAINT `j.n` failed");
      assertThatThrownBy(() -> schema.sql("INSERT INTO j VALUES (3, 'not json', 1)"))
          .hasMessageContaining("CONSTRAINT `j.d` failed");
    }
  }

  /** A rename with a change is CHANGE COLUMN, which restates the column as MODIFY does. */
  @Test
  void changeWithARenameKeepsWhatModifyKeeps() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL);
        Connection connection = db.connect()) {
      Schema schema = new Schema(connection, MY);
      schema.sql(
          "CREATE TABLE r ("
              + "id INT AUTO_INCREMENT PRIMARY KEY COMMENT 'the id',"
              + " name VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL DEFAULT 'x'"
              + " COMMENT 'the name',"
              + " up TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
              + " ON UPDATE CURRENT_TIMESTAMP(3),"
              + " g INT AS (1 + 1) VIRTUAL,"
              + " h INT INVISIBLE DEFAULT 5)");
      Ops ops = new Ops();
      ops.alterColumn("r", "id").type(ColumnType.BIGINT).rename("rid");
      ops.alterColumn("r", "name").type(ColumnType.varchar(30)).rename("label");
      ops.alterColumn("r", "up").type(ColumnType.timestampTz(3)).rename("touched");
      ops.alterColumn("r", "g").type(ColumnType.BIGINT).rename("two");
      ops.alterColumn("r", "h").type(ColumnType.BIGINT).rename("hidden");
      schema.apply(ops);

      assertThat(describe(schema, "r"))
          .isEqualTo(
              String.join(
                  "\n",
                  "rid|bigint(20)|NO|-|auto_increment|-|the id|-",
                  "label|varchar(30)|NO|'x'||latin1_bin|the name|-",
                  "touched|timestamp(3)|NO|current_timestamp(3)|on update current_timestamp(3)|-||-",
                  "two|bigint(20)|YES|NULL|VIRTUAL GENERATED|-||1 + 1",
                  "hidden|bigint(20)|YES|5|INVISIBLE|-||-"));
      schema.sql("INSERT INTO r (label) VALUES ('a')");
      assertThat(schema.rows("SELECT rid, two, hidden FROM r"))
          .containsExactly(List.of(1L, 2L, 5L));
    }
  }

  /** Renamed, a MariaDB column keeps its own checks, now over its new name. */
  @Test
  void changeWithARenameKeepsMariaDbColumnChecks() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL);
        Connection connection = db.connect()) {
      assumeMariaDb(connection);
      Schema schema = new Schema(connection, MY);
      schema.sql("CREATE TABLE j (id INT PRIMARY KEY, d JSON, n INT CHECK (n > 0 AND n <> 7))");
      Ops ops = new Ops();
      ops.alterColumn("j", "d").notNull().rename("doc");
      ops.alterColumn("j", "n").type(ColumnType.BIGINT).rename("num");
      schema.apply(ops);
      schema.sql("INSERT INTO j VALUES (1, '{}', 1)");
      assertThatThrownBy(() -> schema.sql("INSERT INTO j VALUES (2, '{}', -1)"))
          .hasMessageContaining("CONSTRAINT `j.num` failed");
      assertThatThrownBy(() -> schema.sql("INSERT INTO j VALUES (3, 'not json', 1)"))
          .hasMessageContaining("CONSTRAINT `j.doc` failed");
    }
  }

  @Test
  void offlineModifyNeedsTheRestOfTheColumnStated() throws Exception {
    Ops ops = new Ops();
    ops.alterColumn("p", "id").type(ColumnType.BIGINT).existing(ColumnType.INTEGER, false, null);
    assertThatThrownBy(() -> MY.render(ops.operations().get(0), null))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("alterColumn(\"p\", \"id\")")
        .hasMessageContaining(".existingAttributes(");
    // a revision applied before this was refused hashes the statement it rendered then
    assertThat(MY.checksumText(ops.operations().get(0)))
        .containsExactly("ALTER TABLE p MODIFY COLUMN id BIGINT NOT NULL");

    Ops stated = new Ops();
    stated
        .alterColumn("p", "id")
        .type(ColumnType.BIGINT)
        .existing(ColumnType.INTEGER, false, null)
        .existingAttributes("AUTO_INCREMENT COMMENT 'the id'");
    assertThat(MY.render(stated.operations().get(0), null))
        .containsExactly(
            "ALTER TABLE p MODIFY COLUMN id BIGINT NOT NULL AUTO_INCREMENT COMMENT 'the id'");
  }

  private static void assumeMariaDb(Connection connection) throws java.sql.SQLException {
    Assumptions.assumeTrue(
        connection.getMetaData().getDatabaseProductVersion().contains("MariaDB"),
        "column-level checks are MariaDB's");
  }
}
