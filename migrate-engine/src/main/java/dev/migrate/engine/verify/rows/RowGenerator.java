package dev.migrate.engine.verify.rows;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.verify.rows.ValueSource.Variant;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans rows for the tables of a live schema, the same rows for the same seed and database content:
 * a few per table, parents before children, with values that respect the column types, nullability,
 * keys, unique constraints and indexes (also against the rows already in the table), foreign keys
 * and the simple forms of CHECK constraints. The first row of a table uses each column's declared
 * maximum length and precision and fills every nullable column; the others take other values. A
 * self-referencing table's first row references nothing (or itself, when the key must be set),
 * later rows earlier ones; a cycle of foreign keys is broken at a nullable key, which stays NULL.
 *
 * <pre>
 * RowPlan plan = new RowGenerator(new SchemaReader().read(c), kind, seed).plan(c, null);
 * WriteResult written = RowWriter.insert(c, plan);
 * </pre>
 */
public final class RowGenerator {
  /** Rows planned per table unless told otherwise. */
  public static final int ROWS_PER_TABLE = 3;

  private static final int ALTERNATIVES = 2;
  private static final int TRIES = 12;
  private static final int EXISTING_PARENTS = 20;

  /** PostgreSQL refuses a btree entry over about 2700 bytes. */
  private static final int POSTGRES_INDEXED_TEXT = 400;

  private final Schema schema;
  private final DatabaseKind kind;
  private final long seed;
  private final int rowsPerTable;
  private ColumnCharsets charsets = new ColumnCharsets();

  public RowGenerator(Schema schema, DatabaseKind kind, long seed) {
    this(schema, kind, seed, ROWS_PER_TABLE);
  }

  public RowGenerator(Schema schema, DatabaseKind kind, long seed, int rowsPerTable) {
    if (rowsPerTable < 1) {
      throw new IllegalArgumentException("rows per table must be at least 1, was " + rowsPerTable);
    }
    this.schema = schema;
    this.kind = kind;
    this.seed = seed;
    this.rowsPerTable = rowsPerTable;
  }

  /** Reads the columns' character sets through {@code kept}, shared by the plans of one walk. */
  public RowGenerator charsets(ColumnCharsets kept) {
    this.charsets = kept;
    return this;
  }

