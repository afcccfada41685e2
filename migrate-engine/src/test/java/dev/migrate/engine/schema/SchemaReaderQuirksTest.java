package dev.migrate.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.schema.Schema.CheckConstraint;
import dev.migrate.engine.schema.Schema.Column;
import dev.migrate.engine.schema.Schema.ForeignKey;
import dev.migrate.engine.schema.Schema.PrimaryKey;
import dev.migrate.engine.schema.Schema.Table;
import dev.migrate.engine.schema.Schema.UniqueConstraint;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Raw DDL in each database's own spellings, and the quirks of each catalog, read back. */
class SchemaReaderQuirksTest {
  private final SchemaReader reader = new SchemaReader();

  private static void sql(Connection c, String... statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private Table read(Connection c, String table) {
    return reader.read(c).table(table).orElseThrow();
  }

  /** Each backend's own spellings of the same columns. */
  private static String spellings(DatabaseKind kind) {
    return switch (kind) {
      case POSTGRESQL ->
          "CREATE TABLE t (a int4, b integer, c character varying(200), d int8,"
              + " e bool, f numeric(10,2), g timestamp without time zone, h timestamptz,"
              + " i decimal(10, 2), j float8, k int2, l bpchar(3), m varchar(200))";
      case MYSQL ->
          "CREATE TABLE t (a INT, b integer, c varchar(200), d bigint, e tinyint(1),"
              + " f decimal(10,2), g datetime(6), h timestamp(6) NULL, i numeric(10, 2), j double,"
              + " k smallint, l char(3), m VARCHAR(200))";
      case SQLITE ->
          "CREATE TABLE t (a INT, b integer, c character varying(200), d BIGINT,"
              + " e BOOLEAN, f numeric(10,2), g DATETIME, h TIMESTAMPTZ, i DECIMAL(10, 2),"
              + " j DOUBLE PRECISION, k SMALLINT, l CHAR(3), m NVARCHAR(200))";
    };
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void typeSpellingsReadAsOneColumnType(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect()) {
      sql(c, spellings(kind));

      assertThat(read(c, "t").columns())
          .extracting(Column::type)
          .containsExactly(
              ColumnType.INTEGER,
              ColumnType.INTEGER,
              ColumnType.varchar(200),
              ColumnType.BIGINT,
              ColumnType.BOOLEAN,
              ColumnType.decimal(10, 2),
              ColumnType.TIMESTAMP,
              ColumnType.TIMESTAMP_TZ,
              ColumnType.decimal(10, 2),
              ColumnType.DOUBLE,
              ColumnType.SMALLINT,
              ColumnType.fixedChar(3),
              ColumnType.varchar(200));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void realTypeChangesStayDifferent(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect()) {
      sql(
          c,
          "CREATE TABLE t (a VARCHAR(100), b VARCHAR(200), c DECIMAL(10, 2), d DECIMAL(12, 2),"
              + " e DECIMAL(10, 3), f INTEGER, g BIGINT)");

      assertThat(read(c, "t").columns())
          .extracting(Column::type)
          .doesNotHaveDuplicates()
          .hasSize(7);
    }
  }

  @Test
  void postgresqlCastsNowAndSerialAreNormalised() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRESQL);
        Connection c = db.connect()) {
      sql(
          c,
          "CREATE TABLE t (id serial PRIMARY KEY, status varchar(10) DEFAULT 'open',"
              + " at timestamptz DEFAULT now(), day date DEFAULT '2024-01-02'::date,"
              + " n numeric(5,1) DEFAULT (-1.50), big bigint GENERATED ALWAYS AS IDENTITY)");

      assertThat(read(c, "t").columns())
          .containsExactly(
              new Column("id", ColumnType.INTEGER, false, null, true),
              new Column("status", ColumnType.varchar(10), true, "'open'", false),
              new Column("at", ColumnType.TIMESTAMP_TZ, true, "CURRENT_TIMESTAMP", false),
              new Column("day", ColumnType.DATE, true, "'2024-01-02'", false),
              new Column("n", ColumnType.decimal(5, 1), true, "-1.5", false),
              new Column("big", ColumnType.BIGINT, false, null, true));
    }
  }

  @Test
  void postgresqlNotNullIsNoCheckConstraintAndInventedNamesAreNull() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRESQL);
        Connection c = db.connect()) {
      sql(
          c,
          "CREATE TABLE p (id int PRIMARY KEY)",
          "CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int NOT NULL UNIQUE,"
              + " b int NOT NULL CHECK (b > 0), p_id int REFERENCES p,"
              + " CONSTRAINT ck_named CHECK (a <> b))");

      Table t = read(c, "t");
      assertThat(t.checks())
          .containsExactly(
              new CheckConstraint("ck_named", "a <> b"), new CheckConstraint(null, "b > 0"));
      assertThat(t.primaryKey()).isEqualTo(new PrimaryKey(null, List.of("id")));
      assertThat(t.uniqueConstraints()).containsExactly(new UniqueConstraint(null, List.of("a")));
      assertThat(t.foreignKeys())
          .containsExactly(new ForeignKey(null, List.of("p_id"), "p", List.of("id"), null, null));
      assertThat(t.indexes()).as("indexes behind constraints are not indexes").isEmpty();
    }
  }

  @Test
  void mysqlDefaultsAndInventedNames() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL);
        Connection c = db.connect()) {
      sql(
          c,
          "CREATE TABLE p (id int PRIMARY KEY)",
          "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " flag tinyint(1) NOT NULL DEFAULT 1, status varchar(10) DEFAULT 'open',"
              + " at datetime(6) DEFAULT current_timestamp(6), n decimal(5,2) DEFAULT '2.50',"
              + " p_id int, doc json, a int UNIQUE, CHECK (a > 0),"
              + " FOREIGN KEY (p_id) REFERENCES p (id) ON UPDATE CASCADE)");

      Table t = read(c, "t");
      assertThat(t.columns())
          .containsExactly(
              new Column("id", ColumnType.INTEGER, false, null, true),
              new Column("flag", ColumnType.BOOLEAN, false, "TRUE", false),
              new Column("status", ColumnType.varchar(10), true, "'open'", false),
              new Column("at", ColumnType.TIMESTAMP, true, "CURRENT_TIMESTAMP", false),
              new Column("n", ColumnType.decimal(5, 2), true, "2.5", false),
              new Column("p_id", ColumnType.INTEGER, true, null, false),
              new Column("doc", ColumnType.JSON, true, null, false),
              new Column("a", ColumnType.INTEGER, true, null, false));
      assertThat(t.primaryKey()).isEqualTo(new PrimaryKey(null, List.of("id")));
      assertThat(t.uniqueConstraints()).containsExactly(new UniqueConstraint(null, List.of("a")));
      assertThat(t.checks()).containsExactly(new CheckConstraint(null, "`a` > 0"));
      assertThat(t.foreignKeys())
          .containsExactly(
              new ForeignKey(
                  null, List.of("p_id"), "p", List.of("id"), null, ReferentialAction.CASCADE));
      assertThat(t.indexes()).as("the index InnoDB adds for a foreign key").isEmpty();
    }
  }

  @Test
  void sqliteConstraintsAreRecoveredFromTheCreateText() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE);
        Connection c = db.connect()) {
      sql(
          c,
          "CREATE TABLE b (id INTEGER PRIMARY KEY, k TEXT)",
          "CREATE TABLE a (id INTEGER PRIMARY KEY, code TEXT CONSTRAINT uq_a_code UNIQUE,"
              + " x INT, \"y y\" INT CHECK (\"y y\" < 10), -- a comment, with a comma\n"
              + " CONSTRAINT ck_a_x CHECK (x > (0)), UNIQUE (x, \"y y\"),"
              + " CONSTRAINT fk_a_b FOREIGN KEY (x) REFERENCES b (id) ON DELETE SET NULL,"
              + " FOREIGN KEY (\"y y\") REFERENCES b)",
          "CREATE INDEX ix_a_x ON a (x)");

      Table a = read(c, "a");
      assertThat(a.columns().get(0))
          .as("INTEGER PRIMARY KEY reads nullable from the pragma; it is not")
          .isEqualTo(new Column("id", ColumnType.INTEGER, false, null, false));
      assertThat(a.primaryKey()).isEqualTo(new PrimaryKey(null, List.of("id")));
      assertThat(a.uniqueConstraints())
          .containsExactlyInAnyOrder(
              new UniqueConstraint("uq_a_code", List.of("code")),
              new UniqueConstraint(null, List.of("x", "y y")));
      assertThat(a.indexes())
          .as("no sqlite_autoindex_* indexes")
          .containsExactly(new Schema.Index("ix_a_x", List.of("x"), false));
      assertThat(a.checks())
          .containsExactly(
              new CheckConstraint(null, "\"y y\" < 10"), new CheckConstraint("ck_a_x", "x > (0)"));
      assertThat(a.foreignKeys())
          .containsExactly(
              new ForeignKey(
                  "fk_a_b", List.of("x"), "b", List.of("id"), ReferentialAction.SET_NULL, null),
              new ForeignKey(null, List.of("y y"), "b", List.of("id"), null, null));
    }
  }

  @Test
  void sqliteAutoincrementAndUnknownTypesByAffinity() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE);
        Connection c = db.connect()) {
      sql(
          c,
          "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, a UNSIGNED BIG INT,"
              + " b VARYING CHARACTER(9), c CLOB, d, e DOUBLE FLOAT, f TEXT DEFAULT ('x'),"
              + " g FLOATING POINT)");

      assertThat(read(c, "t").columns())
          .containsExactly(
              new Column("id", ColumnType.INTEGER, false, null, true),
              new Column("a", ColumnType.INTEGER, true, null, false),
              new Column("b", ColumnType.TEXT, true, null, false),
              new Column("c", ColumnType.TEXT, true, null, false),
              new Column("d", ColumnType.BLOB, true, null, false),
              new Column("e", ColumnType.DOUBLE, true, null, false),
              new Column("f", ColumnType.TEXT, true, "'x'", false),
              // SQLite's own rule: "INT" in the name wins
              new Column("g", ColumnType.INTEGER, true, null, false));
    }
  }

  /**
   * SchemaCrawler keys constraints by schema and name, but check and foreign key names need only be
   * unique per table (PostgreSQL, MariaDB, SQLite): each table keeps its own.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void sameConstraintNamesOnTwoTablesStayWithTheirTables(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect()) {
      sql(c, "CREATE TABLE parent (id INTEGER NOT NULL PRIMARY KEY)");
      for (String[] table : new String[][] {{"a", "qty > 0"}, {"b", "qty < 100"}}) {
        String checkName = kind == DatabaseKind.MYSQL ? "positive_" + table[0] : "positive";
        String keyName = kind == DatabaseKind.MYSQL ? "to_parent_" + table[0] : "to_parent";
        sql(
            c,
            "CREATE TABLE "
                + table[0]
                + " (id INTEGER NOT NULL PRIMARY KEY, qty INTEGER, parent_id INTEGER,"
                + " CONSTRAINT "
                + checkName
                + " CHECK ("
                + table[1]
                + "), CONSTRAINT "
                + keyName
                + " FOREIGN KEY (parent_id) REFERENCES parent (id))");
      }

      Schema schema = reader.read(c);
      for (String[] table : new String[][] {{"a", "qty > 0"}, {"b", "qty < 100"}}) {
        Table t = schema.table(table[0]).orElseThrow();
        assertThat(t.checks()).hasSize(1);
        assertThat(t.checks().get(0).expression().replace("`", "")).contains(table[1]);
        assertThat(t.foreignKeys())
            .extracting(ForeignKey::columns, ForeignKey::referencedTable)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("parent_id"), "parent"));
      }
    }
  }

  /** SchemaCrawler cuts a type name at its last dot; the full spelling travels beside it. */
  @Test
  void mysqlEnumWithDotsInItsValuesReadsWhole() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL);
        Connection c = db.connect()) {
      sql(c, "CREATE TABLE release_note (id INT PRIMARY KEY, version ENUM('1.0', '2.1.3'))");

      assertThat(read(c, "release_note").column("version").orElseThrow().type().sql())
          .isEqualToIgnoringCase("enum('1.0','2.1.3')");
    }
  }
}
