package dev.migrate.engine.diff;

import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares the schema the models expect with the schema a database has. Names are compared
 * case-insensitively. A constraint or index without a name on one side (the database invented it)
 * is matched by its columns (and target, for a foreign key); named on both sides, it is matched by
 * name. Check constraints compare their expression text exactly (named ones after matching by name,
 * unnamed ones by that text): each database rewrites an expression its own way, so compare models
 * with a database only after {@link StoredChecks} has put the models' checks in that database's
 * words. A unique constraint on one side and a unique index on the other over the same columns
 * count as the same thing, as MySQL and SQLite keep the one as the other.
 */
public final class SchemaDiff {
  private SchemaDiff() {}

  /**
   * Which tables the comparison looks at: those matching any {@code include} pattern (all when
   * there is none) and no {@code exclude} pattern. Patterns are table names with {@code *} for any
   * run of characters and {@code ?} for one, case-insensitive: {@code audit_*}.
   */
  public record Options(List<String> include, List<String> exclude) {
    public static final Options ALL = new Options(List.of(), List.of());

    public Options {
      include = List.copyOf(include);
      exclude = List.copyOf(exclude);
    }

    public boolean includes(String table) {
      return (include.isEmpty() || include.stream().anyMatch(p -> matches(p, table)))
          && exclude.stream().noneMatch(p -> matches(p, table));
    }

    private static boolean matches(String pattern, String name) {
      StringBuilder regex = new StringBuilder();
      for (char c : pattern.toCharArray()) {
        regex.append(
            switch (c) {
              case '*' -> ".*";
              case '?' -> ".";
              default -> Pattern.quote(String.valueOf(c));
            });
      }
      return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(name).matches();
    }
  }

  /** Every difference between the models ({@code expected}) and the database ({@code actual}). */
  public static List<Difference> compare(Schema expected, Schema actual) {
    return compare(expected, actual, Options.ALL);
  }

  public static List<Difference> compare(Schema expected, Schema actual, Options options) {
    Map<String, Schema.Table> models = byName(expected, options);
    Map<String, Schema.Table> database = byName(actual, options);
    List<Schema.Table> missing = new ArrayList<>();
    List<Schema.Table> extra = new ArrayList<>();
    for (Map.Entry<String, Schema.Table> entry : models.entrySet()) {
      if (!database.containsKey(entry.getKey())) {
        missing.add(entry.getValue());
      }
    }
    for (Map.Entry<String, Schema.Table> entry : database.entrySet()) {
      if (!models.containsKey(entry.getKey())) {
        extra.add(entry.getValue());
      }
    }
    Map<String, String> renames = possibleRenames(missing, extra);
    Set<String> allNames = new java.util.TreeSet<>(models.keySet());
    allNames.addAll(database.keySet());
    List<Difference> differences = new ArrayList<>();
    for (String name : allNames) {
      Schema.Table model = models.get(name);
      Schema.Table live = database.get(name);
      if (live == null) {
        differences.add(new Difference.MissingTable(model, renames.get(model.name())));
      } else if (model == null) {
        differences.add(new Difference.ExtraTable(live, renames.get(live.name())));
      } else if (model != live) { // snapshots share a table that did not change between them
        compareTables(model, live, CatalogDiff.compared(expected, actual), differences);
      }
    }
    if (CatalogDiff.compared(expected, actual)) {
      CatalogDiff.objects(expected, actual, options, differences);
    }
    return differences;
  }

  private static Map<String, Schema.Table> byName(Schema schema, Options options) {
    Map<String, Schema.Table> tables = new TreeMap<>();
    for (Schema.Table table : schema.tables()) {
      if (options.includes(table.name())) {
        tables.put(table.name().toLowerCase(Locale.ROOT), table);
      }
    }
    return tables;
  }

  /** Missing and extra tables with the same column names, each way round, first match only. */
  private static Map<String, String> possibleRenames(
      List<Schema.Table> missing, List<Schema.Table> extra) {
    Map<String, String> renames = new TreeMap<>();
    List<Schema.Table> candidates = new ArrayList<>(extra);
    for (Schema.Table model : missing) {
      for (Iterator<Schema.Table> it = candidates.iterator(); it.hasNext(); ) {
        Schema.Table live = it.next();
        if (columnNames(model).equals(columnNames(live))) {
          renames.put(model.name(), live.name());
          renames.put(live.name(), model.name());
          it.remove();
          break;
        }
      }
    }
    return renames;
  }

