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
  public void create(String name) throws SQLException {
    execute("CREATE DATABASE " + quote(name));
  }

  /**
   * Tables with their rows, indexes, foreign keys and AUTO_INCREMENT counters. Views, triggers,
   * routines and events are not copied: a source with any is refused.
   */
  @Override
  public void cloneInto(String source, String target) throws SQLException {
    List<String> others =
        strings(
            "SELECT CONCAT('view ', table_name) FROM information_schema.views WHERE table_schema = ?"
                + " UNION ALL SELECT CONCAT('trigger ', trigger_name) FROM"
                + " information_schema.triggers WHERE trigger_schema = ?"
                + " UNION ALL SELECT CONCAT(LOWER(routine_type), ' ', routine_name) FROM"
                + " information_schema.routines WHERE routine_schema = ?"
                + " UNION ALL SELECT CONCAT('event ', event_name) FROM information_schema.events"
                + " WHERE event_schema = ?",
            source,
            source,
            source,
            source);
    if (!others.isEmpty()) {
      throw MigrateException.badInput(
          "Cannot clone MySQL database "
              + source
              + ": only tables are copied and it also has "
              + String.join(", ", others)
              + "; build the state by applying its revisions instead");
    }
    create(target);
    Map<String, String> columnsOf = storedColumns(source);
    try (Connection c = connect(target);
        Statement s = c.createStatement()) {
      s.execute("SET SESSION foreign_key_checks = 0");
      // a copied 0 in an AUTO_INCREMENT column stays 0
      s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')");
      for (String table : columnsOf.keySet()) {
        try (ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + qualified(source, table))) {
          rs.next();
          s.execute(rs.getString(2));
        }
      }
      // the rows after every table is made (DDL commits), in one transaction: one log flush
      c.setAutoCommit(false);
      for (Map.Entry<String, String> table : columnsOf.entrySet()) {
        s.execute(
            "INSERT INTO "
                + quote(table.getKey())
                + " ("
                + table.getValue()
                + ") SELECT "
                + table.getValue()
                + " FROM "
                + qualified(source, table.getKey()));
      }
      c.commit();
    }
  }

  /**
   * Each base table's columns that take values, quoted and in order: not generated ones, invisible
   * ones included.
   */
  private Map<String, String> storedColumns(String schema) throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    try (PreparedStatement p =
        admin()
            .prepareStatement(
                "SELECT c.table_name, c.column_name FROM information_schema.columns c"
                    + " JOIN information_schema.tables t"
                    + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                    + " WHERE c.table_schema = ? AND t.table_type = 'BASE TABLE'"
                    + " AND c.extra NOT LIKE '%GENERATED%'"
                    + " ORDER BY c.table_name, c.ordinal_position")) {
      p.setString(1, schema);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          columns
              .computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
              .add(quote(rs.getString(2)));
        }
      }
    }
    Map<String, String> lists = new LinkedHashMap<>();
    columns.forEach((table, names) -> lists.put(table, String.join(", ", names)));
    return lists;
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
