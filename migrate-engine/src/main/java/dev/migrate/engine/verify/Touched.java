package dev.migrate.engine.verify;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.schema.Schema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables whose rows a revision can change: those its up or down names, those that reference
 * them by foreign key (cascades), and the parents they reference (rows need them). Rows only go
 * where they can be lost; a 200-revision chain would otherwise fill every table at every step. With
 * a trigger in the schema, or a revision naming one of its functions or procedures, any table may
 * change: all of them.
 */
final class Touched {
  private static final Pattern WORD = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]*");

  private Touched() {}

  /** The tables of {@code schema} that {@code revision} may change on {@code kind}. */
  static Set<String> tables(RevisionScript revision, DatabaseKind kind, Schema schema) {
    Set<String> all = new LinkedHashSet<>();
    schema.tables().forEach(t -> all.add(t.name()));
    if (schema.tables().stream().anyMatch(t -> !t.triggers().isEmpty())) {
      return all;
    }
    Set<String> words = new HashSet<>();
    for (Direction direction : Direction.values()) {
      try {
        for (Operation operation : revision.body().plan(direction, kind).operations()) {
          String text =
              operation instanceof Operation.Execute execute ? execute.sql() : operation.toString();
          Matcher m = WORD.matcher(text);
          while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
          }
        }
      } catch (MigrateException e) {
        return all; // the step itself reports it
      }
    }
    // a function or procedure of the schema can change any table without the revision naming it
    if (schema.routines().stream()
        .anyMatch(r -> words.contains(r.name().toLowerCase(Locale.ROOT)))) {
      return all;
    }
    Set<String> touched = new LinkedHashSet<>();
    for (String table : all) {
      if (words.contains(table.toLowerCase(Locale.ROOT))) {
        touched.add(table);
      }
    }
    return withRelatives(touched, schema);
  }

  private static Set<String> withRelatives(Set<String> touched, Schema schema) {
    Set<String> result = new LinkedHashSet<>(touched);
    Deque<String> children = new ArrayDeque<>(touched);
    while (!children.isEmpty()) { // tables referencing a touched one: cascades reach them
      String parent = children.pop();
      for (Schema.Table table : schema.tables()) {
        boolean references =
            table.foreignKeys().stream()
                .anyMatch(fk -> fk.referencedTable().equalsIgnoreCase(parent));
        if (references && result.add(table.name())) {
          children.push(table.name());
        }
      }
    }
    Deque<String> parents = new ArrayDeque<>(result);
    while (!parents.isEmpty()) { // tables a row of them must reference
      String child = parents.pop();
      schema
          .table(child)
          .ifPresent(
              table ->
                  table.foreignKeys().stream()
                      .map(Schema.ForeignKey::referencedTable)
                      .forEach(
                          parent -> {
                            if (schema.table(parent).isPresent() && result.add(parent)) {
                              parents.push(parent);
                            }
                          }));
    }
    return result;
  }
}
