package dev.migrate.engine.diff;

import dev.migrate.engine.schema.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The part of a comparison that only schemas read from a catalog take part in ({@link
 * Schema#catalog()}): views, sequences, enum types, triggers, routines, table and column comments,
 * column collations and generated expressions, index key order, expressions and predicates, and
 * check validity. Between two such schemas of one backend, the database's own text of a view,
 * trigger, routine and index predicate is compared exactly, and so are comments.
 */
final class CatalogDiff {
  private CatalogDiff() {}

  static boolean compared(Schema expected, Schema actual) {
    return expected.catalog() && actual.catalog();
  }

  /**
   * Views, sequences, enum types and routines of the tables' schema, each kind matched by name (a
   * PostgreSQL routine by name and argument types).
   */
  static void objects(
      Schema expected, Schema actual, SchemaDiff.Options options, List<Difference> differences) {
    objects(expected.views(), actual.views(), null, options, differences);
    objects(expected.sequences(), actual.sequences(), null, options, differences);
    objects(expected.enumTypes(), actual.enumTypes(), null, options, differences);
    objects(expected.routines(), actual.routines(), null, options, differences);
  }

  static void triggers(Schema.Table model, Schema.Table live, List<Difference> differences) {
    objects(model.triggers(), live.triggers(), model.name(), SchemaDiff.Options.ALL, differences);
  }

  /**
   * @param table the table the objects belong to, or null when each stands for itself
   */
  private static <T extends Schema.SchemaObject> void objects(
      List<T> expected,
      List<T> actual,
      String table,
      SchemaDiff.Options options,
      List<Difference> differences) {
    Map<String, T> models = byName(expected, table, options);
    Map<String, T> database = byName(actual, table, options);
    TreeSet<String> names = new TreeSet<>(models.keySet());
    names.addAll(database.keySet());
    for (String name : names) {
      T model = models.get(name);
      T live = database.get(name);
      String where = table != null ? table : (model != null ? model : live).identity();
      if (live == null) {
        differences.add(new Difference.MissingObject(where, model));
      } else if (model == null) {
        differences.add(new Difference.ExtraObject(where, live));
      } else if (!model.kind().equals(live.kind())
          || !Objects.equals(model.definition(), live.definition())) {
        differences.add(new Difference.ObjectChanged(where, live, model));
      }
    }
  }

  private static <T extends Schema.SchemaObject> Map<String, T> byName(
      List<T> objects, String table, SchemaDiff.Options options) {
    Map<String, T> byName = new TreeMap<>();
    for (T object : objects) {
      if (table != null || options.includes(object.name())) {
        // MySQL keeps functions and procedures apart: one of each may share a name
        String kind = object instanceof Schema.Routine ? object.kind() + " " : "";
        byName.put(kind + object.identity().toLowerCase(Locale.ROOT), object);
      }
    }
    return byName;
  }

  /** A column's collation, generated expression and comment. */
  static void column(
      String table, Schema.Column live, Schema.Column model, List<Difference> differences) {
    if (!Objects.equals(live.comment(), model.comment())) {
      differences.add(new Difference.CommentChanged(table, live, model));
    }
    if (!sameCollation(live.collation(), model.collation())) {
      differences.add(new Difference.CollationChanged(table, live, model));
    }
    if (!Objects.equals(live.generated(), model.generated())) {
      differences.add(new Difference.GenerationChanged(table, live, model));
    }
  }

  /** The table's own comment. */
  static void tableComment(Schema.Table model, Schema.Table live, List<Difference> differences) {
    if (!Objects.equals(live.comment(), model.comment())) {
      differences.add(
          new Difference.TableCommentChanged(model.name(), live.comment(), model.comment()));
    }
  }

  private static boolean sameCollation(String a, String b) {
    return a == null ? b == null : a.equalsIgnoreCase(b);
  }

  /** What an index says beyond its columns and uniqueness. */
  static List<Object> indexDetails(Schema.Index index) {
    return Arrays.asList(index.descending(), index.predicate());
  }

  /** Checks on both sides, paired by name or else by their exact text, validated on only one. */
  static void checkValidity(Schema.Table model, Schema.Table live, List<Difference> differences) {
    for (Schema.CheckConstraint expected : model.checks()) {
      live.checks().stream()
          .filter(
              actual ->
                  expected.name() != null && actual.name() != null
                      ? expected.name().equalsIgnoreCase(actual.name())
                      : expected.expression().equals(actual.expression()))
          .findFirst()
          .filter(actual -> actual.valid() != expected.valid())
          .ifPresent(
              actual ->
                  differences.add(
                      new Difference.CheckValidityChanged(model.name(), actual, expected)));
    }
  }
}
