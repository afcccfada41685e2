package dev.migrate.engine.diff;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.schema.ColumnType.TIME;
import static dev.migrate.engine.schema.ColumnType.TIMESTAMP;
import static dev.migrate.engine.schema.ColumnType.TIMESTAMP_TZ;
import static dev.migrate.engine.schema.ColumnType.time;
import static dev.migrate.engine.schema.ColumnType.timestamp;
import static dev.migrate.engine.schema.ColumnType.timestampTz;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.model.Models;
import dev.migrate.engine.ops.ColumnDef;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.ops.TableElement;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The digits a TIME or TIMESTAMP column keeps after the seconds' point, on the databases that keep
 * them: read back from the live catalog, a change of them is a type change and nothing else is.
 */
class SecondsPrecisionIntegrationTest {
  private final SchemaReader reader = new SchemaReader();

  /** Table t with an id and columns a, b, c, ... of these types. */
  static Schema models(ColumnType... types) {
    List<TableElement> elements = new ArrayList<>();
    elements.add(column("id", ColumnType.INTEGER).primaryKey());
    for (int i = 0; i < types.length; i++) {
      elements.add(column(String.valueOf((char) ('a' + i)), types[i]));
    }
    return Models.builder().table("t", elements.toArray(TableElement[]::new)).build();
  }

  static void execute(Connection connection, String... statements) throws Exception {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Runs the upgrade autogenerate writes for these differences. */
  private static void upgrade(DatabaseKind kind, Connection connection, List<Difference> changes)
      throws Exception {
    for (Operation op : Autogenerate.operations(changes).upgrade()) {
      execute(connection, Dialect.of(kind).render(op, connection).toArray(String[]::new));
    }
  }

  private static void apply(DatabaseKind kind, Connection connection, Ops ops) throws Exception {
    for (Operation op : ops.operations()) {
      execute(connection, Dialect.of(kind).render(op, connection).toArray(String[]::new));
    }
  }

  private List<String> compare(DatabaseKind kind, Schema models, Connection connection) {
    return SchemaDiff.compare(SchemaReader.asStored(kind, models), reader.read(connection)).stream()
        .map(Difference::describe)
        .toList();
  }

  @ParameterizedTest
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MYSQL"})
  void changedSecondsPrecisionIsTheOnlyDifferenceAndItsAlterFixesIt(DatabaseKind kind)
      throws Exception {
    Schema created = models(TIMESTAMP, timestamp(3), timestampTz(0), time(3), TIME);
    Schema changed = models(timestamp(3), TIMESTAMP, TIMESTAMP_TZ, time(3), time(0));
    try (TestDatabase db = TestDatabases.create(kind);
        Connection connection = db.connect()) {
      upgrade(kind, connection, SchemaDiff.compare(created, new Schema(List.of())));

      assertThat(compare(kind, created, connection)).isEmpty();
      assertThat(compare(kind, changed, connection))
          .containsExactly(
              "column t.a: type TIMESTAMP in the database, TIMESTAMP(3) in the models",
              "column t.b: type TIMESTAMP(3) in the database, TIMESTAMP in the models",
              "column t.c: type TIMESTAMP(0) WITH TIME ZONE in the database, TIMESTAMP WITH TIME"
                  + " ZONE in the models",
              "column t.e: type TIME in the database, TIME(0) in the models");

      upgrade(
          kind,
          connection,
          SchemaDiff.compare(SchemaReader.asStored(kind, changed), reader.read(connection)));
      assertThat(compare(kind, changed, connection)).isEmpty();
    }
  }

  /** The same precision in each database's spellings, and the database's own default. */
  @ParameterizedTest
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MYSQL"})
  void spellingsOfOnePrecisionCompareEqual(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection connection = db.connect()) {
      execute(
          connection,
          switch (kind) {
            case POSTGRESQL ->
                "CREATE TABLE t (id INTEGER PRIMARY KEY, a timestamp, b timestamp(6) without time"
                    + " zone, c timestamp(3), d timestamptz(6), e time, f time(0))";
            case MYSQL ->
                "CREATE TABLE t (id INTEGER PRIMARY KEY, a datetime(6), b datetime, c"
                    + " datetime(3), d timestamp(6) NULL, e time(6), f time)";
            case SQLITE -> throw new IllegalArgumentException("no precision on SQLite");
          });

      Schema sameTypes =
          kind == DatabaseKind.POSTGRESQL
              ? models(TIMESTAMP, TIMESTAMP, timestamp(3), TIMESTAMP_TZ, TIME, time(0))
              : models(TIMESTAMP, timestamp(0), timestamp(3), TIMESTAMP_TZ, TIME, time(0));
      Schema defaults = models(TIMESTAMP, TIMESTAMP, TIMESTAMP, TIMESTAMP_TZ, TIME, TIME);

      assertThat(compare(kind, sameTypes, connection)).isEmpty();
      assertThat(compare(kind, defaults, connection))
          .containsExactlyElementsOf(
              kind == DatabaseKind.POSTGRESQL
                  ? List.of(
                      "column t.c: type TIMESTAMP(3) in the database, TIMESTAMP in the models",
                      "column t.f: type TIME(0) in the database, TIME in the models")
                  : List.of(
                      "column t.b: type TIMESTAMP(0) in the database, TIMESTAMP in the models",
                      "column t.c: type TIMESTAMP(3) in the database, TIMESTAMP in the models",
                      "column t.f: type TIME(0) in the database, TIME in the models"));
    }
  }

  /**
   * Current-timestamp defaults on columns of each precision, created and changed through Ops, read
   * back as the models say. MySQL 8 takes only {@code DEFAULT CURRENT_TIMESTAMP(p)} on a column
   * keeping p digits; MariaDB, the local server, takes both spellings, so the exact SQL is checked
   * in RenderTest and this checks that it runs and compares clean.
   */
  @ParameterizedTest
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MYSQL"})
  void currentTimestampDefaultsOfEachPrecisionCompareClean(DatabaseKind kind) throws Exception {
    ColumnDef id = column("id", ColumnType.INTEGER).primaryKey();
    ColumnDef a = column("a", timestamp(0)).notNull().defaultValue("CURRENT_TIMESTAMP");
    ColumnDef b = column("b", timestamp(3)).defaultValue("now()");
    ColumnDef c = column("c", TIMESTAMP).defaultValue("current_timestamp");
    ColumnDef d = column("d", timestampTz(3)).notNull().defaultValue("LOCALTIMESTAMP");
    ColumnDef e = column("e", timestamp(3)).notNull().defaultValue("NOW()");
    ColumnDef f = column("f", TIMESTAMP);
    try (TestDatabase db = TestDatabases.create(kind);
        Connection connection = db.connect()) {
      apply(kind, connection, new Ops().createTable("t", id, a, b, c, d, f));
      apply(kind, connection, new Ops().addColumn("t", e));
      Schema created = Models.builder().table("t", id, a, b, c, d, f, e).build();
      assertThat(compare(kind, created, connection)).isEmpty();

      // read live: b's restated default must follow its new digits, f's is set by restating it
      Ops change = new Ops();
      change.alterColumn("t", "b").type(TIMESTAMP);
      change.alterColumn("t", "f").defaultValue("CURRENT_TIMESTAMP");
      apply(kind, connection, change);
      Schema changed =
          Models.builder()
              .table(
                  "t", id, a, b.withType(TIMESTAMP), c, d, f.defaultValue("CURRENT_TIMESTAMP"), e)
              .build();
      assertThat(compare(kind, changed, connection)).isEmpty();
    }
  }
}
