package dev.migrate.engine.diff;

import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link Schema} values by hand for the diff tests. */
final class TestTables {
  private final String name;
  private final List<Schema.Column> columns = new ArrayList<>();
  private Schema.PrimaryKey primaryKey;
  private final List<Schema.Index> indexes = new ArrayList<>();
  private final List<Schema.UniqueConstraint> uniques = new ArrayList<>();
  private final List<Schema.ForeignKey> foreignKeys = new ArrayList<>();
  private final List<Schema.CheckConstraint> checks = new ArrayList<>();

  private TestTables(String name) {
    this.name = name;
  }

  static TestTables table(String name) {
    return new TestTables(name);
  }

  static Schema schema(TestTables... tables) {
    List<Schema.Table> built = new ArrayList<>();
    for (TestTables table : tables) {
      built.add(table.build());
    }
    return new Schema(built);
  }

  /** An autoincrement INTEGER primary key column. */
  TestTables id(String column) {
    columns.add(new Schema.Column(column, ColumnType.INTEGER, false, null, true));
    primaryKey = new Schema.PrimaryKey(null, List.of(column));
    return this;
  }

  TestTables column(String column, ColumnType type, boolean nullable) {
    return column(column, type, nullable, null);
  }

  TestTables column(String column, ColumnType type, boolean nullable, String defaultValue) {
    columns.add(new Schema.Column(column, type, nullable, defaultValue, false));
    return this;
  }

  TestTables primaryKey(String constraintName, String... pkColumns) {
    primaryKey = new Schema.PrimaryKey(constraintName, List.of(pkColumns));
    return this;
  }

  TestTables noPrimaryKey() {
    primaryKey = null;
    return this;
  }

  TestTables index(String indexName, boolean unique, String... indexColumns) {
    indexes.add(new Schema.Index(indexName, List.of(indexColumns), unique));
    return this;
  }

  TestTables unique(String constraintName, String... uniqueColumns) {
    uniques.add(new Schema.UniqueConstraint(constraintName, List.of(uniqueColumns)));
    return this;
  }

  TestTables foreignKey(String constraintName, String column, String target, String targetColumn) {
    return foreignKey(constraintName, column, target, targetColumn, null);
  }

  TestTables foreignKey(
      String constraintName,
      String column,
      String target,
      String targetColumn,
      ReferentialAction onDelete) {
    foreignKeys.add(
        new Schema.ForeignKey(
            constraintName, List.of(column), target, List.of(targetColumn), onDelete, null));
    return this;
  }

  TestTables check(String constraintName, String expression) {
    checks.add(new Schema.CheckConstraint(constraintName, expression));
    return this;
  }

  Schema.Table build() {
    return new Schema.Table(name, columns, primaryKey, indexes, uniques, foreignKeys, checks);
  }
}
