package dev.migrate.engine.diff;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.schema.Schema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory SQLite database holding the tables a SQL revision starts from, so that operations
 * SQLite cannot ALTER render as the table rebuild they need, as they would on the live database.
 * Each operation's statements run on it after rendering, so the next one sees their effect; it has
 * no rows. Foreign keys are on, so a rebuild of a table others reference is written with the steps
 * that keep their rows on a database that enforces them.
 */
final class SqliteScratch implements AutoCloseable {
  private final Dialect dialect = Dialect.of(DatabaseKind.SQLITE);
  private final Connection connection;

  private SqliteScratch(List<String> ddl) {
    try {
      connection = DriverManager.getConnection("jdbc:sqlite::memory:");
      try {
        for (String sql : ddl) {
          execute(sql);
        }
        execute("PRAGMA foreign_keys=ON");
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw MigrateException.badInput(
          "the tables cannot be set up on SQLite to write its statements: " + e.getMessage());
    }
  }

  /** The schema of a live SQLite database, from its own CREATE statements. */
  static SqliteScratch copyOf(Connection sqlite) {
    List<String> ddl = new ArrayList<>();
    String query =
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
            + " ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2"
            + " ELSE 3 END, rowid";
    try (Statement s = sqlite.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        ddl.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw MigrateException.badInput("cannot read the SQLite schema: " + e.getMessage());
    }
    return new SqliteScratch(ddl);
  }

  /**
   * The tables of a schema read from another database, as SQLite would create them: columns, keys,
   * constraints and plain indexes (what only that database's catalog states is not carried over).
   */
  static SqliteScratch of(Schema schema) {
    List<String> ddl = new ArrayList<>();
    Dialect sqlite = Dialect.of(DatabaseKind.SQLITE);
    try {
      for (Schema.Table table : schema.tables()) {
        for (Operation operation : Autogenerate.createWithIndexes(table)) {
          ddl.addAll(sqlite.render(operation, null));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("offline rendering touched a database", e);
    }
    return new SqliteScratch(ddl);
  }

  /** The statements of {@code operation} for the tables as they are now; then runs them. */
  List<String> render(Operation operation) throws SQLException {
    List<String> statements = dialect.render(operation, connection);
    for (String sql : statements) {
      try {
        execute(sql);
      } catch (SQLException e) {
        throw MigrateException.badInput(
            operation + " does not run on SQLite as written (" + e.getMessage() + "): " + sql);
      }
    }
    return statements;
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // an in-memory database goes with its connection either way
    }
  }
}
