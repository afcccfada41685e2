package dev.migrate.engine.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.BadInputException;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What SQLite's move-and-copy cannot keep makes it refuse, naming the table and what. */
class SqliteRecreateRefusalTest {
  private final Dialect dialect = Dialect.of(DatabaseKind.SQLITE);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "id INTEGER, name TEXT, PRIMARY KEY (id DESC)|a descending primary key",
        "id INTEGER PRIMARY KEY DESC, name TEXT|a descending primary key",
        "id INTEGER, name TEXT, PRIMARY KEY (name COLLATE NOCASE)|COLLATE inside its PRIMARY KEY",
        "id INTEGER PRIMARY KEY, name TEXT, UNIQUE (name COLLATE NOCASE)|COLLATE inside a UNIQUE",
        "id INTEGER PRIMARY KEY, name TEXT UNIQUE ON CONFLICT REPLACE|an ON CONFLICT clause",
        "id INTEGER PRIMARY KEY, name TEXT|"
      })
  void refusesWhatTheRebuildWouldLose(String columns, String what) throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE);
        Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (" + columns + ")");
      Operation alter =
          new Ops()
              .alterColumn("t", "name")
              .type(dev.migrate.engine.schema.ColumnType.varchar(50))
              .done()
              .operations()
              .get(0);
      if (what == null) {
        assertThat(dialect.render(alter, c)).isNotEmpty();
        return;
      }
      assertThatThrownBy(() -> dialect.render(alter, c))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("table \"t\" recreates the table on SQLite")
          .hasMessageContaining(what);
    }
  }
}
