package dev.migrate.engine.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as the catalog queries fill it in, before it becomes an immutable {@link Schema.Table}.
 */
final class TableBuilder {
  final String name;
  final List<Schema.Column> columns = new ArrayList<>();
  Schema.PrimaryKey primaryKey;
  final List<Schema.Index> indexes = new ArrayList<>();
  final List<Schema.UniqueConstraint> uniqueConstraints = new ArrayList<>();
  final List<Schema.ForeignKey> foreignKeys = new ArrayList<>();
  final List<Schema.CheckConstraint> checks = new ArrayList<>();

  /** Each foreign key as its actual name followed by its columns (MySQL's index matching). */
  final List<String[]> foreignKeyNames = new ArrayList<>();

  TableBuilder(String name) {
    this.name = name;
  }

  Schema.Column column(String name) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst().orElse(null);
  }

  void replaceColumn(Schema.Column column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column.name())) {
        columns.set(i, column);
      }
    }
  }

  Schema.Table build() {
    return new Schema.Table(
        name, columns, primaryKey, indexes, uniqueConstraints, foreignKeys, checks);
  }
}
