package dev.migrate.engine.schema;

import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the current schema from pg_catalog, one query per kind of object. pg_constraint holds only
 * real constraints, so the NOT NULL "check constraints" that information_schema (and SchemaCrawler
 * through it) invents, named like {@code 2200_16384_1_not_null}, never appear.
 */
final class PostgresCatalog {
  private static final String TABLES =
      "c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')";

  private PostgresCatalog() {}

  static void read(Connection connection, Map<String, TableBuilder> tables) throws SQLException {
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_class c WHERE " + TABLES)) {
        while (rs.next()) {
          tables.put(rs.getString(1), new TableBuilder(rs.getString(1)));
        }
      }
      readColumns(s, tables);
      readConstraints(s, tables);
      readIndexes(s, tables);
    }
  }

  private static void readColumns(Statement s, Map<String, TableBuilder> tables)
      throws SQLException {
    String sql =
        "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_get_expr(d.adbin, d.adrelid), a.attidentity"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE "
            + TABLES
            + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum";
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        TableBuilder table = tables.get(rs.getString(1));
        if (table == null) {
          continue;
        }
        ColumnType type = Normalise.type(DatabaseKind.POSTGRESQL, rs.getString(3));
        String rawDefault = rs.getString(5);
        String identity = rs.getString(6);
        boolean serial = rawDefault != null && rawDefault.startsWith("nextval(");
        boolean autoincrement = serial || (identity != null && !identity.isBlank());
        String defaultValue = serial ? null : Normalise.defaultValue(rawDefault, type);
        table.columns.add(
            new Schema.Column(
                rs.getString(2), type, !rs.getBoolean(4), defaultValue, autoincrement));
      }
    }
  }

  private static void readConstraints(Statement s, Map<String, TableBuilder> tables)
      throws SQLException {
    String sql =
        "SELECT c.relname, con.conname, con.contype,"
            + " ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o)"
            + " JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o),"
            + " f.relname,"
            + " ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o)"
            + " JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o),"
            + " con.confdeltype, con.confupdtype, pg_get_constraintdef(con.oid, true)"
            + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
            + " LEFT JOIN pg_class f ON f.oid = con.confrelid"
            + " WHERE "
            + TABLES
            + " AND con.contype IN ('p', 'u', 'f', 'c') ORDER BY c.relname, con.conname";
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        TableBuilder table = tables.get(rs.getString(1));
        if (table == null) {
          continue;
        }
        String name = rs.getString(2);
        List<String> columns = strings(rs.getArray(4));
        switch (rs.getString(3)) {
          case "p" ->
              table.primaryKey =
                  new Schema.PrimaryKey(invented(name, table.name, List.of(), "pkey"), columns);
          case "u" ->
              table.uniqueConstraints.add(
                  new Schema.UniqueConstraint(invented(name, table.name, columns, "key"), columns));
          case "f" ->
              table.foreignKeys.add(
                  new Schema.ForeignKey(
                      invented(name, table.name, columns, "fkey"),
                      columns,
                      rs.getString(5),
                      strings(rs.getArray(6)),
                      Normalise.action(DatabaseKind.POSTGRESQL, rs.getString(7)),
                      Normalise.action(DatabaseKind.POSTGRESQL, rs.getString(8))));
          case "c" ->
              table.checks.add(
                  new Schema.CheckConstraint(
                      name.startsWith(table.name + "_") && name.matches(".*_check\\d*")
                          ? null
                          : name,
                      checkBody(rs.getString(9))));
          default -> {}
        }
      }
    }
  }

  private static void readIndexes(Statement s, Map<String, TableBuilder> tables)
      throws SQLException {
    String sql =
        "SELECT c.relname, i.relname, x.indisunique,"
            + " ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true)"
            + " FROM generate_series(1, x.indnkeyatts) k ORDER BY k)"
            + " FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid"
            + " JOIN pg_class i ON i.oid = x.indexrelid"
            + " WHERE "
            + TABLES
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid"
            + " AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))"
            + " ORDER BY c.relname, i.relname";
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        TableBuilder table = tables.get(rs.getString(1));
        if (table != null) {
          table.indexes.add(
              new Schema.Index(rs.getString(2), strings(rs.getArray(4)), rs.getBoolean(3)));
        }
      }
    }
  }

  /** {@code CHECK ((price > 0))} as the bare expression {@code price > 0}. */
  private static String checkBody(String definition) {
    String body = definition.trim();
    if (body.toUpperCase(java.util.Locale.ROOT).startsWith("CHECK")) {
      body = body.substring(5).trim();
    }
    if (body.toUpperCase(java.util.Locale.ROOT).endsWith("NOT VALID")) {
      body = body.substring(0, body.length() - 9).trim();
    }
    return Normalise.stripParens(body);
  }

  /**
   * Null for the name PostgreSQL gives an unnamed constraint ({@code task_pkey}, {@code
   * task_owner_id_fkey}, {@code task_a_b_key}, with a number added on a clash), else the name.
   */
  private static String invented(String name, String table, List<String> columns, String suffix) {
    StringBuilder generated = new StringBuilder(table);
    for (String column : columns) {
      generated.append('_').append(column);
    }
    generated.append('_').append(suffix);
    String g = generated.toString();
    if (g.length() > 63) {
      return name.endsWith(suffix) ? null : name;
    }
    return name.equals(g) || name.matches(java.util.regex.Pattern.quote(g) + "\\d+") ? null : name;
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    return Arrays.stream(values).map(String::valueOf).toList();
  }
}
