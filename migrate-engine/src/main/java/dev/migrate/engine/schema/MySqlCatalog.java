package dev.migrate.engine.schema;

import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the connection's database from information_schema, one query per kind of object. MySQL has
 * no unique constraint apart from its unique index, so every unique index reads as a unique
 * constraint; the index InnoDB adds under a foreign key's name is left out, as is the {@code
 * json_valid} check MariaDB adds to a JSON column (which then reads as JSON, not LONGTEXT).
 */
final class MySqlCatalog {
  private MySqlCatalog() {}

  static void read(Connection connection, Map<String, TableBuilder> tables) throws SQLException {
    boolean mariaDb =
        connection
            .getMetaData()
            .getDatabaseProductVersion()
            .toLowerCase(Locale.ROOT)
            .contains("mariadb");
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT TABLE_NAME FROM information_schema.TABLES"
                  + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.put(rs.getString(1), new TableBuilder(rs.getString(1)));
        }
      }
      Set<String> jsonColumns = readChecks(s, tables, mariaDb);
      readColumns(s, tables, mariaDb, jsonColumns);
      readForeignKeys(s, tables);
      readIndexes(s, tables);
    }
  }

  private static void readColumns(
      Statement s, Map<String, TableBuilder> tables, boolean mariaDb, Set<String> jsonColumns)
      throws SQLException {
    String sql =
        "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA"
            + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
            + " ORDER BY TABLE_NAME, ORDINAL_POSITION";
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        TableBuilder table = tables.get(rs.getString(1));
        if (table == null) {
          continue;
        }
        String name = rs.getString(2);
        ColumnType type =
            jsonColumns.contains(table.name + "." + name)
                ? ColumnType.JSON
                : Normalise.type(DatabaseKind.MYSQL, rs.getString(3));
        String extra = rs.getString(6) == null ? "" : rs.getString(6).toLowerCase(Locale.ROOT);
        String rawDefault = liveDefault(rs.getString(5), extra, mariaDb);
        table.columns.add(
            new Schema.Column(
                name,
                type,
                "YES".equals(rs.getString(4)),
                Normalise.defaultValue(rawDefault, type),
                extra.contains("auto_increment")));
      }
    }
  }

  /**
   * COLUMN_DEFAULT as a SQL expression: MariaDB gives one ('text', NULL, current_timestamp());
   * MySQL gives the bare value and marks expressions DEFAULT_GENERATED.
   */
  private static String liveDefault(String value, String extra, boolean mariaDb) {
    if (value == null || mariaDb) {
      return value;
    }
    if (extra.contains("default_generated")) {
      return value;
    }
    return "'" + value.replace("'", "''") + "'";
  }

  /** Reads the checks; returns the columns ({@code table.column}) MariaDB marked as JSON. */
  private static Set<String> readChecks(
      Statement s, Map<String, TableBuilder> tables, boolean mariaDb) throws SQLException {
    String sql =
        mariaDb
            ? "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM"
                + " information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()"
                + " ORDER BY TABLE_NAME, CONSTRAINT_NAME"
            : "SELECT t.TABLE_NAME, t.CONSTRAINT_NAME, c.CHECK_CLAUSE FROM"
                + " information_schema.TABLE_CONSTRAINTS t JOIN information_schema.CHECK_CONSTRAINTS"
                + " c ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA"
                + " AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME"
                + " WHERE t.CONSTRAINT_SCHEMA = DATABASE() AND t.CONSTRAINT_TYPE = 'CHECK'"
                + " ORDER BY t.TABLE_NAME, t.CONSTRAINT_NAME";
    Set<String> json = new HashSet<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        TableBuilder table = tables.get(rs.getString(1));
        if (table == null) {
          continue;
        }
        String name = rs.getString(2);
        String clause = rs.getString(3);
        if (clause.replace(" ", "").equalsIgnoreCase("json_valid(`" + name + "`)")) {
          json.add(table.name + "." + name);
          continue;
        }
        boolean invented = name.matches("CONSTRAINT_\\d+") || name.matches(".*_chk_\\d+");
        table.checks.add(
            new Schema.CheckConstraint(invented ? null : name, Normalise.stripParens(clause)));
      }
    }
    return json;
  }

  private static void readForeignKeys(Statement s, Map<String, TableBuilder> tables)
      throws SQLException {
    String sql =
        "SELECT r.TABLE_NAME, r.CONSTRAINT_NAME, r.REFERENCED_TABLE_NAME, r.DELETE_RULE,"
            + " r.UPDATE_RULE, k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME"
            + " FROM information_schema.REFERENTIAL_CONSTRAINTS r"
            + " JOIN information_schema.KEY_COLUMN_USAGE k"
            + " ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.TABLE_NAME = r.TABLE_NAME"
            + " AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME"
            + " WHERE r.CONSTRAINT_SCHEMA = DATABASE()"
            + " ORDER BY r.TABLE_NAME, r.CONSTRAINT_NAME, k.ORDINAL_POSITION";
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String[] row = new String[7];
        for (int i = 0; i < 7; i++) {
          row[i] = rs.getString(i + 1);
        }
        rows.computeIfAbsent(row[0] + "\0" + row[1], k -> new ArrayList<>()).add(row);
      }
    }
    for (List<String[]> fk : rows.values()) {
      String[] first = fk.get(0);
      TableBuilder table = tables.get(first[0]);
      if (table == null) {
        continue;
      }
      List<String> columns = fk.stream().map(r -> r[5]).toList();
      List<String> key = new ArrayList<>(columns);
      key.add(0, first[1]);
      table.foreignKeyNames.add(key.toArray(String[]::new));
      boolean invented = first[1].matches(java.util.regex.Pattern.quote(first[0]) + "_ibfk_\\d+");
      table.foreignKeys.add(
          new Schema.ForeignKey(
              invented ? null : first[1],
              columns,
              first[2],
              fk.stream().map(r -> r[6]).toList(),
              Normalise.action(DatabaseKind.MYSQL, first[3]),
              Normalise.action(DatabaseKind.MYSQL, first[4])));
    }
  }

  /**
   * The index InnoDB creates for a foreign key that has none: named after the key, or after its
   * first column when the key itself is unnamed.
   */
  private static boolean foreignKeyIndex(TableBuilder table, String name, List<String> columns) {
    for (String[] fk : table.foreignKeyNames) {
      List<String> fkColumns = List.of(fk).subList(1, fk.length);
      if (fkColumns.equals(columns)
          && (name.equals(fk[0])
              || name.equals(columns.get(0))
              || name.matches(java.util.regex.Pattern.quote(columns.get(0)) + "_\\d+"))) {
        return true;
      }
    }
    return false;
  }

  private static void readIndexes(Statement s, Map<String, TableBuilder> tables)
      throws SQLException {
    String sql =
        "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS"
            + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String[] row = {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
        rows.computeIfAbsent(row[0] + "\0" + row[1], k -> new ArrayList<>()).add(row);
      }
    }
    for (List<String[]> index : rows.values()) {
      String[] first = index.get(0);
      TableBuilder table = tables.get(first[0]);
      if (table == null) {
        continue;
      }
      String name = first[1];
      List<String> columns = index.stream().map(r -> r[3]).toList();
      boolean unique = "0".equals(first[2]);
      if (name.equals("PRIMARY")) {
        table.primaryKey = new Schema.PrimaryKey(null, columns);
      } else if (unique) {
        boolean invented =
            name.equals(columns.get(0))
                || name.matches(java.util.regex.Pattern.quote(columns.get(0)) + "_\\d+");
        table.uniqueConstraints.add(new Schema.UniqueConstraint(invented ? null : name, columns));
      } else if (!foreignKeyIndex(table, name, columns)) {
        table.indexes.add(new Schema.Index(name, columns, false));
      }
    }
  }
}