  private static Set<String> columnNames(Schema.Table table) {
    return table.columns().stream()
        .map(c -> c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  /**
   * Missing and extra columns of one table that may be one column renamed, by lower-case name, each
   * way round: pairs with the same type and nullability where neither has another such partner.
   */
  private static Map<String, String> possibleColumnRenames(
      List<Schema.Column> missing, List<Schema.Column> extra) {
    Map<String, String> renames = new TreeMap<>();
    for (Schema.Column model : missing) {
      List<Schema.Column> partners = extra.stream().filter(e -> alike(model, e)).toList();
      if (partners.size() == 1
          && missing.stream().filter(m -> alike(m, partners.get(0))).count() == 1) {
        Schema.Column live = partners.get(0);
        renames.put(lower(model), live.name());
        renames.put(lower(live), model.name());
      }
    }
    return renames;
  }

  private static boolean alike(Schema.Column a, Schema.Column b) {
    return sameType(a.type(), b.type()) && a.nullable() == b.nullable();
  }

  private static String lower(Schema.Column column) {
    return column.name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param details whether both sides were read from a catalog, and {@link CatalogDiff} compares
   *     the details only such schemas state
   */
  private static void compareTables(
      Schema.Table model, Schema.Table live, boolean details, List<Difference> differences) {
    String table = model.name();
    List<Schema.Column> missingColumns =
        model.columns().stream().filter(c -> live.column(c.name()).isEmpty()).toList();
    List<Schema.Column> extraColumns =
        live.columns().stream().filter(c -> model.column(c.name()).isEmpty()).toList();
    Map<String, String> renames = possibleColumnRenames(missingColumns, extraColumns);
    for (Schema.Column column : model.columns()) {
      Schema.Column existing = live.column(column.name()).orElse(null);
      if (existing == null) {
        differences.add(new Difference.MissingColumn(table, column, renames.get(lower(column))));
        continue;
      }
      if (!sameType(existing.type(), column.type())) {
        differences.add(new Difference.ColumnTypeChanged(table, existing, column));
      }
      if (existing.nullable() != column.nullable()) {
        differences.add(new Difference.NullabilityChanged(table, existing, column));
      }
      if (!sameDefault(existing.defaultValue(), column.defaultValue())) {
        differences.add(new Difference.DefaultChanged(table, existing, column));
      }
      if (existing.autoincrement() != column.autoincrement()) {
        differences.add(new Difference.AutoincrementChanged(table, existing, column));
      }
      if (details) {
        CatalogDiff.column(table, existing, column, differences);
      }
    }
    for (Schema.Column column : extraColumns) {
      differences.add(new Difference.ExtraColumn(table, column, renames.get(lower(column))));
    }
    if (!Objects.equals(pkColumns(live.primaryKey()), pkColumns(model.primaryKey()))) {
      differences.add(
          new Difference.PrimaryKeyChanged(table, live.primaryKey(), model.primaryKey()));
    }

    Matched<Schema.Index> indexes =
        match(
            model.indexes(),
            live.indexes(),
            Schema.Index::name,
            i -> indexSignature(i, details),
            (a, b) -> indexSignature(a, details).equals(indexSignature(b, details)));
    Matched<Schema.UniqueConstraint> uniques =
        match(
            model.uniqueConstraints(),
            live.uniqueConstraints(),
            Schema.UniqueConstraint::name,
            u -> lower(u.columns()),
            (a, b) -> lower(a.columns()).equals(lower(b.columns())));
    cancelUniqueIndexes(uniques.missing(), indexes.extra());
    cancelUniqueIndexes(uniques.extra(), indexes.missing());
    Matched<Schema.ForeignKey> foreignKeys =
        match(
            model.foreignKeys(),
            live.foreignKeys(),
            Schema.ForeignKey::name,
            SchemaDiff::foreignKeySignature,
            (a, b) -> foreignKeySignature(a).equals(foreignKeySignature(b)));
    Matched<Schema.CheckConstraint> checks =
        match(
            model.checks(),
            live.checks(),
            Schema.CheckConstraint::name,
            c -> c.expression().strip(),
            (a, b) -> a.expression().strip().equals(b.expression().strip()));

    indexes.missing().forEach(i -> differences.add(new Difference.MissingIndex(table, i)));
    indexes.extra().forEach(i -> differences.add(new Difference.ExtraIndex(table, i)));
    uniques
        .missing()
        .forEach(u -> differences.add(new Difference.MissingUniqueConstraint(table, u)));
    uniques.extra().forEach(u -> differences.add(new Difference.ExtraUniqueConstraint(table, u)));
    foreignKeys.missing().forEach(f -> differences.add(new Difference.MissingForeignKey(table, f)));
    foreignKeys.extra().forEach(f -> differences.add(new Difference.ExtraForeignKey(table, f)));
    checks.missing().forEach(c -> differences.add(new Difference.MissingCheckConstraint(table, c)));
    checks.extra().forEach(c -> differences.add(new Difference.ExtraCheckConstraint(table, c)));
    if (details) {
      CatalogDiff.checkValidity(model, live, differences);
      CatalogDiff.triggers(model, live, differences);
    }
  }

  private static List<Object> indexSignature(Schema.Index index, boolean details) {
    List<Object> signature = new ArrayList<>(List.of(lower(index.columns()), index.unique()));
    if (details) {
      signature.addAll(CatalogDiff.indexDetails(index));
    }
    return signature;
  }

  /** Objects of one kind in the models but not the database ({@code missing}), and the reverse. */
  private record Matched<T>(List<T> missing, List<T> extra) {}

  /**
   * Pairs objects named alike on both sides (a pair whose definitions differ is reported on both
   * sides), then pairs the rest by {@code signature} where either side has no name.
   */
  private static <T> Matched<T> match(
      List<T> expected,
      List<T> actual,
      Function<T, String> name,
      Function<T, Object> signature,
      BiPredicate<T, T> sameDefinition) {
    List<T> missing = new ArrayList<>();
    List<T> extra = new ArrayList<>();
    List<T> unmatchedModels = new ArrayList<>();
    List<T> unmatchedLive = new ArrayList<>(actual);
    for (T model : expected) {
      String modelName = name.apply(model);
      T live =
          modelName == null
              ? null
              : unmatchedLive.stream()
                  .filter(a -> modelName.equalsIgnoreCase(Objects.toString(name.apply(a), "")))
                  .findFirst()
                  .orElse(null);
      if (live == null) {
        unmatchedModels.add(model);
        continue;
      }
      unmatchedLive.remove(live);
      if (!sameDefinition.test(model, live)) {
        missing.add(model);
        extra.add(live);
      }
    }
    for (T model : unmatchedModels) {
      T live =
          unmatchedLive.stream()
              .filter(a -> name.apply(model) == null || name.apply(a) == null)
              .filter(a -> signature.apply(a).equals(signature.apply(model)))
              .findFirst()
              .orElse(null);
      if (live == null) {
        missing.add(model);
      } else {
        unmatchedLive.remove(live);
      }
    }
    extra.addAll(unmatchedLive);
    return new Matched<>(missing, extra);
  }

  private static void cancelUniqueIndexes(
      List<Schema.UniqueConstraint> constraints, List<Schema.Index> indexes) {
    for (Iterator<Schema.UniqueConstraint> it = constraints.iterator(); it.hasNext(); ) {
      Schema.UniqueConstraint constraint = it.next();
      for (Iterator<Schema.Index> ix = indexes.iterator(); ix.hasNext(); ) {
        Schema.Index index = ix.next();
        if (index.unique()
            && lower(index.columns()).equals(lower(constraint.columns()))
            && (index.name() == null
                || constraint.name() == null
                || index.name().equalsIgnoreCase(constraint.name()))) {
          it.remove();
          ix.remove();
          break;
        }
      }
    }
  }

  private static List<String> pkColumns(Schema.PrimaryKey primaryKey) {
    return primaryKey == null || primaryKey.columns().isEmpty()
        ? null
        : lower(primaryKey.columns());
  }

  private static List<Object> foreignKeySignature(Schema.ForeignKey fk) {
    return List.of(
        lower(fk.columns()),
        fk.referencedTable().toLowerCase(Locale.ROOT),
        lower(fk.referencedColumns()),
        Describe.isDefault(fk.onDelete()) ? "" : fk.onDelete(),
        Describe.isDefault(fk.onUpdate()) ? "" : fk.onUpdate());
  }

  private static boolean sameType(ColumnType a, ColumnType b) {
    if (a.kind() == ColumnType.Kind.CUSTOM && b.kind() == ColumnType.Kind.CUSTOM) {
      return spaces(a.sql()).equalsIgnoreCase(spaces(b.sql()));
    }
    return a.equals(b);
  }

  /** Defaults compare with spaces collapsed and case ignored outside quoted literals. */
  private static boolean sameDefault(String a, String b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return normalDefault(a).equals(normalDefault(b));
  }

  private static String normalDefault(String expression) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (char c : spaces(expression).toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      out.append(quoted ? c : Character.toLowerCase(c));
    }
    return out.toString();
  }

  private static String spaces(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
  }
}
