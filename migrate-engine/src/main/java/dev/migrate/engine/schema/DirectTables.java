package dev.migrate.engine.schema;

import static schemacrawler.schemacrawler.InformationSchemaKey.FOREIGN_KEYS;
import static schemacrawler.schemacrawler.InformationSchemaKey.INDEXES;
import static schemacrawler.schemacrawler.InformationSchemaKey.PRIMARY_KEYS;
import static schemacrawler.schemacrawler.InformationSchemaKey.TABLES;
import static schemacrawler.schemacrawler.InformationSchemaKey.TABLE_COLUMNS;
import static schemacrawler.schemacrawler.InformationSchemaKey.TABLE_CONSTRAINTS;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import schemacrawler.schemacrawler.InformationSchemaKey;
import schemacrawler.schemacrawler.InformationSchemaViews;

/**
 * A few tables read straight from the catalog queries SchemaCrawler runs for a full load ({@link
 * CatalogQueries#views()}), each limited to those tables: the same rows, assembled into the same
 * {@link LoadedTable} as {@link Crawl#loaded} makes of SchemaCrawler's objects, without
 * SchemaCrawler's fixed cost of some 20 ms per load. {@link SchemaReader.Snapshots} reads the
 * tables that changed this way; tests check it against the full load.
 */
final class DirectTables {
  private DirectTables() {}

  /** The named tables that exist, keyed case-insensitively by name. */
  static Map<String, LoadedTable> read(
      CatalogStatements statements, CatalogQueries queries, Collection<String> names)
      throws SQLException {
    Map<String, Builder> tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (names.isEmpty()) {
      return Map.of();
    }
    Map<InformationSchemaKey, List<Map<String, String>>> rows = fetch(statements, queries, names);
    for (Map<String, String> row : rows.get(TABLES)) {
      Builder b = new Builder(row.get("TABLE_NAME"), row);
      tables.put(b.name, b);
    }
    each(rows, TABLE_COLUMNS, "TABLE_NAME", tables, (b, row) -> b.columns.add(row));
    each(rows, PRIMARY_KEYS, "TABLE_NAME", tables, (b, row) -> b.primaryKey.add(row));
    each(
        rows,
        INDEXES,
        "TABLE_NAME",
        tables,
        (b, row) ->
            b.indexes.computeIfAbsent(row.get("INDEX_NAME"), k -> new ArrayList<>()).add(row));
    each(
        rows,
        FOREIGN_KEYS,
        "FKTABLE_NAME",
        tables,
        (b, row) ->
            b.foreignKeys.computeIfAbsent(row.get("FK_NAME"), k -> new ArrayList<>()).add(row));
    each(
        rows,
        TABLE_CONSTRAINTS,
        "TABLE_NAME",
        tables,
        (b, row) -> {
          if ("CHECK".equalsIgnoreCase(row.get("CONSTRAINT_TYPE"))) {
            b.checks.add(new LoadedTable.Check(row.get("CONSTRAINT_NAME"), row));
          }
        });
    Map<String, LoadedTable> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    tables.forEach((name, b) -> out.put(name, b.build()));
    return out;
  }

  private static void each(
      Map<InformationSchemaKey, List<Map<String, String>>> rows,
      InformationSchemaKey key,
      String tableColumn,
      Map<String, Builder> tables,
      BiConsumer<Builder, Map<String, String>> add) {
    for (Map<String, String> row : rows.getOrDefault(key, List.of())) {
      Builder b = tables.get(row.get(tableColumn));
      if (b != null) {
        add.accept(b, row);
      }
    }
  }

  private static final List<InformationSchemaKey> KEYS =
      List.of(TABLES, TABLE_COLUMNS, PRIMARY_KEYS, INDEXES, FOREIGN_KEYS, TABLE_CONSTRAINTS);

  /**
   * Each query's rows for those tables. On PostgreSQL all queries go as one statement list, in one
   * round trip; on MySQL too where the connection allows it (see {@link CatalogStatements#each}).
   */
  private static Map<InformationSchemaKey, List<Map<String, String>>> fetch(
      CatalogStatements statements, CatalogQueries queries, Collection<String> names)
      throws SQLException {
    InformationSchemaViews views = queries.views();
    List<InformationSchemaKey> keys = KEYS.stream().filter(views::hasQuery).toList();
    Map<InformationSchemaKey, List<Map<String, String>>> out = new LinkedHashMap<>();
    if (queries instanceof PostgresCatalog) {
      // one array parameter per query, so that one kept statement serves any number of tables
      List<Object> parameters = new ArrayList<>();
      StringBuilder sql = new StringBuilder();
      for (InformationSchemaKey key : keys) {
        sql.append(sql.length() == 0 ? "" : "; ").append(filtered(views, key, " = ANY (?)"));
        parameters.add(statements.connection().createArrayOf("text", names.toArray(String[]::new)));
      }
      List<List<Map<String, String>>> results = statements.queries(sql.toString(), parameters);
      for (int i = 0; i < keys.size(); i++) {
        out.put(keys.get(i), results.get(i));
      }
      return out;
    }
    // MariaDB reads the one table that `TABLE_NAME = ?` names, and every table of the database
    // for `IN (?, ?)`: in a list, one query per table costs no more round trips
    List<List<String>> groups =
        statements.mayTakeLists() && names.size() > 1
            ? names.stream().map(List::of).toList()
            : List.of(List.copyOf(names));
    List<String> sqls = new ArrayList<>();
    List<List<?>> parameters = new ArrayList<>();
    for (InformationSchemaKey key : keys) {
      for (List<String> group : groups) {
        String in =
            group.size() == 1
                ? " = ?"
                : " IN (" + group.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")";
        sqls.add(filtered(views, key, in));
        parameters.add(group);
      }
    }
    List<List<Map<String, String>>> results = statements.each(sqls, parameters);
    for (int i = 0; i < results.size(); i++) {
      out.computeIfAbsent(keys.get(i / groups.size()), k -> new ArrayList<>())
          .addAll(results.get(i));
    }
    return out;
  }

