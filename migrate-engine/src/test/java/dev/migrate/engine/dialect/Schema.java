package dev.migrate.engine.dialect;

import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.ops.Ops;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Test helper: runs operations on a live connection and reads the result via DatabaseMetaData. */
final class Schema {
  private final Connection connection;
  private final Dialect dialect;

  Schema(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /** Renders and runs every operation, returning the statements run. */
  List<String> apply(Ops ops) throws SQLException {
    List<String> run = new ArrayList<>();
    for (Operation operation : ops.operations()) {
      for (String sql : dialect.render(operation, connection)) {
        try (Statement s = connection.createStatement()) {
          s.execute(sql);
        }
        run.add(sql);
      }
    }
    return run;
  }

  void sql(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  long count(String table) throws SQLException {
    return ((Number) rows("SELECT COUNT(*) FROM " + dialect.quote(table)).get(0).get(0))
        .longValue();
  }

  private DatabaseMetaData meta() throws SQLException {
    return connection.getMetaData();
  }

  private String catalog() throws SQLException {
    return dialect.kind() == DatabaseKind.MYSQL ? connection.getCatalog() : null;
  }

  private String schema() {
    return dialect.kind() == DatabaseKind.POSTGRESQL ? "public" : null;
  }

  boolean tableExists(String table) throws SQLException {
    try (ResultSet rs = meta().getTables(catalog(), schema(), table, new String[] {"TABLE"})) {
      return rs.next();
    }
  }

  /** A column as DatabaseMetaData reports it. */
  record Col(String name, String type, int size, boolean nullable, String defaultValue) {}

  Map<String, Col> columns(String table) throws SQLException {
    Map<String, Col> columns = new LinkedHashMap<>();
    try (ResultSet rs = meta().getColumns(catalog(), schema(), table, "%")) {
      while (rs.next()) {
        String name = rs.getString("COLUMN_NAME");
        columns.put(
            name,
            new Col(
                name,
                rs.getString("TYPE_NAME"),
                rs.getInt("COLUMN_SIZE"),
                rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable,
                rs.getString("COLUMN_DEF")));
      }
    }
    return columns;
  }

  List<String> primaryKey(String table) throws SQLException {
    Map<Integer, String> columns = new java.util.TreeMap<>();
    try (ResultSet rs = meta().getPrimaryKeys(catalog(), schema(), table)) {
      while (rs.next()) {
        columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return List.copyOf(columns.values());
  }

  /** Index name (lower case) to "unique:col,col", from getIndexInfo. */
  Map<String, String> indexes(String table) throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    Map<String, Boolean> unique = new LinkedHashMap<>();
    try (ResultSet rs = meta().getIndexInfo(catalog(), schema(), table, false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name == null) {
          continue;
        }
        name = name.toLowerCase(java.util.Locale.ROOT);
        columns.computeIfAbsent(name, k -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
        unique.put(name, !rs.getBoolean("NON_UNIQUE"));
      }
    }
    Map<String, String> result = new LinkedHashMap<>();
    columns.forEach(
        (k, v) -> result.put(k, (unique.get(k) ? "unique:" : "") + String.join(",", v)));
    return result;
  }

  /** Foreign keys of {@code table} as "col->table.col" strings. */
  TreeSet<String> foreignKeys(String table) throws SQLException {
    TreeSet<String> keys = new TreeSet<>();
    try (ResultSet rs = meta().getImportedKeys(catalog(), schema(), table)) {
      while (rs.next()) {
        keys.add(
            rs.getString("FKCOLUMN_NAME")
                + "->"
                + rs.getString("PKTABLE_NAME")
                + "."
                + rs.getString("PKCOLUMN_NAME"));
      }
    }
    return keys;
  }

  /** Whether running {@code sql} fails. */
  boolean fails(String sql) {
    try {
      sql(sql);
      return false;
    } catch (SQLException e) {
      return true;
    }
  }
}
