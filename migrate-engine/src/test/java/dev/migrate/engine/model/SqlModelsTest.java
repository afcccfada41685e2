package dev.migrate.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqlModelsTest {
  @TempDir Path dir;

  private static final String SECTIONS =
      """
      -- The schema the application expects.

      -- migrate:models postgresql
      CREATE TABLE task (id BIGSERIAL PRIMARY KEY, body TEXT);
      CREATE INDEX ix_task_body ON task (body);
      -- migrate:models mysql sqlite
      CREATE TABLE task (id BIGINT PRIMARY KEY, body TEXT);
      """;

  private static void assertBadInput(Runnable action, String message) {
    assertThatThrownBy(action::run)
        .isInstanceOf(MigrateException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((MigrateException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void fileWithoutSectionsIsOneBodyForAll() {
    String text = "-- models\nCREATE TABLE a (id INT);\n\nCREATE TABLE b (id INT);\n";
    for (DatabaseKind kind : DatabaseKind.values()) {
      assertThat(SqlModels.parse(text, "m.sql", kind))
          .containsExactly("-- models\nCREATE TABLE a (id INT)", "CREATE TABLE b (id INT)");
    }
  }

  @Test
  void sectionsAreChosenByDatabase() {
    assertThat(SqlModels.parse(SECTIONS, "m.sql", DatabaseKind.POSTGRESQL))
        .containsExactly(
            "CREATE TABLE task (id BIGSERIAL PRIMARY KEY, body TEXT)",
            "CREATE INDEX ix_task_body ON task (body)");
    assertThat(SqlModels.parse(SECTIONS, "m.sql", DatabaseKind.MYSQL))
        .containsExactly("CREATE TABLE task (id BIGINT PRIMARY KEY, body TEXT)");
    assertThat(SqlModels.parse(SECTIONS, "m.sql", DatabaseKind.SQLITE))
        .containsExactly("CREATE TABLE task (id BIGINT PRIMARY KEY, body TEXT)");
  }

  @Test
  void readsTheFileWithBomAndCrlf() throws IOException {
    Path file = dir.resolve("models.sql");
    Files.write(
        file,
        ("\uFEFF-- migrate:models sqlite\r\nCREATE TABLE a (id INT);\r\n")
            .getBytes(StandardCharsets.UTF_8));

    assertThat(SqlModels.statements(file, DatabaseKind.SQLITE))
        .containsExactly("CREATE TABLE a (id INT)");
  }

  @Test
  void errorsNameTheFileAndLine() {
    assertBadInput(
        () ->
            SqlModels.parse(
                "CREATE TABLE a (id INT);\n-- migrate:models sqlite\n",
                "m.sql",
                DatabaseKind.SQLITE),
        "m.sql:1: SQL before the first '-- migrate:models' section; move it into a section (only"
            + " comments may come first)");
    assertBadInput(
        () -> SqlModels.parse("-- migrate:up\nSELECT 1;\n", "m.sql", DatabaseKind.SQLITE),
        "m.sql:1: unknown directive '-- migrate:up'; a models file has only '-- migrate:models"
            + " <database>...' sections");
    assertBadInput(
        () -> SqlModels.parse("\n-- migrate:models oracle\n", "m.sql", DatabaseKind.SQLITE),
        "m.sql:2: unknown database 'oracle'; expected postgresql, mysql or sqlite");
    assertBadInput(
        () -> SqlModels.parse("-- migrate:models\n", "m.sql", DatabaseKind.SQLITE),
        "m.sql:1: '-- migrate:models' needs the databases it is for: postgresql, mysql or"
            + " sqlite");
    assertBadInput(
        () ->
            SqlModels.parse(
                "-- migrate:models sqlite\nSELECT 1;\n-- migrate:models mysql SQLite\n",
                "m.sql",
                DatabaseKind.SQLITE),
        "m.sql:3: second section for sqlite (the first is at line 1); keep one");
    assertBadInput(
        () -> SqlModels.parse(SECTIONS.replace(" sqlite", ""), "m.sql", DatabaseKind.SQLITE),
        "m.sql:3: no '-- migrate:models' section for sqlite; add one (sections: [postgresql,"
            + " mysql])");
    assertBadInput(
        () ->
            SqlModels.parse(
                "-- migrate:models sqlite\n-- nothing\n-- migrate:models mysql\nSELECT 1;\n",
                "m.sql",
                DatabaseKind.SQLITE),
        "m.sql:1: no SQL statements for sqlite; add the CREATE TABLEs");
    assertBadInput(
        () -> SqlModels.parse("  \n-- only a comment\n", "m.sql", DatabaseKind.MYSQL),
        "m.sql:1: no SQL statements for mysql; add the CREATE TABLEs");
  }

  @Test
  void splitterErrorsCountLinesFromTheSection() {
    assertThatThrownBy(
            () ->
                SqlModels.parse(
                    "-- migrate:models mysql\nSELECT 1;\n-- migrate:models sqlite\n\nSELECT 'open;\n",
                    "m.sql",
                    DatabaseKind.SQLITE))
        .isInstanceOf(MigrateException.class)
        .hasMessageStartingWith("m.sql:5: unterminated string");
  }

  @Test
  void missingFileSaysSo() {
    Path file = dir.resolve("nope.sql");
    assertThatThrownBy(() -> SqlModels.statements(file, DatabaseKind.SQLITE))
        .isInstanceOf(MigrateException.class)
        .hasMessageStartingWith("Cannot read models file " + file);
  }

  /** Table and column names and types as JDBC metadata reports them, enough to see what ran. */
  static Schema tablesOf(Connection connection) {
    try {
      DatabaseMetaData meta = connection.getMetaData();
      List<Schema.Table> tables = new ArrayList<>();
      try (ResultSet rs =
          meta.getTables(
              connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME");
          List<Schema.Column> columns = new ArrayList<>();
          try (ResultSet cols =
              meta.getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
            while (cols.next()) {
              columns.add(
                  new Schema.Column(
                      cols.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                      ColumnType.custom(cols.getString("TYPE_NAME").toLowerCase(Locale.ROOT)),
                      true,
                      null,
                      false));
            }
          }
          tables.add(
              new Schema.Table(
                  table.toLowerCase(Locale.ROOT),
                  columns,
                  null,
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of()));
        }
      }
      return new Schema(tables);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void appliesTheSectionToAScratchDatabaseAndReadsItBack(DatabaseKind kind) throws Exception {
    Path file = dir.resolve("models.sql");
    Files.writeString(
        file,
        """
        -- migrate:models postgresql
        CREATE TABLE person (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL);
        CREATE TABLE task (id BIGINT PRIMARY KEY, owner_id BIGINT REFERENCES person (id));
        -- migrate:models mysql sqlite
        CREATE TABLE person (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL);
        CREATE TABLE task (id BIGINT PRIMARY KEY, owner_id BIGINT, FOREIGN KEY (owner_id) REFERENCES person (id));
        """);
    try (TestDatabase db = TestDatabases.create(kind)) {
      String[] scratchName = new String[1];
      Function<Connection, Schema> reader =
          connection -> {
            scratchName[0] = scratchName(kind, connection);
            return tablesOf(connection);
          };

      Schema schema = SqlModels.load(file, kind, db.url(), null, null, reader);

      assertThat(schema.tables()).extracting(Schema.Table::name).containsExactly("person", "task");
      assertThat(schema.table("task").orElseThrow().columns())
          .extracting(Schema.Column::name)
          .containsExactly("id", "owner_id");
      if (kind != DatabaseKind.SQLITE) {
        assertThat(scratchName[0]).startsWith("migrate_test_");
        try (Connection c = db.connect()) {
          assertThat(tablesOf(c).tables()).as("the configured database is untouched").isEmpty();
          assertThat(exists(kind, c, scratchName[0])).as("scratch dropped").isFalse();
        }
      }
    }
  }

  @Test
  void schemaQualifiedDdlLeavesNothingInThePostgresqlTarget() throws Exception {
    Path file = dir.resolve("models.sql");
    Files.writeString(
        file,
        "CREATE TABLE public.escaped (id BIGINT PRIMARY KEY);\n"
            + "CREATE SCHEMA side;\nCREATE TABLE side.other (id BIGINT PRIMARY KEY);\n");
    try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRESQL)) {
      SqlModels.load(file, DatabaseKind.POSTGRESQL, db.url(), null, null, SqlModelsTest::tablesOf);

      try (Connection c = db.connect();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*) FROM pg_namespace WHERE nspname = 'side' UNION ALL"
                      + " SELECT COUNT(*) FROM pg_class WHERE relname IN ('escaped', 'other')")) {
        rs.next();
        assertThat(rs.getInt(1)).as("schema side in the target").isZero();
        rs.next();
        assertThat(rs.getInt(1)).as("tables in the target").isZero();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aFailingStatementNamesTheFileAndStatement(DatabaseKind kind) throws Exception {
    Path file = dir.resolve("models.sql");
    Files.writeString(file, "CREATE TABLE a (id INT);\nCREATE TABLE a (id INT);\n");
    try (TestDatabase db = TestDatabases.create(kind)) {
      assertThatThrownBy(
              () -> SqlModels.load(file, kind, db.url(), null, null, SqlModelsTest::tablesOf))
          .isInstanceOf(MigrateException.class)
          .hasMessageStartingWith(
              "Models file " + file + ": statement 2 failed on a scratch database: ")
          .hasMessageEndingWith("; the statement: CREATE TABLE a (id INT)");
    }
  }

  private static String scratchName(DatabaseKind kind, Connection connection) {
    try {
      return switch (kind) {
        case POSTGRESQL, MYSQL -> connection.getCatalog();
        case SQLITE -> null;
      };
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean exists(DatabaseKind kind, Connection c, String name) throws SQLException {
    String sql =
        kind == DatabaseKind.POSTGRESQL
            ? "SELECT COUNT(*) FROM pg_database WHERE datname = '" + name + "'"
            : "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + name + "'";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }
}