  /** The query of that key for the tables the condition names. */
  private static String filtered(
      InformationSchemaViews views, InformationSchemaKey key, String condition) {
    String column = key == FOREIGN_KEYS ? "FKTABLE_NAME" : "TABLE_NAME";
    return "SELECT * FROM (" + views.getQuery(key).getQuery() + ") q WHERE q." + column + condition;
  }

  private static int number(Map<String, String> row, String column) {
    return Integer.parseInt(row.get(column));
  }

  /** True, 1, t, yes: the drivers spell booleans differently. */
  private static boolean flag(String value) {
    return value != null && List.of("1", "t", "true", "yes").contains(value.toLowerCase());
  }

  /** The JDBC importedKey* rule number spelled as SQL. */
  private static String rule(String number) {
    return switch (number == null ? 3 : Integer.parseInt(number)) {
      case 0 -> "CASCADE";
      case 1 -> "RESTRICT";
      case 2 -> "SET NULL";
      case 4 -> "SET DEFAULT";
      default -> "NO ACTION";
    };
  }

  private static final class Builder {
    final String name;
    final Map<String, String> attributes;
    final List<Map<String, String>> columns = new ArrayList<>();
    final List<Map<String, String>> primaryKey = new ArrayList<>();
    final Map<String, List<Map<String, String>>> indexes = new LinkedHashMap<>();
    final Map<String, List<Map<String, String>>> foreignKeys = new LinkedHashMap<>();
    final List<LoadedTable.Check> checks = new ArrayList<>();

    Builder(String name, Map<String, String> attributes) {
      this.name = name;
      this.attributes = attributes;
    }

    LoadedTable build() {
      columns.sort(Comparator.comparingInt(r -> number(r, "ORDINAL_POSITION")));
      List<LoadedTable.Column> cols =
          columns.stream()
              .map(
                  r ->
                      new LoadedTable.Column(
                          r.get("COLUMN_NAME"),
                          r.get("COLUMN_TYPE") != null ? r.get("COLUMN_TYPE") : r.get("TYPE_NAME"),
                          number(r, "NULLABLE") == 1,
                          r.get("COLUMN_DEF"),
                          "YES".equalsIgnoreCase(r.get("IS_AUTOINCREMENT")),
                          r))
              .toList();
      LoadedTable.Key key = null;
      if (!primaryKey.isEmpty()) {
        primaryKey.sort(Comparator.comparingInt(r -> number(r, "KEY_SEQ")));
        key =
            new LoadedTable.Key(
                primaryKey.get(0).get("PK_NAME"),
                primaryKey.stream().map(r -> r.get("COLUMN_NAME")).toList());
      }
      List<LoadedTable.Index> idx = new ArrayList<>();
      indexes.forEach(
          (indexName, parts) -> {
            parts.sort(Comparator.comparingInt(r -> number(r, "ORDINAL_POSITION")));
            idx.add(
                new LoadedTable.Index(
                    indexName,
                    !flag(parts.get(0).get("NON_UNIQUE")),
                    parts.stream().map(r -> r.get("COLUMN_NAME")).toList(),
                    parts.stream().map(r -> "D".equals(r.get("ASC_OR_DESC"))).toList(),
                    parts.get(parts.size() - 1)));
          });
      List<LoadedTable.ForeignKey> fks = new ArrayList<>();
      foreignKeys.forEach(
          (keyName, parts) -> {
            parts.sort(Comparator.comparingInt(r -> number(r, "KEY_SEQ")));
            Map<String, String> first = parts.get(0);
            fks.add(
                new LoadedTable.ForeignKey(
                    keyName,
                    parts.stream().map(r -> r.get("FKCOLUMN_NAME")).toList(),
                    first.get("PKTABLE_NAME"),
                    parts.stream().map(r -> r.get("PKCOLUMN_NAME")).toList(),
                    rule(first.get("DELETE_RULE")),
                    rule(first.get("UPDATE_RULE")),
                    first));
          });
      return new LoadedTable(name, attributes, cols, key, idx, fks, checks);
    }
  }
}
