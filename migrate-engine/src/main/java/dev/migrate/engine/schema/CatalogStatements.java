package dev.migrate.engine.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs catalog queries on one connection. Kept by {@link SchemaReader.Snapshots}, it holds each
 * statement open across refreshes: the PostgreSQL driver then prepares it on the server after a few
 * runs and the server stops planning the catalog joins again, most of such a query's cost. A
 * one-off read closes each statement with its result.
 */
final class CatalogStatements {
  private final Connection connection;
  private final Map<String, PreparedStatement> kept;

  /** ER_PARSE_ERROR: what MySQL answers a statement list it was not told to take. */
  private static final int MYSQL_PARSE_ERROR = 1064;

  /** Whether the connection takes a statement list: null until tried. */
  private Boolean lists;

  private CatalogStatements(Connection connection, boolean keep) {
    this.connection = connection;
    this.kept = keep ? new HashMap<>() : null;
  }

  static CatalogStatements oneOff(Connection connection) {
    return new CatalogStatements(connection, false);
  }

  static CatalogStatements kept(Connection connection) {
    return new CatalogStatements(connection, true);
  }

  Connection connection() {
    return connection;
  }

  /** The query's result, with its parameters set as text; the caller closes it. */
  ResultSet query(String sql, List<?> parameters) throws SQLException {
    PreparedStatement statement;
    if (kept == null) {
      statement = connection.prepareStatement(sql);
      statement.closeOnCompletion();
    } else {
      statement = kept.get(sql);
      if (statement == null || statement.isClosed()) {
        statement = connection.prepareStatement(sql);
        kept.put(sql, statement);
      }
    }
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
    return statement.executeQuery();
  }

  /**
   * The rows of each statement of a list sent as one ({@code SELECT ...; SELECT ...}, one round
   * trip on PostgreSQL), in order.
   */
  List<List<Map<String, String>>> queries(String sql, List<?> parameters) throws SQLException {
    return queries(sql, parameters, true);
  }

  private List<List<Map<String, String>>> queries(String sql, List<?> parameters, boolean keep)
      throws SQLException {
    boolean keeping = keep && kept != null;
    PreparedStatement statement = keeping ? prepared(sql) : connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      List<List<Map<String, String>>> out = new ArrayList<>();
      boolean results = statement.execute();
      while (results || statement.getUpdateCount() != -1) {
        if (results) {
          try (ResultSet rs = statement.getResultSet()) {
            out.add(rows(rs));
          }
        }
        results = statement.getMoreResults();
      }
      return out;
    } finally {
      if (!keeping) {
        statement.close();
      }
    }
  }

  /**
   * The rows of each query, with its own parameters: in one round trip where the connection takes a
   * statement list (MySQL's only when the URL allows it; each round trip to MariaDB cost about as
   * much as the query), else one query after another.
   */
  List<List<Map<String, String>>> each(List<String> sqls, List<List<?>> parameters)
      throws SQLException {
    return each(sqls, parameters, true);
  }

  /**
   * As {@link #each(List, List)}; with {@code keep} false nothing is kept for the next call (for
   * statements that differ every time).
   */
  List<List<Map<String, String>>> each(List<String> sqls, List<List<?>> parameters, boolean keep)
      throws SQLException {
    if (sqls.size() > 1 && mayTakeLists()) {
      List<Object> all = new ArrayList<>();
      parameters.forEach(all::addAll);
      String list = String.join("; ", sqls);
      try {
        List<List<Map<String, String>>> out = queries(list, all, keep);
        lists = true;
        return out;
      } catch (SQLException e) {
        if (lists != null || e.getErrorCode() != MYSQL_PARSE_ERROR) {
          throw e;
        }
        lists = false; // the connection does not take lists: one at a time from now on
        forget(list);
      }
    }
    List<List<Map<String, String>>> out = new ArrayList<>();
    for (int i = 0; i < sqls.size(); i++) {
      out.addAll(queries(sqls.get(i), parameters.get(i), keep));
    }
    return out;
  }

  /**
   * Whether {@link #each} may send a list in one round trip: on MySQL until the connection refused
   * one.
   */
  boolean mayTakeLists() throws SQLException {
    if (lists == null && !connection.getMetaData().getURL().startsWith("jdbc:mysql:")) {
      lists = false; // PostgreSQL's lists go through queries; SQLite's driver runs the first only
    }
    return !Boolean.FALSE.equals(lists);
  }

  private void forget(String sql) {
    if (kept != null) {
      PreparedStatement statement = kept.remove(sql);
      try {
        if (statement != null) {
          statement.close();
        }
      } catch (SQLException e) {
        // closing a statement the connection refused: nothing to keep
      }
    }
  }

  /**
   * Each row as a map from column label (case-insensitive) to its value as text, as SchemaCrawler
   * keeps attributes: a PostgreSQL boolean reads "false", not "f".
   */
  static List<Map<String, String>> rows(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<Map<String, String>> rows = new ArrayList<>();
    while (rs.next()) {
      Map<String, String> values = LoadedTable.newAttributes();
      for (int c = 1; c <= n; c++) {
        Object value = rs.getObject(c);
        values.put(meta.getColumnLabel(c), value == null ? null : value.toString());
      }
      rows.add(values);
    }
    return rows;
  }

  private PreparedStatement prepared(String sql) throws SQLException {
    if (kept == null) {
      return connection.prepareStatement(sql);
    }
    PreparedStatement statement = kept.get(sql);
    if (statement == null || statement.isClosed()) {
      statement = connection.prepareStatement(sql);
      kept.put(sql, statement);
    }
    return statement;
  }

  ResultSet query(String sql) throws SQLException {
    return query(sql, List.of());
  }

  /** Closes the kept statements; the connection stays open. */
  void close() {
    if (kept != null) {
      for (PreparedStatement statement : kept.values()) {
        try {
          statement.close();
        } catch (SQLException e) {
          // the statement is unusable either way; the next query prepares it again
        }
      }
      kept.clear();
    }
  }
}
