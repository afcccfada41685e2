package dev.migrate.engine.sandbox;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * MySQL/MariaDB: CREATE DATABASE; a clone copies each table's definition and rows. A drop waits at
 * most a second for metadata locks, then ends the connections using the database and retries.
 */
final class MySqlServer extends ServerBackend {
  private static final int ATTEMPTS = 3;

  MySqlServer(String adminUrl, Properties credentials) throws SQLException {
    super(DatabaseKind.MYSQL, adminUrl, credentials);
    execute("SET SESSION lock_wait_timeout = 1");
  }

  @Override
  public Connection connectForCatalog(String name) throws SQLException {
    return connect(name, STATEMENT_LISTS);
  }

  /** The driver property that lets a connection send several statements in one round trip. */
  private static final Properties STATEMENT_LISTS = new Properties();

  static {
    STATEMENT_LISTS.setProperty("allowMultiQueries", "true");
  }

  @Override
  public void create(String name) throws SQLException {
    execute("CREATE DATABASE " + quote(name));
  }

  /**
   * Tables with their rows, indexes, foreign keys and AUTO_INCREMENT counters. Views, triggers,
   * routines and events are not copied: a source with any is refused. The definitions, the tables
   * and the rows each go as one statement list, on a connection kept for copying: InnoDB's CREATE
   * TABLE (some 2 ms each) is the floor, and a round trip per table, a connection per clone and a
   * commit of their own for the rows had added half as much again.
   */
  @Override
  public void cloneInto(String source, String target) throws SQLException {
    synchronized (this) {
      try {
        cloneOn(copier(), source, target);
      } catch (SQLException e) {
        if (!(e instanceof java.sql.SQLRecoverableException
            || e instanceof java.sql.SQLNonTransientConnectionException)) {
          throw e;
        }
        // the kept connection was ended meanwhile (a drop ends those using its database)
        closeCopier();
        execute("DROP DATABASE IF EXISTS " + quote(target)); // whatever part of it was made
        cloneOn(copier(), source, target);
      }
    }
  }

  private static void cloneOn(Connection c, String source, String target) throws SQLException {
    Map<String, String> columnsOf = new LinkedHashMap<>();
    List<String> others = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            // one round trip: what cannot be copied, and each table's columns that take values
            // (not generated ones, invisible ones included) in order; SHOW reads less than
            // information_schema where it can
            "SHOW FULL TABLES FROM "
                + quote(source)
                + " WHERE Table_type <> 'BASE TABLE'; SHOW TRIGGERS FROM "
                + quote(source)
                + "; SELECT CONCAT(LOWER(routine_type), ' ', routine_name)"
                + " FROM information_schema.routines WHERE routine_schema = ?"
                + "; SELECT CONCAT('event ', event_name) FROM information_schema.events"
                + " WHERE event_schema = ?"
                + "; SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND extra NOT LIKE '%GENERATED%'"
                + " ORDER BY table_name, ordinal_position")) {
      for (int i = 1; i <= 3; i++) {
        s.setString(i, source);
      }
      s.execute();
      int answer = 0;
      do {
        try (ResultSet rs = s.getResultSet()) {
          while (rs.next()) {
            switch (answer) {
              case 0 -> others.add("view " + rs.getString(1));
              case 1 -> others.add("trigger " + rs.getString(1));
              case 2, 3 -> others.add(rs.getString(1));
              default ->
                  columnsOf.merge(rs.getString(1), quote(rs.getString(2)), (x, y) -> x + ", " + y);
            }
          }
        }
        answer++;
      } while (s.getMoreResults());
    }
    if (!others.isEmpty()) {
      throw MigrateException.badInput(
          "Cannot clone MySQL database "
              + source
              + ": only tables are copied and it also has "
              + String.join(", ", others)
              + "; build the state by applying its revisions instead");
    }
    copy(c, source, target, columnsOf);
  }

  private static void copy(
      Connection c, String source, String target, Map<String, String> columnsOf)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      List<String> definitions = new ArrayList<>();
      s.execute(
          "CREATE DATABASE "
              + quote(target)
              + "; USE "
              + quote(target)
              + columnsOf.keySet().stream()
                  .map(table -> "; SHOW CREATE TABLE " + qualified(source, table))
                  .collect(java.util.stream.Collectors.joining()));
      while (s.getMoreResults() || s.getUpdateCount() != -1) {
        try (ResultSet rs = s.getResultSet()) {
          if (rs != null) {
            rs.next();
            definitions.add(rs.getString(2));
          }
        }
      }
      if (definitions.isEmpty()) {
        return; // an empty database
      }
      s.execute(String.join(";\n", definitions));
      drain(s);
      // the rows after every table is made (DDL commits), in one transaction: one log flush
      StringBuilder rows = new StringBuilder("START TRANSACTION");
      columnsOf.forEach(
          (table, columns) ->
              rows.append(";\nINSERT INTO ")
                  .append(quote(table))
                  .append(" (")
                  .append(columns)
                  .append(") SELECT ")
                  .append(columns)
                  .append(" FROM ")
                  .append(qualified(source, table)));
      s.execute(rows.append(";\nCOMMIT").toString());
      drain(s);
    }
  }

  /** Reads every answer of a statement list, so that an error in any of them is thrown. */
  private static void drain(Statement s) throws SQLException {
    while (s.getMoreResults() || s.getUpdateCount() != -1) {
      // nothing to read: each is an update count
    }
  }

  private Connection copier;

  /** The connection clones are made on: statement lists allowed, foreign keys not checked. */
  private Connection copier() throws SQLException {
    if (copier == null || copier.isClosed()) {
      copier = connect(null, STATEMENT_LISTS);
      try (Statement s = copier.createStatement()) {
        s.execute("SET SESSION foreign_key_checks = 0");
        // a copied 0 in an AUTO_INCREMENT column stays 0
        s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')");
      }
    }
    return copier;
  }

  private void closeCopier() {
    try {
      if (copier != null) {
        copier.close();
      }
    } catch (SQLException e) {
      // gone already
    }
    copier = null;
  }

  @Override
  public synchronized void close() {
    closeCopier();
    super.close();
  }

  @Override
  public void drop(String name) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      try {
        execute("DROP DATABASE IF EXISTS " + quote(name));
        return;
      } catch (SQLException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        endConnectionsUsing(name);
        pause(attempt);
      }
    }
  }

  private void endConnectionsUsing(String name) throws SQLException {
    List<String> ids =
        strings(
            "SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()",
            name);
    for (String id : ids) {
      try {
        execute("KILL " + Long.parseLong(id));
      } catch (SQLException e) {
        // it ended on its own meanwhile
      }
    }
  }

  @Override
  public List<String> existing() throws SQLException {
    return strings("SELECT schema_name FROM information_schema.schemata");
  }

  private static String qualified(String schema, String table) {
    return quote(schema) + "." + quote(table);
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
