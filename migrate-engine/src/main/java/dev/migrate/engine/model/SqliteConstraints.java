package dev.migrate.engine.model;

import dev.migrate.engine.model.internal.HibernateExport;
import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hibernate's SQLite dialect writes no foreign keys and no named unique constraints (it would need
 * ALTER TABLE ADD CONSTRAINT, which SQLite lacks): the models take them from Hibernate's metadata
 * instead, as a migration that creates them inline would have them.
 */
final class SqliteConstraints {
  private SqliteConstraints() {}

  /** {@code schema} with the mapped foreign keys and unique keys its tables lack. */
  static Schema withMapped(Schema schema, HibernateExport.Ddl ddl) {
    List<Schema.Table> tables = new ArrayList<>();
    for (Schema.Table table : schema.tables()) {
      List<Schema.ForeignKey> foreignKeys = new ArrayList<>(table.foreignKeys());
      for (HibernateExport.MappedForeignKey key : ddl.foreignKeys()) {
        if (key.table().equalsIgnoreCase(table.name())
            && foreignKeys.stream().noneMatch(fk -> sameColumns(fk.columns(), key.columns()))) {
          foreignKeys.add(
              new Schema.ForeignKey(
                  key.name(),
                  key.columns(),
                  key.referencedTable(),
                  key.referencedColumns(),
                  action(key.onDelete()),
                  null));
        }
      }
      List<Schema.UniqueConstraint> uniques = new ArrayList<>(table.uniqueConstraints());
      for (HibernateExport.MappedUniqueKey key : ddl.uniqueKeys()) {
        if (key.table().equalsIgnoreCase(table.name())
            && uniques.stream().noneMatch(u -> sameColumns(u.columns(), key.columns()))
            && table.indexes().stream()
                .noneMatch(i -> i.unique() && sameColumns(i.columns(), key.columns()))) {
          uniques.add(new Schema.UniqueConstraint(key.name(), key.columns()));
        }
      }
      tables.add(
          new Schema.Table(
              table.name(),
              table.columns(),
              table.primaryKey(),
              table.indexes(),
              uniques,
              foreignKeys,
              table.checks(),
              table.triggers()));
    }
    return schema.withTables(tables);
  }

  private static boolean sameColumns(List<String> a, List<String> b) {
    return a.size() == b.size()
        && a.stream()
            .map(c -> c.toLowerCase(Locale.ROOT))
            .toList()
            .equals(b.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
  }

  private static ReferentialAction action(String onDelete) {
    if (onDelete == null) {
      return null;
    }
    for (ReferentialAction action : ReferentialAction.values()) {
      if (action.sql().equalsIgnoreCase(onDelete)) {
        return action;
      }
    }
    return null;
  }
}
