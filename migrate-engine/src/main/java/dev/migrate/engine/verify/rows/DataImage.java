package dev.migrate.engine.verify.rows;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rows of some tables at one moment, to compare with a later image: {@link #lossesIn} lists
 * what the later one lost.
 *
 * @param tables by table name as the schema spells it
 */
public record DataImage(Map<String, TableData> tables) {
  public DataImage {
    tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
  }

  /**
   * Reads every row of {@code tableNames} (case-insensitive; null for every table of {@code
   * schema}), keyed by the primary key {@code schema} gives each. Tables the schema does not have
   * are left out.
   */
  public static DataImage read(
      Connection connection, DatabaseKind kind, Schema schema, Collection<String> tableNames) {
    Set<String> wanted =
        tableNames == null
            ? null
            : tableNames.stream().map(TableData::lower).collect(Collectors.toSet());
    Map<String, TableData> tables = new LinkedHashMap<>();
    for (Schema.Table table : schema.tables()) {
      if (wanted == null || wanted.contains(TableData.lower(table.name()))) {
        try {
          tables.put(table.name(), readTable(connection, kind, table));
        } catch (SQLException e) {
          throw MigrateException.failed(
              "could not read the rows of table " + table.name() + ": " + e.getMessage(), e);
        }
      }
    }
    return new DataImage(tables);
  }

  private static TableData readTable(Connection connection, DatabaseKind kind, Schema.Table table)
      throws SQLException {
    List<String> key = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
    String sql =
        "SELECT * FROM "
            + Sql.quote(kind, table.name())
            + (key.isEmpty() ? "" : " ORDER BY " + Sql.columnList(kind, key));
    List<String> columns = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i));
      }
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns.size(); i++) {
          row.put(columns.get(i - 1), Sql.read(rs, i, kind));
        }
        rows.add(row);
      }
    }
    return new TableData(table.name(), columns, key, rows);
  }

  /** The table of that name (case-insensitive). */
  public Optional<TableData> table(String name) {
    return tables.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * What {@code after} lost of this image's rows: tables gone, rows gone, columns gone (when some
   * row had a value there), values changed. Rows {@code after} has in addition are no loss.
   */
  public List<DataLoss> lossesIn(DataImage after) {
    List<DataLoss> losses = new ArrayList<>();
    for (TableData before : tables.values()) {
      Optional<TableData> later = after.table(before.table());
      if (later.isEmpty()) {
        if (!before.rows().isEmpty()) {
          losses.add(
              new DataLoss(
                  DataLoss.Kind.TABLE_GONE,
                  before.table(),
                  null,
                  null,
                  before.rows().size(),
                  null));
        }
        continue;
      }
      compareTable(before, later.get(), losses);
    }
    return losses;
  }

  private static void compareTable(TableData before, TableData after, List<DataLoss> losses) {
    List<String> common = new ArrayList<>();
    for (String column : before.columns()) {
      if (after.column(column) != null) {
        common.add(column);
        continue;
      }
      long withValues = before.rows().stream().filter(r -> r.get(column) != null).count();
      if (withValues > 0) {
        losses.add(
            new DataLoss(
                DataLoss.Kind.COLUMN_GONE, before.table(), null, column, withValues, null));
      }
    }
    boolean keyed =
        !before.keyColumns().isEmpty()
            && before.keyColumns().stream().allMatch(k -> after.column(k) != null);
    if (keyed) {
      TableData afterKeyed =
          new TableData(after.table(), after.columns(), before.keyColumns(), after.rows());
      Map<List<Object>, Map<String, Object>> later = afterKeyed.byKey();
      for (Map.Entry<List<Object>, Map<String, Object>> e : before.byKey().entrySet()) {
        String key = describeKey(before.keyColumns(), e.getKey());
        Map<String, Object> row = later.get(e.getKey());
        if (row == null) {
          losses.add(new DataLoss(DataLoss.Kind.ROW_GONE, before.table(), key, null, null, null));
          continue;
        }
        for (String column : common) {
          Object was = e.getValue().get(column);
          Object is = row.get(after.column(column));
          if (!java.util.Objects.equals(was, is)) {
            losses.add(
                new DataLoss(DataLoss.Kind.VALUE_CHANGED, before.table(), key, column, was, is));
          }
        }
      }
      return;
    }
    // no key: rows compare as a multiset over the columns both images have
    Map<List<Object>, Integer> later = new LinkedHashMap<>();
    for (Map<String, Object> row : after.rows()) {
      later.merge(project(row, common, after), 1, Integer::sum);
    }
    for (Map<String, Object> row : before.rows()) {
      List<Object> values = project(row, common, before);
      Integer count = later.get(values);
      if (count == null || count == 0) {
        losses.add(
            new DataLoss(
                DataLoss.Kind.ROW_GONE,
                before.table(),
                describeKey(common, values),
                null,
                null,
                null));
      } else {
        later.put(values, count - 1);
      }
    }
  }

  private static List<Object> project(Map<String, Object> row, List<String> columns, TableData in) {
    List<Object> values = new ArrayList<>();
    for (String column : columns) {
      values.add(row.get(in.column(column)));
    }
    return values;
  }

  private static String describeKey(List<String> columns, List<Object> values) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      parts.add(columns.get(i) + "=" + DataLoss.show(values.get(i)));
    }
    return String.join(", ", parts);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
