package dev.migrate.engine.ops;

import java.util.List;
import java.util.Objects;

/** A table constraint as an operation declares it. A null name lets the database choose one. */
public sealed interface Constraint extends TableElement {
  String name();

  ConstraintKind kind();

  record PrimaryKey(String name, List<String> columns) implements Constraint {
    public PrimaryKey {
      columns = Checks.columns(columns, "primary key");
    }

    @Override
    public ConstraintKind kind() {
      return ConstraintKind.PRIMARY_KEY;
    }
  }

  record Unique(String name, List<String> columns) implements Constraint {
    public Unique {
      columns = Checks.columns(columns, "unique constraint");
    }

    @Override
    public ConstraintKind kind() {
      return ConstraintKind.UNIQUE;
    }
  }

  /**
   * @param referencedColumns empty means the referenced table's primary key (SQLite only)
   * @param onDelete null when not specified
   * @param onUpdate null when not specified
   */
  record ForeignKey(
      String name,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate)
      implements Constraint {
    public ForeignKey {
      columns = Checks.columns(columns, "foreign key");
      Objects.requireNonNull(referencedTable, "referenced table");
      referencedColumns = List.copyOf(referencedColumns);
      if (!referencedColumns.isEmpty() && referencedColumns.size() != columns.size()) {
        throw new IllegalArgumentException(
            "foreign key "
                + name
                + " has "
                + columns.size()
                + " columns but references "
                + referencedColumns.size());
      }
    }

    @Override
    public ConstraintKind kind() {
      return ConstraintKind.FOREIGN_KEY;
    }
  }

  /**
   * @param expression the SQL condition without the surrounding CHECK ( )
   */
  record Check(String name, String expression) implements Constraint {
    public Check {
      Objects.requireNonNull(expression, "check expression");
    }

    @Override
    public ConstraintKind kind() {
      return ConstraintKind.CHECK;
    }
  }
}
