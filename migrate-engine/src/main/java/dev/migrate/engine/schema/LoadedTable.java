package dev.migrate.engine.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One table as the catalog queries of {@link CatalogQueries#views()} give it, before the database's
 * quirks are normalised away by {@link CatalogQueries#table}: the same rows whether SchemaCrawler
 * loaded them ({@link Crawl#loaded}) or {@link DirectTables} ran the queries for a few tables. The
 * attributes are the values a query returns beyond the JDBC metadata shape, by column label
 * (case-insensitive).
 */
record LoadedTable(
    String name,
    Map<String, String> attributes,
    List<Column> columns,
    Key primaryKey,
    List<Index> indexes,
    List<ForeignKey> foreignKeys,
    List<Check> checks) {
  /** Indexes, keys and checks by name: the catalogs return them in no set order. */
  LoadedTable {
    indexes = indexes.stream().sorted(Comparator.comparing(Index::name)).toList();
    foreignKeys = foreignKeys.stream().sorted(Comparator.comparing(ForeignKey::name)).toList();
    checks = checks.stream().sorted(Comparator.comparing(Check::name)).toList();
  }

  /** Columns in ordinal order. */
  record Column(
      String name,
      String declaredType,
      boolean nullable,
      String defaultValue,
      boolean autoincrement,
      Map<String, String> attributes) {
    String attribute(String key) {
      return attributes.get(key);
    }
  }

  record Key(String name, List<String> columns) {}

  /** Key parts in key order. */
  record Index(
      String name,
      boolean unique,
      List<String> columns,
      List<Boolean> descending,
      Map<String, String> attributes) {
    String attribute(String key) {
      return attributes.get(key);
    }
  }

  /**
   * @param deleteRule the rule spelled as SQL or as SchemaCrawler prints it (Normalise.action)
   */
  record ForeignKey(
      String name,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns,
      String deleteRule,
      String updateRule,
      Map<String, String> attributes) {
    String attribute(String key) {
      return attributes.get(key);
    }
  }

  /** A CHECK constraint; its clause is an attribute (CHECK_CLAUSE). */
  record Check(String name, Map<String, String> attributes) {
    String attribute(String key) {
      return attributes.get(key);
    }
  }

  String attribute(String key) {
    return attributes.get(key);
  }

  static Map<String, String> newAttributes() {
    return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  }
}
