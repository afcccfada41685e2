package dev.migrate.engine.schema;

import dev.migrate.engine.dialect.DatabaseKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the main SQLite database through sqlite_master and the table-valued pragma functions, one
 * query per kind of object. SQLite leaves much out of its pragmas, which this puts back from the
 * CREATE TABLE text: constraint names (else null; SQLite has none of its own), named UNIQUE
 * constraints that only show as {@code sqlite_autoindex_*} indexes, CHECK constraints, and
 * AUTOINCREMENT. Primary key columns read NOT NULL ({@code INTEGER PRIMARY KEY} reports nullable).
 */
final class SqliteCatalog {
  private static final String TABLES =
      "FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

  private SqliteCatalog() {}

  static void read(Connection connection, Map<String, TableBuilder> tables) throws SQLException {
    Map<String, SqliteDdl> ddl = new HashMap<>();
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT m.name, m.sql " + TABLES)) {
        while (rs.next()) {
          tables.put(rs.getString(1), new TableBuilder(rs.getString(1)));
          ddl.put(rs.getString(1), SqliteDdl.parse(rs.getString(2)));
        }
      }
      readColumns(s, tables, ddl);
      readIndexes(s, tables, ddl);
      readForeignKeys(s, tables, ddl);
    }
    for (TableBuilder table : tables.values()) {
      SqliteDdl text = ddl.get(table.name);
      if (text != null) {
        table.checks.addAll(text.checks);
      }
    }
  }

  private static void readColumns(
      Statement s, Map<String, TableBuilder> tables, Map<String, SqliteDdl> ddl)
      throws SQLException {
    String sql =
        "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk "
            + TABLES.replace(
                "FROM sqlite_master m", "FROM sqlite_master m, pragma_table_info(m.name) p")
            + " ORDER BY m.name, p.cid";
    Map<String, List<String[]>> keys = new LinkedHashMap<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        TableBuilder table = tables.get(rs.getString(1));
        if (table == null) {
          continue;
        }
        String name = rs.getString(2);
        ColumnType type = Normalise.type(DatabaseKind.SQLITE, rs.getString(3));
        int pk = rs.getInt(6);
        if (pk > 0) {
          keys.computeIfAbsent(table.name, k -> new ArrayList<>())
              .add(new String[] {String.valueOf(pk), name});
        }
        boolean autoincrement =
            ddl.get(table.name).autoincrement.contains(name.toLowerCase(Locale.ROOT));
        table.columns.add(
            new Schema.Column(
                name,
                type,
                pk == 0 && rs.getInt(4) == 0,
                Normalise.defaultValue(rs.getString(5), type),
                autoincrement));
      }
    }
    for (Map.Entry<String, List<String[]>> key : keys.entrySet()) {
      List<String> columns =
          key.getValue().stream()
              .sorted((a, b) -> Integer.parseInt(a[0]) - Integer.parseInt(b[0]))
              .map(a -> a[1])
              .toList();
      TableBuilder table = tables.get(key.getKey());
      table.primaryKey = new Schema.PrimaryKey(ddl.get(table.name).name("p", List.of()), columns);
    }
  }

  private static void readIndexes(
      Statement s, Map<String, TableBuilder> tables, Map<String, SqliteDdl> ddl)
      throws SQLException {
    String sql =
        "SELECT m.name, l.name, l.\"unique\", l.origin, i.name "
            + TABLES.replace(
                "FROM sqlite_master m",
                "FROM sqlite_master m, pragma_index_list(m.name) l, pragma_index_info(l.name) i")
            + " ORDER BY m.name, l.name, i.seqno";
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String[] row = {
          rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
        };
        rows.computeIfAbsent(row[0] + "\0" + row[1], k -> new ArrayList<>()).add(row);
      }
    }
    for (List<String[]> index : rows.values()) {
      String[] first = index.get(0);
      TableBuilder table = tables.get(first[0]);
      if (table == null) {
        continue;
      }
      List<String> columns = index.stream().map(r -> r[4]).toList();
      switch (first[3]) {
        case "u" ->
            table.uniqueConstraints.add(
                new Schema.UniqueConstraint(ddl.get(table.name).name("u", columns), columns));
        case "c" -> table.indexes.add(new Schema.Index(first[1], columns, "1".equals(first[2])));
        default -> {} // "pk": the index behind a primary key
      }
    }
  }

  private static void readForeignKeys(
      Statement s, Map<String, TableBuilder> tables, Map<String, SqliteDdl> ddl)
      throws SQLException {
    String sql =
        "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_delete, f.on_update "
            + TABLES.replace(
                "FROM sqlite_master m", "FROM sqlite_master m, pragma_foreign_key_list(m.name) f")
            + " ORDER BY m.name, f.id, f.seq";
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
    // pragma_foreign_key_list numbers keys from the last declared; declaration order reads better
    List<List<String[]>> keys = new ArrayList<>(rows.values());
    java.util.Collections.reverse(keys);
    keys.sort(java.util.Comparator.comparing(k -> k.get(0)[0]));
    for (List<String[]> fk : keys) {
      String[] first = fk.get(0);
      TableBuilder table = tables.get(first[0]);
      if (table == null) {
        continue;
      }
      List<String> columns = fk.stream().map(r -> r[3]).toList();
      List<String> referenced = fk.stream().map(r -> r[4]).toList();
      if (referenced.contains(null)) {
        // REFERENCES parent without columns: the parent's primary key
        TableBuilder parent = tables.get(first[2]);
        referenced =
            parent != null && parent.primaryKey != null ? parent.primaryKey.columns() : List.of();
      }
      table.foreignKeys.add(
          new Schema.ForeignKey(
              ddl.get(table.name).name("f", columns),
              columns,
              first[2],
              referenced,
              Normalise.action(DatabaseKind.SQLITE, first[5]),
              Normalise.action(DatabaseKind.SQLITE, first[6])));
    }
  }
}
