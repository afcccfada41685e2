package dev.migrate.engine.model;

import dev.migrate.engine.ops.ColumnDef;
import dev.migrate.engine.ops.Constraint;
import dev.migrate.engine.ops.TableElement;
import dev.migrate.engine.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Java DSL for models: tables are declared with the same elements {@code Ops.createTable} takes
 * ({@link dev.migrate.engine.ops.Columns}), indexes as {@code Ops.createIndex} takes them.
 *
 * <pre>{@code
 * Schema schema =
 *     Models.builder()
 *         .table("person", column("id", BIGINT).primaryKey().autoincrement(),
 *             column("email", varchar(200)).notNull().unique())
 *         .table("task", column("id", BIGINT).primaryKey(),
 *             column("title", varchar(200)).notNull(),
 *             column("owner_id", BIGINT),
 *             foreignKey("fk_task_owner", "owner_id", "person", "id"))
 *         .index("ix_task_title", "task", "title")
 *         .build();
 * }</pre>
 *
 * A column marked {@code unique()} becomes an unnamed unique constraint; primary key columns are
 * NOT NULL; a null constraint name means the database chooses one. Mistakes (a column or table
 * declared twice, a constraint or index over a column the table lacks, two primary keys) are an
 * {@link IllegalArgumentException} naming the table and column.
 */
public final class Models {
  private Models() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Collects tables and indexes; {@link #build()} checks them and makes the {@link Schema}. */
  public static final class Builder {
    private final Map<String, TableDraft> tables = new LinkedHashMap<>();

    private Builder() {}

    /** A table of these columns and constraints, in order. */
    public Builder table(String name, TableElement... elements) {
      if (tables.containsKey(key(name))) {
        throw new IllegalArgumentException("table " + name + " is declared twice");
      }
      tables.put(key(name), new TableDraft(name, List.of(elements)));
      return this;
    }

    public Builder index(String name, String table, String... columns) {
      return addIndex(new Schema.Index(name, List.of(columns), false), table);
    }

    public Builder uniqueIndex(String name, String table, String... columns) {
      return addIndex(new Schema.Index(name, List.of(columns), true), table);
    }

    private Builder addIndex(Schema.Index index, String table) {
      TableDraft draft = tables.get(key(table));
      if (draft == null) {
        throw new IllegalArgumentException(
            "index "
                + index.name()
                + " is on table "
                + table
                + ", which is not declared before it");
      }
      if (index.columns().isEmpty()) {
        throw new IllegalArgumentException("index " + index.name() + " needs at least one column");
      }
      draft.indexes.add(index);
      return this;
    }

    public Schema build() {
      return new Schema(tables.values().stream().map(TableDraft::toTable).toList());
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static final class TableDraft {
    final String name;
    final List<TableElement> elements;
    final List<Schema.Index> indexes = new ArrayList<>();

    TableDraft(String name, List<TableElement> elements) {
      this.name = name;
      this.elements = elements;
    }

    Schema.Table toTable() {
      List<Schema.Column> columns = new ArrayList<>();
      List<String> keyColumns = new ArrayList<>();
      Schema.PrimaryKey primaryKey = null;
      List<Schema.UniqueConstraint> uniques = new ArrayList<>();
      List<Schema.ForeignKey> foreignKeys = new ArrayList<>();
      List<Schema.CheckConstraint> checks = new ArrayList<>();
      for (TableElement element : elements) {
        if (element instanceof ColumnDef c) {
          if (columns.stream().anyMatch(other -> other.name().equalsIgnoreCase(c.name()))) {
            throw new IllegalArgumentException(
                "column " + name + "." + c.name() + " is declared twice");
          }
          columns.add(
              new Schema.Column(
                  c.name(),
                  c.type(),
                  c.isNullable() && !c.isPrimaryKey(),
                  c.serverDefault(),
                  c.isAutoincrement()));
          if (c.isPrimaryKey()) {
            keyColumns.add(c.name());
          }
          if (c.isUnique()) {
            uniques.add(new Schema.UniqueConstraint(null, List.of(c.name())));
          }
        } else if (element instanceof Constraint.PrimaryKey pk) {
          if (primaryKey != null) {
            throw new IllegalArgumentException("table " + name + " has two primary keys");
          }
          primaryKey = new Schema.PrimaryKey(pk.name(), pk.columns());
        } else if (element instanceof Constraint.Unique u) {
          uniques.add(new Schema.UniqueConstraint(u.name(), u.columns()));
        } else if (element instanceof Constraint.ForeignKey fk) {
          foreignKeys.add(
              new Schema.ForeignKey(
                  fk.name(),
                  fk.columns(),
                  fk.referencedTable(),
                  fk.referencedColumns(),
                  fk.onDelete(),
                  fk.onUpdate()));
        } else if (element instanceof Constraint.Check check) {
          checks.add(new Schema.CheckConstraint(check.name(), check.expression()));
        }
      }
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("table " + name + " needs at least one column");
      }
      if (primaryKey != null && !keyColumns.isEmpty()) {
        throw new IllegalArgumentException(
            "table "
                + name
                + " has a primary key constraint and primaryKey() columns "
                + keyColumns
                + "; use one of them");
      }
      if (primaryKey == null && !keyColumns.isEmpty()) {
        primaryKey = new Schema.PrimaryKey(null, keyColumns);
      }
      if (primaryKey != null) {
        requireColumns(columns, primaryKey.columns(), "primary key");
        List<String> pkColumns = primaryKey.columns();
        columns.replaceAll(
            c ->
                pkColumns.stream().anyMatch(k -> k.equalsIgnoreCase(c.name()))
                    ? new Schema.Column(
                        c.name(), c.type(), false, c.defaultValue(), c.autoincrement())
                    : c);
      }
      uniques.forEach(u -> requireColumns(columns, u.columns(), describe("unique", u.name())));
      foreignKeys.forEach(
          fk -> requireColumns(columns, fk.columns(), describe("foreign key", fk.name())));
      indexes.forEach(i -> requireColumns(columns, i.columns(), describe("index", i.name())));
      return new Schema.Table(name, columns, primaryKey, indexes, uniques, foreignKeys, checks);
    }

    private void requireColumns(List<Schema.Column> columns, List<String> names, String what) {
      for (String column : names) {
        if (columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(column))) {
          throw new IllegalArgumentException(
              what + " of table " + name + " names column " + column + ", which it does not have");
        }
      }
    }

    private static String describe(String what, String constraintName) {
      return constraintName == null ? "a " + what : what + " " + constraintName;
    }
  }
}
