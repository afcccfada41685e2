package dev.migrate.engine.verify.rows;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The character set each text column stores, for values that fit it: on MySQL per column, on
 * PostgreSQL the database's encoding (null where any character fits). Kept across the plans of one
 * walk: a table is asked again only when its snapshot is a new one (snapshots keep the same {@link
 * Schema.Table} for a table that did not change), the encoding once per connection.
 */
public final class ColumnCharsets {
  private static final int KEPT_TABLES = 10_000;

  private final Map<Schema.Table, Map<String, String>> byTable = new IdentityHashMap<>();
  private Connection encodingOf;
  private String encoding;

  /** Column name (case-insensitive) to its character set, for the columns that have one. */
  synchronized Map<String, String> of(Connection connection, DatabaseKind kind, Schema.Table table)
      throws SQLException {
    if (kind != DatabaseKind.MYSQL) {
      String charset = kind == DatabaseKind.POSTGRESQL ? postgresEncoding(connection) : null;
      Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      if (charset != null) {
        table.columns().forEach(c -> all.put(c.name(), charset));
      }
      return all;
    }
    Map<String, String> known = byTable.get(table);
    if (known != null) {
      return known;
    }
    Map<String, String> read = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    // TABLE_NAME as an exact value: MariaDB then opens that table alone
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT COLUMN_NAME, CHARACTER_SET_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
      p.setString(1, table.name());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(2) != null) {
            read.put(rs.getString(1), rs.getString(2));
          }
        }
      }
    }
    if (byTable.size() >= KEPT_TABLES) {
      byTable.clear();
    }
    byTable.put(table, read);
    return read;
  }

  private String postgresEncoding(Connection connection) throws SQLException {
    if (connection != encodingOf) {
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SHOW server_encoding")) {
        String name = rs.next() ? rs.getString(1).toLowerCase(Locale.ROOT) : "utf8";
        encoding =
            name.equals("utf8") || name.equals("sql_ascii")
                ? null
                : name.equals("latin1") ? "latin1" : "ascii";
      }
      encodingOf = connection;
    }
    return encoding;
  }
}
