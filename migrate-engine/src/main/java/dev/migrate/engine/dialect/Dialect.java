package dev.migrate.engine.dialect;

import dev.migrate.engine.ops.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** How operations become SQL on one database. */
public interface Dialect {
  DatabaseKind kind();

  /** The identifier, quoted when it needs to be (reserved word, case, special characters). */
  String quote(String identifier);

  /**
   * The statements that perform {@code operation}, in order. {@code connection} is null in offline
   * mode; an operation that needs the live schema (a SQLite batch recreate reads the table) then
   * fails with a MigrateException that names the operation and says why.
   */
  List<String> render(Operation operation, Connection connection) throws SQLException;

  /** Whether DDL statements take part in transactions (PostgreSQL, SQLite) or commit at once. */
  boolean transactionalDdl();

  static Dialect of(DatabaseKind kind) {
    throw new UnsupportedOperationException("dialects not yet written: " + kind);
  }
}
