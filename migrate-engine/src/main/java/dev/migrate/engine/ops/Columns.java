package dev.migrate.engine.ops;

import dev.migrate.engine.schema.ColumnType;
import java.util.List;

/**
 * Static factories for what {@link Ops#createTable} takes: {@code column("id", INTEGER)}, {@code
 * primaryKey("id")}, {@code unique("uq_user_email", "email")}, {@code foreignKey(...)}, {@code
 * check("ck_price", "price >= 0")}.
 */
public final class Columns {
  private Columns() {}

  /** A nullable column without default; refine with notNull(), primaryKey(), defaultValue(...). */
  public static ColumnDef column(String name, ColumnType type) {
    return new ColumnDef(name, type, true, null, false, false, false);
  }

  public static Constraint.PrimaryKey primaryKey(String... columns) {
    return new Constraint.PrimaryKey(null, List.of(columns));
  }

  public static Constraint.PrimaryKey namedPrimaryKey(String name, String... columns) {
    return new Constraint.PrimaryKey(name, List.of(columns));
  }

  public static Constraint.Unique unique(String name, String... columns) {
    return new Constraint.Unique(name, List.of(columns));
  }

  public static Constraint.ForeignKey foreignKey(
      String name, List<String> columns, String referencedTable, List<String> referencedColumns) {
    return new Constraint.ForeignKey(name, columns, referencedTable, referencedColumns, null, null);
  }

  public static Constraint.ForeignKey foreignKey(
      String name,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate) {
    return new Constraint.ForeignKey(
        name, columns, referencedTable, referencedColumns, onDelete, onUpdate);
  }

  /** A single-column foreign key. */
  public static Constraint.ForeignKey foreignKey(
      String name, String column, String referencedTable, String referencedColumn) {
    return foreignKey(name, List.of(column), referencedTable, List.of(referencedColumn));
  }

  public static Constraint.Check check(String name, String expression) {
    return new Constraint.Check(name, expression);
  }
}
