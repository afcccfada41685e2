package dev.migrate.engine.schema;

import static dev.migrate.engine.ops.Columns.check;
import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.ops.Columns.foreignKey;
import static dev.migrate.engine.ops.Columns.primaryKey;
import static dev.migrate.engine.ops.Columns.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.schema.Schema.CheckConstraint;
import dev.migrate.engine.schema.Schema.Column;
import dev.migrate.engine.schema.Schema.ForeignKey;
import dev.migrate.engine.schema.Schema.Index;
import dev.migrate.engine.schema.Schema.PrimaryKey;
import dev.migrate.engine.schema.Schema.Table;
import dev.migrate.engine.schema.Schema.UniqueConstraint;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaReaderTest {
  private final SchemaReader reader = new SchemaReader();

  private static void apply(Connection c, DatabaseKind kind, Ops ops) throws SQLException {
    for (Operation operation : ops.operations()) {
      for (String sql : Dialect.of(kind).render(operation, c)) {
        sql(c, sql);
      }
    }
  }

  private static void sql(Connection c, String... statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** The tables every backend must read back identically (apart from check expressions). */
  private static Ops taskTables() {
    return new Ops()
        .createTable(
            "parent",
            column("id", ColumnType.INTEGER).primaryKey().autoincrement(),
            column("code", ColumnType.varchar(20)).notNull(),
            unique("uq_parent_code", "code"))
        .createTable(
            "task",
            column("id", ColumnType.BIGINT).notNull(),
            column("title", ColumnType.varchar(200)).notNull().defaultValue("'untitled'"),
            column("status", ColumnType.varchar(20)).defaultValue("'open'"),
            column("done", ColumnType.BOOLEAN).notNull().defaultValue("FALSE"),
            column("price", ColumnType.decimal(10, 2)).defaultValue("1.50"),
            column("created", ColumnType.TIMESTAMP).defaultValue("CURRENT_TIMESTAMP"),
            column("due", ColumnType.TIMESTAMP_TZ),
            column("parent_id", ColumnType.INTEGER),
            column("notes", ColumnType.TEXT),
            column("rank", ColumnType.SMALLINT).defaultValue("-1"),
            column("score", ColumnType.DOUBLE),
            column("day", ColumnType.DATE),
            column("code", ColumnType.fixedChar(3)),
            primaryKey("id"),
            foreignKey(
                "fk_task_parent",
                List.of("parent_id"),
                "parent",
                List.of("id"),
                ReferentialAction.CASCADE,
                null),
            check("ck_task_price", "price >= 0"))
        .createIndex("ix_task_title", "task", "title", "created");
  }

  private static final Table PARENT =
      new Table(
          "parent",
          List.of(
              new Column("id", ColumnType.INTEGER, false, null, true),
              new Column("code", ColumnType.varchar(20), false, null, false)),
          new PrimaryKey(null, List.of("id")),
          List.of(),
          List.of(new UniqueConstraint("uq_parent_code", List.of("code"))),
          List.of(),
          List.of());

  private static final Map<DatabaseKind, String> PRICE_CHECK =
      Map.of(
          DatabaseKind.POSTGRESQL, "price >= 0::numeric",
          DatabaseKind.MYSQL, "`price` >= 0",
          DatabaseKind.SQLITE, "price >= 0");

  private static Table task(DatabaseKind kind) {
    return new Table(
        "task",
        List.of(
            new Column("id", ColumnType.BIGINT, false, null, false),
            new Column("title", ColumnType.varchar(200), false, "'untitled'", false),
            new Column("status", ColumnType.varchar(20), true, "'open'", false),
            new Column("done", ColumnType.BOOLEAN, false, "FALSE", false),
            new Column("price", ColumnType.decimal(10, 2), true, "1.5", false),
            new Column("created", ColumnType.TIMESTAMP, true, "CURRENT_TIMESTAMP", false),
            new Column("due", ColumnType.TIMESTAMP_TZ, true, null, false),
            new Column("parent_id", ColumnType.INTEGER, true, null, false),
            new Column("notes", ColumnType.TEXT, true, null, false),
            new Column("rank", ColumnType.SMALLINT, true, "-1", false),
            new Column("score", ColumnType.DOUBLE, true, null, false),
            new Column("day", ColumnType.DATE, true, null, false),
            new Column("code", ColumnType.fixedChar(3), true, null, false)),
        new PrimaryKey(null, List.of("id")),
        List.of(new Index("ix_task_title", List.of("title", "created"), false)),
        List.of(),
        List.of(
            new ForeignKey(
                "fk_task_parent",
                List.of("parent_id"),
                "parent",
                List.of("id"),
                ReferentialAction.CASCADE,
                null)),
        List.of(new CheckConstraint("ck_task_price", PRICE_CHECK.get(kind))));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void readsTablesCreatedThroughOpsTheSameOnEveryBackend(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect()) {
      apply(c, kind, taskTables());

      Schema schema = reader.read(c);

      assertThat(schema.tables()).containsExactly(PARENT, task(kind));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void leavesOutTheVersionTables(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect()) {
      sql(
          c,
          "CREATE TABLE migrate_version (version_num VARCHAR(32) NOT NULL)",
          "CREATE TABLE migrate_history (id INTEGER NOT NULL)",
          "CREATE TABLE my_versions (version_num VARCHAR(32) NOT NULL)",
          "CREATE TABLE app (id INTEGER NOT NULL)");

      assertThat(reader.read(c).tables())
          .extracting(Table::name)
          .containsExactly("app", "my_versions");
      assertThat(new SchemaReader(List.of("MY_VERSIONS")).read(c).tables())
          .extracting(Table::name)
          .containsExactly("app", "migrate_history", "migrate_version");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void fingerprintChangesWithTheSchemaAndOnlyThen(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect()) {
      apply(c, kind, taskTables());
      String initial = reader.fingerprint(c);
      sql(c, "INSERT INTO parent (code) VALUES ('a')");
      assertThat(reader.fingerprint(c)).as("rows are not schema").isEqualTo(initial);

      apply(c, kind, new Ops().addColumn("parent", column("label", ColumnType.varchar(10))));
      String withColumn = reader.fingerprint(c);
      assertThat(withColumn).as("column added").isNotEqualTo(initial);

      apply(c, kind, new Ops().createIndex("ix_parent_label", "parent", "label"));
      String withIndex = reader.fingerprint(c);
      assertThat(withIndex).as("index added").isNotEqualTo(withColumn);

      apply(c, kind, new Ops().createTable("child", column("parent_id", ColumnType.INTEGER)));
      String withTable = reader.fingerprint(c);
      apply(
          c,
          kind,
          new Ops().createForeignKey("fk_child_parent", "child", "parent_id", "parent", "id"));
      String withForeignKey = reader.fingerprint(c);
      assertThat(withForeignKey).as("foreign key added").isNotEqualTo(withTable);
      assertThat(reader.fingerprint(c)).as("nothing changed").isEqualTo(withForeignKey);

      apply(c, kind, new Ops().alterColumn("parent", "label").defaultValue("'x'").done());
      assertThat(reader.fingerprint(c)).as("default changed").isNotEqualTo(withForeignKey);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void versionTablesDoNotChangeTheFingerprint(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect()) {
      sql(c, "CREATE TABLE app (id INTEGER NOT NULL)");
      String before = reader.fingerprint(c);
      sql(c, "CREATE TABLE migrate_version (version_num VARCHAR(32) NOT NULL)");
      assertThat(reader.fingerprint(c)).isEqualTo(before);
    }
  }

  @Test
  void aPostgresqlConnectionWithNoCurrentSchemaIsBadInputSayingWhatToSet() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRESQL);
        Connection c =
            DriverManager.getConnection(
                db.url() + (db.url().contains("?") ? "&" : "?") + "currentSchema=nowhere")) {
      assertThatThrownBy(() -> new SchemaReader().read(c))
          .isInstanceOfSatisfying(
              MigrateException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
          .hasMessageContaining("no current schema")
          .hasMessageContaining("currentSchema=");
    }
  }

  @Test
  void aMysqlConnectionWithNoDatabaseIsBadInputSayingWhatToSet() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL);
        Connection c = DriverManager.getConnection(TestDatabases.withDatabase(db.url(), ""))) {
      assertThatThrownBy(() -> new SchemaReader().read(c))
          .isInstanceOfSatisfying(
              MigrateException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
          .hasMessageContaining("no current database")
          .hasMessageContaining("jdbc:mysql://host:3306/app");
    }
  }
}
