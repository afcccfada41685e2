package dev.migrate.engine.verify.rows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * All rows of one table as read at one moment, values normalised so the same stored value read
 * twice compares equal: numbers as {@link java.math.BigDecimal} without trailing zeros, booleans as
 * {@link Boolean}, bytes as {@link Bytes}, date and time values as ISO text (with a time zone: the
 * instant in UTC), everything else as text; NULL as null.
 *
 * @param table the table's name
 * @param columns the columns in table order
 * @param keyColumns the primary key's columns, or empty when the table has none (its rows then
 *     compare as a multiset of whole rows)
 * @param rows each row, column name (as in {@code columns}) to value, in key order
 */
public record TableData(
    String table, List<String> columns, List<String> keyColumns, List<Map<String, Object>> rows) {
  public TableData {
    columns = List.copyOf(columns);
    keyColumns = List.copyOf(keyColumns);
    List<Map<String, Object>> copies = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      copies.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
    }
    rows = List.copyOf(copies);
  }

  /** The column's name as this table spells it, or null when it has no such column. */
  public String column(String name) {
    return columns.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
  }

  /** The rows by primary key value (the key's values in key column order). */
  public Map<List<Object>, Map<String, Object>> byKey() {
    Map<List<Object>, Map<String, Object>> byKey = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      List<Object> key = new ArrayList<>();
      for (String column : keyColumns) {
        key.add(row.get(column(column)));
      }
      byKey.put(Collections.unmodifiableList(key), row);
    }
    return byKey;
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Bytes as lower-case hex, so that two reads of the same value compare equal. */
  public record Bytes(String hex) {
    @Override
    public String toString() {
      return "X'" + hex + "'";
    }
  }
}
