package dev.migrate.engine.verify.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Data images of generated rows on real databases, and what their comparison reports: a changed
 * value, a deleted row (with and without a primary key), a dropped column, a dropped table, a
 * truncated varchar; and nothing for the same rows read twice or for rows added.
 */
class DataImageTest {
  private static final List<String> TABLES =
      List.of(
          "CREATE TABLE account (id INTEGER PRIMARY KEY, full_name VARCHAR(200),"
              + " balance DECIMAL(10,2), note TEXT)",
          "CREATE TABLE log (msg VARCHAR(50) NOT NULL, n INTEGER)",
          "CREATE TABLE event (id INTEGER PRIMARY KEY, at_time TIMESTAMP(6))");

  /** A database with the two tables filled by the generator, and the image of that. */
  private record Filled(DatabaseKind kind, Connection c, Schema schema, DataImage before)
      implements AutoCloseable {
    DataImage now() throws Exception {
      return DataImage.read(c, kind, new SchemaReader().read(c), null);
    }

    /** The id of the row whose full_name has the declared 200 characters. */
    Object widestId() {
      return before.table("account").orElseThrow().rows().stream()
          .filter(
              r -> r.get("full_name") instanceof String s && s.codePointCount(0, s.length()) == 200)
          .findFirst()
          .orElseThrow()
          .get("id");
    }

    void execute(String... sql) throws Exception {
      try (Statement s = c.createStatement()) {
        for (String statement : sql) {
          s.execute(statement);
        }
      }
    }

    @Override
    public void close() throws Exception {
      c.close();
    }
  }

  private static Filled filled(TestDatabase db) throws Exception {
    Connection c = db.connect();
    RowGeneratorPropertyTest.apply(db.kind(), c, TABLES);
    Schema schema = new SchemaReader().read(c);
    RowWriter.WriteResult written =
        RowWriter.insert(c, new RowGenerator(schema, db.kind(), 5).plan(c, null));
    assertThat(written.notes()).isEmpty();
    return new Filled(db.kind(), c, schema, DataImage.read(c, db.kind(), schema, null));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theSameRowsReadTwiceAndRowsAddedAreNoLoss(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Filled f = filled(db)) {
      assertThat(f.now()).isEqualTo(f.before());
      f.execute("INSERT INTO account (id, full_name) VALUES (1, 'new')");
      assertThat(f.before().lossesIn(f.now())).isEmpty();
      Map<String, Object> widest =
          f.before().table("account").orElseThrow().rows().stream()
              .filter(
                  r ->
                      r.get("balance") != null
                          && ((BigDecimal) r.get("balance"))
                                  .compareTo(new BigDecimal("99999999.99"))
                              == 0)
              .findFirst()
              .orElseThrow();
      assertThat(widest.get("balance")).isEqualTo(new BigDecimal("99999999.99"));
      assertThat(f.before().table("event").orElseThrow().rows())
          .extracting(r -> String.valueOf(r.get("at_time")))
          .as("fractional seconds stored and read back")
          .anyMatch(t -> t.contains(".987654"));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aChangedValueIsReportedWithBothValues(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Filled f = filled(db)) {
      Object id = f.widestId();
      f.execute("UPDATE account SET full_name = NULL WHERE id = " + id);
      List<DataLoss> losses = f.before().lossesIn(f.now());
      assertThat(losses).hasSize(1);
      DataLoss loss = losses.get(0);
      assertThat(loss.kind()).isEqualTo(DataLoss.Kind.VALUE_CHANGED);
      assertThat(loss.column()).isEqualTo("full_name");
      assertThat(loss.after()).isNull();
      assertThat(loss.describe())
          .matches(
              "table account, row id="
                  + id
                  + ": column full_name was '[^']{30}…' \\(200 characters\\) before, NULL after");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void deletedRowsAreReportedByKeyOrByTheirValues(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Filled f = filled(db)) {
      Object id = f.widestId();
      Map<String, Object> logRow = f.before().table("log").orElseThrow().rows().get(0);
      f.execute(
          "DELETE FROM account WHERE id = " + id,
          "DELETE FROM log WHERE msg = '" + ((String) logRow.get("msg")).replace("'", "''") + "'");
      List<String> described =
          f.before().lossesIn(f.now()).stream().map(DataLoss::describe).toList();
      assertThat(described)
          .containsExactly(
              "table account, row id=" + id + " is gone",
              "table log, row msg="
                  + DataLoss.show(logRow.get("msg"))
                  + ", n="
                  + DataLoss.show(logRow.get("n"))
                  + " is gone");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDroppedColumnAndADroppedTableAreReportedOnce(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Filled f = filled(db)) {
      f.execute("ALTER TABLE account DROP COLUMN note", "DROP TABLE log");
      assertThat(f.before().lossesIn(f.now()).stream().map(DataLoss::describe))
          .containsExactly(
              "table account: column note is gone (3 rows had values)",
              "table log is gone (3 rows)");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aTruncatedVarcharIsAChangedValue(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Filled f = filled(db)) {
      switch (kind) {
        case POSTGRESQL ->
            f.execute(
                "ALTER TABLE account ALTER COLUMN full_name TYPE VARCHAR(10) USING substr(full_name, 1, 10)",
                "ALTER TABLE account ALTER COLUMN full_name TYPE VARCHAR(200)");
        case MYSQL ->
            f.execute(
                "SET SESSION sql_mode = ''",
                "ALTER TABLE account MODIFY full_name VARCHAR(10)",
                "ALTER TABLE account MODIFY full_name VARCHAR(200)");
        case SQLITE -> f.execute("UPDATE account SET full_name = substr(full_name, 1, 10)");
      }
      List<DataLoss> losses = f.before().lossesIn(f.now());
      assertThat(losses)
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l.column()).isEqualTo("full_name"));
      DataLoss widest =
          losses.stream()
              .filter(l -> l.key().equals("id=" + f.widestId()))
              .findFirst()
              .orElseThrow();
      String before = (String) widest.before();
      assertThat((String) widest.after())
          .isEqualTo(before.substring(0, before.offsetByCodePoints(0, 10)));
      assertThat(widest.describe())
          .contains("(200 characters) before, '" + widest.after() + "' after");
    }
  }
}
