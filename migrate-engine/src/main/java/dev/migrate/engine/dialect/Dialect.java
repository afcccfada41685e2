package dev.migrate.engine.dialect;

import dev.migrate.engine.ops.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

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

  /**
   * The text a revision's checksum hashes for {@code operation}: its offline rendering, where a
   * rendering that later became stricter keeps the text it gave before, so that revisions applied
   * then do not read as edited.
   */
  default List<String> checksumText(Operation operation) throws SQLException {
    return render(operation, null);
  }

  /**
   * For an operation that renders exactly one statement from the live schema and cannot see what
   * the operations before it in the same revision will do (MySQL's MODIFY restates the whole column
   * as it is read): the statement's text until it is rendered, on the connection, right before it
   * runs. Empty for every other operation, which renders when planned.
   */
  default Optional<String> renderedWhenRun(Operation operation) {
    return Optional.empty();
  }

  /** How this database spells a portable column type in DDL. */
  String typeSql(dev.migrate.engine.schema.ColumnType type);

  /** Whether DDL statements take part in transactions (PostgreSQL, SQLite) or commit at once. */
  boolean transactionalDdl();

  /**
   * Whether {@code sql} cannot run inside a transaction (PostgreSQL CREATE INDEX CONCURRENTLY,
   * VACUUM, ALTER TYPE ... ADD VALUE; SQLite VACUUM and PRAGMA foreign_keys, which is ignored
   * inside one). The runtime commits, runs such a statement on its own, then carries on. Comments,
   * case and whitespace do not matter.
   */
  default boolean requiresNoTransaction(String sql) {
    return false;
  }

  /**
   * A Java value as a SQL literal of this database: null, numbers, booleans, strings (escaped),
   * java.time values, UUIDs, byte arrays and enums.
   */
  String literal(Object value);

  static Dialect of(DatabaseKind kind) {
    return switch (kind) {
      case POSTGRESQL -> new PostgresDialect();
      case MYSQL -> new MySqlDialect();
      case SQLITE -> new SqliteDialect();
    };
  }
}