  /**
   * The rows for {@code tables} (names compared case-insensitively; null for every table of the
   * schema). {@code connection} is read, never written: the keys already in the tables, parent rows
   * to reference, and on MySQL the columns' character sets.
   */
  public RowPlan plan(Connection connection, Collection<String> tables) {
    try {
      return new Planning(connection, tables).run();
    } catch (SQLException e) {
      throw MigrateException.failed(
          "could not read the database to plan test rows: " + e.getMessage(), e);
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** One parent row a foreign key can point at: referenced column (lower case) to value. */
  private record ParentRow(Map<String, Object> values, int plannedIndex) {}

  private final class Planning {
    private final Connection connection;
    private final List<Schema.Table> fill;
    private final Set<String> fillNames;
    private final List<PlannedRow> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, List<Integer>> plannedByTable = new HashMap<>();
    private final Set<Schema.ForeignKey> broken = new HashSet<>();

    Planning(Connection connection, Collection<String> tables) {
      this.connection = connection;
      Set<String> wanted =
          tables == null
              ? null
              : tables.stream().map(RowGenerator::lower).collect(Collectors.toSet());
      this.fill =
          schema.tables().stream()
              .filter(t -> wanted == null || wanted.contains(lower(t.name())))
              .toList();
      this.fillNames = fill.stream().map(t -> lower(t.name())).collect(Collectors.toSet());
    }

    RowPlan run() throws SQLException {
      for (Schema.Table table : order()) {
        fillTable(table);
      }
      return new RowPlan(schema, kind, rows, notes);
    }

    /** Parents before children; a cycle broken at a nullable foreign key. */
    private List<Schema.Table> order() {
      List<Schema.Table> remaining = new ArrayList<>(fill);
      List<Schema.Table> ordered = new ArrayList<>();
      while (!remaining.isEmpty()) {
        Set<String> left = remaining.stream().map(t -> lower(t.name())).collect(Collectors.toSet());
        Schema.Table ready =
            remaining.stream().filter(t -> waitingOn(t, left).isEmpty()).findFirst().orElse(null);
        if (ready != null) {
          ordered.add(ready);
          remaining.remove(ready);
          continue;
        }
        Schema.ForeignKey breakable =
            remaining.stream()
                .flatMap(t -> waitingOn(t, left).stream().filter(fk -> nullable(t, fk.columns())))
                .findFirst()
                .orElse(null);
        if (breakable != null) {
          broken.add(breakable);
          continue;
        }
        Schema.Table stuck = remaining.remove(0);
        notes.add(
            stuck.name()
                + ": its NOT NULL foreign keys form a cycle with "
                + waitingOn(stuck, left).stream()
                    .map(Schema.ForeignKey::referencedTable)
                    .distinct()
                    .collect(Collectors.joining(", "))
                + "; no rows inserted");
      }
      return ordered;
    }

    private List<Schema.ForeignKey> waitingOn(Schema.Table table, Set<String> left) {
      return table.foreignKeys().stream()
          .filter(fk -> !broken.contains(fk))
          .filter(fk -> !fk.referencedTable().equalsIgnoreCase(table.name()))
          .filter(fk -> left.contains(lower(fk.referencedTable())))
          .toList();
    }

    private boolean nullable(Schema.Table table, List<String> columns) {
      return columns.stream()
          .allMatch(c -> table.column(c).map(Schema.Column::nullable).orElse(false));
    }

    private void fillTable(Schema.Table table) throws SQLException {
      Map<String, CheckRules.Rule> rules =
          CheckRules.parse(
              table.checks().stream().map(Schema.CheckConstraint::expression).toList());
      List<List<String>> uniqueSets = uniqueSets(table);
      Set<String> indexed = indexedColumns(table);
      Map<String, String> columnCharsets = charsets.of(connection, kind, table);
      Set<String> uniqueColumns = new HashSet<>();
      uniqueSets.forEach(set -> set.forEach(c -> uniqueColumns.add(lower(c))));
      Map<String, ValueSource> sources = new LinkedHashMap<>();
      for (Schema.Column column : table.columns()) {
        if (column.generated() != null) {
          continue;
        }
        String key = lower(column.name());
        String charset = columnCharsets.get(column.name());
        ValueSource source =
            new ValueSource(
                kind,
                schema,
                column,
                rules.get(key),
                charset,
                uniqueColumns.contains(key),
                kind == DatabaseKind.POSTGRESQL && indexed.contains(key)
                    ? POSTGRES_INDEXED_TEXT
                    : Integer.MAX_VALUE);
        if (!source.satisfiable() && !column.nullable() && column.defaultValue() == null) {
          notes.add(
              table.name()
                  + ": no value can be made for column "
                  + column.name()
                  + " ("
                  + describeType(column)
                  + "); no rows inserted");
          return;
        }
        sources.put(column.name(), source);
      }
      List<Set<List<Object>>> used = new ArrayList<>();
      for (List<String> set : uniqueSets) {
        used.add(existingKeys(table, set));
      }
      Map<Schema.ForeignKey, List<ParentRow>> existingParents = new HashMap<>();
      for (Schema.ForeignKey fk : table.foreignKeys()) {
        existingParents.put(fk, existingParentRows(fk));
      }
      Map<String, Long> counters = new HashMap<>();
      if (kind == DatabaseKind.MYSQL) {
        for (Schema.Column column : table.columns()) {
          if (column.autoincrement() && sources.containsKey(column.name())) {
            counters.put(column.name(), currentMaximum(table, column));
          }
        }
      }
      Set<String> kept = new HashSet<>();
      counters.keySet().forEach(c -> kept.add(lower(c)));
      table.foreignKeys().forEach(fk -> fk.columns().forEach(c -> kept.add(lower(c))));
      kept.addAll(referencedColumns(table));
      List<Integer> planned =
          plannedByTable.computeIfAbsent(lower(table.name()), k -> new ArrayList<>());
      for (int i = 0; i < rowsPerTable; i++) {
        Random random = new Random(seed * 1_000_003L + lower(table.name()).hashCode() * 7919L + i);
        Draft row = null;
        long number = i;
        for (int attempt = 0; attempt < TRIES && row == null; attempt++) {
          Variant variant =
              attempt > 0 || i % 3 == 1
                  ? Variant.RANDOM
                  : i % 3 == 0 ? Variant.WIDEST : Variant.NARROWEST;
          Draft draft =
              draft(
                  table,
                  sources,
                  uniqueColumns,
                  existingParents,
                  variant,
                  attempt >= TRIES / 2,
                  random);
          if (draft != null) {
            // MySQL moves AUTO_INCREMENT past any value given: the next numbers keep it where it is
            counters.forEach((column, max) -> putColumn(draft.values, column, max + 1 + number));
          }
          if (draft == null) {
            notes.add(
                table.name()
                    + ": no parent row to reference"
                    + (i == 0 ? "" : " for more than " + i + " rows")
                    + "; "
                    + (i == 0 ? "no rows inserted" : "no further rows"));
            return;
          }
          if (unique(draft.values, uniqueSets, used)) {
            row = draft;
          }
        }
        if (row == null) {
          notes.add(
              table.name()
                  + ": no further unique values after "
                  + i
                  + (i == 1 ? " row" : " rows")
                  + "; no further rows");
          return;
        }
        register(row.values, uniqueSets, used);
        planned.add(rows.size());
        rows.add(new PlannedRow(table.name(), List.of(row.values), row.references));
      }
      // alternatives after all rows, so they never take a unique value a row needs
      for (int index : planned) {
        PlannedRow row = rows.get(index);
        Random random = new Random(seed * 31L + index);
        List<Map<String, Object>> attempts = new ArrayList<>();
        attempts.add(row.values());
        for (int k = 1; k <= ALTERNATIVES; k++) {
          Variant variant = k == 1 ? Variant.RANDOM : Variant.NARROWEST;
          for (int attempt = 0; attempt < TRIES; attempt++) {
            Map<String, Object> alternative = new LinkedHashMap<>(row.values());
            for (Map.Entry<String, ValueSource> e : sources.entrySet()) {
              String key = lower(e.getKey());
              ValueSource source = e.getValue();
              if (!kept.contains(key)
                  && alternative.containsKey(e.getKey())
                  && source.satisfiable()) {
                boolean unique = uniqueColumns.contains(key);
                Variant v =
                    variant == Variant.NARROWEST && unique || attempt > 0
                        ? Variant.RANDOM
                        : variant;
                alternative.put(e.getKey(), source.value(v, random, unique));
              }
            }
            if (unique(alternative, uniqueSets, used)) {
              register(alternative, uniqueSets, used);
              attempts.add(alternative);
              break;
            }
          }
        }
        rows.set(index, new PlannedRow(row.table(), attempts, row.references()));
      }
    }

    private record Draft(Map<String, Object> values, List<PlannedRow.Reference> references) {}

    /** A candidate row, or null when a foreign key has no row to point at and must. */
    private Draft draft(
        Schema.Table table,
        Map<String, ValueSource> sources,
        Set<String> uniqueColumns,
        Map<Schema.ForeignKey, List<ParentRow>> existingParents,
        Variant variant,
        boolean nullUniques,
        Random random) {
      Map<String, Object> assigned = new HashMap<>();
      List<PlannedRow.Reference> references = new ArrayList<>();
      List<Schema.ForeignKey> toItself = new ArrayList<>();
      for (Schema.ForeignKey fk : table.foreignKeys()) {
        if (broken.contains(fk)) {
          fk.columns().forEach(c -> assigned.put(lower(c), null));
          continue;
        }
        boolean self = fk.referencedTable().equalsIgnoreCase(table.name());
        if (self && sameColumns(fk.columns(), fk.referencedColumns())) {
          continue;
        }
        List<ParentRow> options = new ArrayList<>();
        for (int planned : plannedByTable.getOrDefault(lower(fk.referencedTable()), List.of())) {
          ParentRow parent = plannedParent(fk, planned);
          if (parent != null) {
            options.add(parent);
          }
        }
        options.addAll(existingParents.get(fk));
        options.removeIf(option -> !compatible(fk, option, assigned));
        if (options.isEmpty()) {
          if (nullable(table, fk.columns())) {
            fk.columns().forEach(c -> assigned.putIfAbsent(lower(c), null));
          } else if (self) {
            toItself.add(fk);
          } else {
            return null;
          }
          continue;
        }
        ParentRow parent = options.get(random.nextInt(options.size()));
        for (int k = 0; k < fk.columns().size(); k++) {
          assigned.put(
              lower(fk.columns().get(k)), parent.values.get(lower(fk.referencedColumns().get(k))));
        }
        if (parent.plannedIndex >= 0) {
          references.add(new PlannedRow.Reference(fk.columns(), parent.plannedIndex));
        }
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (Map.Entry<String, ValueSource> e : sources.entrySet()) {
        String key = lower(e.getKey());
        ValueSource source = e.getValue();
        if (assigned.containsKey(key)) {
          values.put(e.getKey(), assigned.get(key));
        } else if (!source.satisfiable()) {
          if (source.column.nullable()) {
            values.put(e.getKey(), null);
          }
          // else left to its default
        } else if (nullUniques && uniqueColumns.contains(key) && source.column.nullable()) {
          // a small domain used up: NULLs never collide in a unique key
          values.put(e.getKey(), null);
        } else {
          boolean unique = uniqueColumns.contains(key);
          Variant v = variant == Variant.NARROWEST && unique ? Variant.RANDOM : variant;
          values.put(e.getKey(), source.value(v, random, unique));
        }
      }
      for (Schema.ForeignKey fk : toItself) {
        for (int k = 0; k < fk.columns().size(); k++) {
          Object own = valueOf(values, fk.referencedColumns().get(k));
          putColumn(values, fk.columns().get(k), own);
        }
      }
      return new Draft(values, references);
    }

    private ParentRow plannedParent(Schema.ForeignKey fk, int planned) {
      Map<String, Object> values = rows.get(planned).values();
      Map<String, Object> key = new HashMap<>();
      for (String column : fk.referencedColumns()) {
        Object value = valueOf(values, column);
        if (value == null) {
          return null;
        }
        key.put(lower(column), value);
      }
      return new ParentRow(key, planned);
    }

    /** Whether a parent row agrees with what other foreign keys already put in shared columns. */
    private boolean compatible(
        Schema.ForeignKey fk, ParentRow parent, Map<String, Object> assigned) {
      for (int k = 0; k < fk.columns().size(); k++) {
        String column = lower(fk.columns().get(k));
        if (assigned.get(column) != null
            && !assigned
                .get(column)
                .equals(parent.values.get(lower(fk.referencedColumns().get(k))))) {
          return false;
        }
      }
      return true;
    }

    private boolean unique(
        Map<String, Object> values, List<List<String>> sets, List<Set<List<Object>>> used) {
      for (int s = 0; s < sets.size(); s++) {
        List<Object> key = keyOf(values, sets.get(s));
        if (key != null && used.get(s).contains(key)) {
          return false;
        }
      }
      return true;
    }

    private void register(
        Map<String, Object> values, List<List<String>> sets, List<Set<List<Object>>> used) {
      for (int s = 0; s < sets.size(); s++) {
        List<Object> key = keyOf(values, sets.get(s));
        if (key != null) {
          used.get(s).add(key);
        }
      }
    }

    /** The key's values as compared for uniqueness; null when a part is NULL or not given. */
    private List<Object> keyOf(Map<String, Object> values, List<String> columns) {
      List<Object> key = new ArrayList<>();
      for (String column : columns) {
        Object value = valueOf(values, column);
        if (value == null) {
          return null;
        }
        try {
          key.add(Sql.keyPart(kind, value));
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
      return key;
    }

    private long currentMaximum(Schema.Table table, Schema.Column column) throws SQLException {
      String sql =
          "SELECT MAX("
              + Sql.quote(kind, column.name())
              + ") FROM "
              + Sql.quote(kind, table.name());
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }

    private Set<List<Object>> existingKeys(Schema.Table table, List<String> columns)
        throws SQLException {
      Set<List<Object>> keys = new HashSet<>();
      String sql =
          "SELECT " + Sql.columnList(kind, columns) + " FROM " + Sql.quote(kind, table.name());
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          List<Object> key = new ArrayList<>();
          for (int i = 1; i <= columns.size(); i++) {
            key.add(Sql.keyPart(kind, Sql.read(rs, i, kind)));
          }
          keys.add(key);
        }
      }
      return keys;
    }

    /** Rows already in the parent table, a few, in key order. */
    private List<ParentRow> existingParentRows(Schema.ForeignKey fk) throws SQLException {
      if (schema.table(fk.referencedTable()).isEmpty()) {
        return List.of();
      }
      String columns = Sql.columnList(kind, fk.referencedColumns());
      String notNull =
          fk.referencedColumns().stream()
              .map(c -> Sql.quote(kind, c) + " IS NOT NULL")
              .collect(Collectors.joining(" AND "));
      String sql =
          "SELECT DISTINCT "
              + columns
              + " FROM "
              + Sql.quote(kind, fk.referencedTable())
              + " WHERE "
              + notNull
              + " ORDER BY "
              + columns
              + " LIMIT "
              + EXISTING_PARENTS;
      List<ParentRow> parents = new ArrayList<>();
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          Map<String, Object> values = new HashMap<>();
          for (int i = 0; i < fk.referencedColumns().size(); i++) {
            values.put(lower(fk.referencedColumns().get(i)), rs.getObject(i + 1));
          }
          parents.add(new ParentRow(values, -1));
        }
      }
      return parents;
    }

    private List<List<String>> uniqueSets(Schema.Table table) {
      List<List<String>> sets = new ArrayList<>();
      if (table.primaryKey() != null) {
        sets.add(table.primaryKey().columns());
      }
      table.uniqueConstraints().forEach(u -> sets.add(u.columns()));
      for (Schema.Index index : table.indexes()) {
        if (index.unique() && index.columns().stream().noneMatch(Schema.Index::isExpression)) {
          sets.add(index.columns());
        }
      }
      return sets;
    }

    private Set<String> indexedColumns(Schema.Table table) {
      Set<String> indexed = new HashSet<>();
      uniqueSets(table).forEach(set -> set.forEach(c -> indexed.add(lower(c))));
      table.indexes().forEach(i -> i.columns().forEach(c -> indexed.add(lower(c))));
      return indexed;
    }

    /** This table's columns that some foreign key of the schema points at. */
    private Set<String> referencedColumns(Schema.Table table) {
      Set<String> referenced = new HashSet<>();
      for (Schema.Table other : schema.tables()) {
        for (Schema.ForeignKey fk : other.foreignKeys()) {
          if (fk.referencedTable().equalsIgnoreCase(table.name())) {
            fk.referencedColumns().forEach(c -> referenced.add(lower(c)));
          }
        }
      }
      return referenced;
    }
  }

  private static boolean sameColumns(List<String> a, List<String> b) {
    return a.stream()
        .map(RowGenerator::lower)
        .toList()
        .equals(b.stream().map(RowGenerator::lower).toList());
  }

  static Object valueOf(Map<String, Object> values, String column) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (e.getKey().equalsIgnoreCase(column)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static void putColumn(Map<String, Object> values, String column, Object value) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (e.getKey().equalsIgnoreCase(column)) {
        e.setValue(value);
        return;
      }
    }
    values.put(column, value);
  }

  private static String describeType(Schema.Column column) {
    return column.type().sql() != null
        ? column.type().sql()
        : column.type().kind().name().toLowerCase(Locale.ROOT);
  }
}
