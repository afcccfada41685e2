package dev.migrate.engine.diff;

import static dev.migrate.engine.diff.SecondsPrecisionIntegrationTest.execute;
import static dev.migrate.engine.diff.SecondsPrecisionIntegrationTest.models;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MySQL type spellings read from the live catalog: a narrower integer, a float or double with fixed
 * digits, or a smaller blob is a different type; only true synonyms compare equal.
 */
class MySqlTypeNarrowingIntegrationTest {
  private final SchemaReader reader = new SchemaReader();

  private static final String CREATE =
      "CREATE TABLE t (id INTEGER PRIMARY KEY, a MEDIUMINT, b FLOAT(7,3), c DOUBLE(10,2),"
          + " d INT, e INTEGER, f BOOLEAN, g TINYINT(1), h FLOAT, i DOUBLE, j BLOB, k LONGBLOB,"
          + " l REAL, m FLOAT(10))";

  private static List<String> describe(List<Difference> differences) {
    return differences.stream().map(Difference::describe).toList();
  }

  private List<String> compare(Schema models, Connection connection) {
    return describe(
        SchemaDiff.compare(
            SchemaReader.asStored(DatabaseKind.MYSQL, models), reader.read(connection)));
  }

  @Test
  void narrowerSpellingsDifferFromThePortableTypes() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL);
        Connection connection = db.connect()) {
      execute(connection, CREATE);
      Schema portable =
          models(
              ColumnType.INTEGER,
              ColumnType.REAL,
              ColumnType.DOUBLE,
              ColumnType.INTEGER,
              ColumnType.INTEGER,
              ColumnType.BOOLEAN,
              ColumnType.BOOLEAN,
              ColumnType.REAL,
              ColumnType.DOUBLE,
              ColumnType.BLOB,
              ColumnType.BLOB,
              ColumnType.DOUBLE,
              ColumnType.REAL);
      assertThat(compare(portable, connection))
          .containsExactly(
              "column t.a: type mediumint in the database, INTEGER in the models",
              "column t.b: type float(7,3) in the database, REAL in the models",
              "column t.c: type double(10,2) in the database, DOUBLE in the models",
              "column t.j: type blob in the database, BLOB in the models");

      Schema spelled =
          models(
              ColumnType.custom("MEDIUMINT"),
              ColumnType.custom("FLOAT(7, 3)"),
              ColumnType.custom("DOUBLE(10,2)"),
              ColumnType.custom("INT(11)"),
              ColumnType.INTEGER,
              ColumnType.custom("TINYINT(1)"),
              ColumnType.BOOLEAN,
              ColumnType.custom("FLOAT"),
              ColumnType.custom("DOUBLE PRECISION"),
              ColumnType.custom("BLOB"),
              ColumnType.custom("LONGBLOB"),
              ColumnType.custom("REAL"),
              ColumnType.custom("FLOAT(10)"));
      assertThat(compare(spelled, connection)).isEmpty();
    }
  }

  @Test
  void narrowingBetweenTwoSnapshotsIsADifference() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL);
        Connection connection = db.connect()) {
      execute(connection, CREATE);
      Schema before = reader.read(connection);
      execute(
          connection,
          "ALTER TABLE t MODIFY a INT, MODIFY b FLOAT(5,2), MODIFY c DOUBLE(8,2), MODIFY j"
              + " LONGBLOB, MODIFY d INTEGER, MODIFY g BOOLEAN");
      assertThat(describe(SchemaDiff.compare(before, reader.read(connection))))
          .containsExactly(
              "column t.a: type INTEGER in the database, mediumint in the models",
              "column t.b: type float(5,2) in the database, float(7,3) in the models",
              "column t.c: type double(8,2) in the database, double(10,2) in the models",
              "column t.j: type BLOB in the database, blob in the models");
    }
  }
}
