package dev.migrate.engine.ops;

import dev.migrate.engine.schema.ColumnType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable schema operation. The same values are executed by a dialect, printed as offline SQL,
 * hashed into checksums and rendered as Java source, so they carry no behaviour of their own.
 */
public sealed interface Operation {

  /**
   * Raw SQL, one statement. With parameters, each {@code ?} outside quotes takes the next value:
   * bound through JDBC when run online, written as this database's literal offline and in the
   * checksum.
   */
  record Execute(String sql, List<Object> parameters) implements Operation {
    public Execute {
      parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    public Execute(String sql) {
      this(sql, List.of());
    }
  }

  record CreateTable(String table, List<ColumnDef> columns, List<Constraint> constraints)
      implements Operation {
    public CreateTable {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      constraints = List.copyOf(constraints);
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("table " + table + " needs at least one column");
      }
    }
  }

  record DropTable(String table) implements Operation {}

  record RenameTable(String table, String newName) implements Operation {}

  record AddColumn(String table, ColumnDef column) implements Operation {}

  record DropColumn(String table, String column) implements Operation {}

  /**
   * Changes to one column; a null part is left as it is. The {@code existing*} parts describe the
   * column before the change, for databases that restate the whole column (MySQL MODIFY); they are
   * read from the live database when missing and a connection is at hand.
   *
   * @param type the new type, or null
   * @param nullable the new nullability, or null
   * @param serverDefault the new default expression, or null
   * @param dropDefault true to remove the default (then serverDefault is null)
   * @param newName the new column name, or null
   */
  record AlterColumn(
      String table,
      String column,
      ColumnType type,
      Boolean nullable,
      String serverDefault,
      boolean dropDefault,
      String newName,
      ColumnType existingType,
      Boolean existingNullable,
      String existingDefault,
      String existingAttributes)
      implements Operation {
    /** An alteration of {@code table.column} that changes nothing yet. */
    public static AlterColumn of(String table, String column) {
      return new AlterColumn(table, column, null, null, null, false, null, null, null, null, null);
    }

    public AlterColumn {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      if (dropDefault && serverDefault != null) {
        throw new IllegalArgumentException(
            "alterColumn(" + table + "." + column + ") cannot both set and drop the default");
      }
    }

    public AlterColumn withType(ColumnType newType) {
      return new AlterColumn(
          table,
          column,
          newType,
          nullable,
          serverDefault,
          dropDefault,
          newName,
          existingType,
          existingNullable,
          existingDefault,
          existingAttributes);
    }

    public AlterColumn withNullable(Boolean newNullable) {
      return new AlterColumn(
          table,
          column,
          type,
          newNullable,
          serverDefault,
          dropDefault,
          newName,
          existingType,
          existingNullable,
          existingDefault,
          existingAttributes);
    }

    /** A new default expression, or with {@code drop} the removal of the default. */
    public AlterColumn withDefault(String expression, boolean drop) {
      return new AlterColumn(
          table,
          column,
          type,
          nullable,
          expression,
          drop,
          newName,
          existingType,
          existingNullable,
          existingDefault,
          existingAttributes);
    }

    public AlterColumn withNewName(String name) {
      return new AlterColumn(
          table,
          column,
          type,
          nullable,
          serverDefault,
          dropDefault,
          name,
          existingType,
          existingNullable,
          existingDefault,
          existingAttributes);
    }

    public AlterColumn withExisting(ColumnType oldType, Boolean oldNullable, String oldDefault) {
      return existing(oldType, oldNullable, oldDefault, existingAttributes);
    }

    /**
     * On MySQL, the rest of the existing column's definition after its type, nullability and
     * default, as {@code SHOW CREATE TABLE} spells it ({@code AUTO_INCREMENT COMMENT 'id'}), or
     * empty when it has none: what an offline MODIFY must restate.
     */
    public AlterColumn withExistingAttributes(String attributes) {
      return existing(existingType, existingNullable, existingDefault, attributes);
    }

    private AlterColumn existing(
        ColumnType oldType, Boolean oldNullable, String oldDefault, String attributes) {
      return new AlterColumn(
          table,
          column,
          type,
          nullable,
          serverDefault,
          dropDefault,
          newName,
          oldType,
          oldNullable,
          oldDefault,
          attributes);
    }

    /** The record's text without the MySQL attributes when none are stated. */
    @Override
    public String toString() {
      return "AlterColumn[table="
          + table
          + ", column="
          + column
          + ", type="
          + type
          + ", nullable="
          + nullable
          + ", serverDefault="
          + serverDefault
          + ", dropDefault="
          + dropDefault
          + ", newName="
          + newName
          + ", existingType="
          + existingType
          + ", existingNullable="
          + existingNullable
          + ", existingDefault="
          + existingDefault
          + (existingAttributes == null ? "" : ", existingAttributes=" + existingAttributes)
          + "]";
    }

    /** Whether anything besides the name changes. */
    public boolean changesDefinition() {
      return type != null || nullable != null || serverDefault != null || dropDefault;
    }
  }

  /**
   * @param concurrently PostgreSQL CREATE INDEX CONCURRENTLY; ignored by other databases
   */
  record CreateIndex(
      String name, String table, List<String> columns, boolean unique, boolean concurrently)
      implements Operation {
    public CreateIndex {
      Objects.requireNonNull(name, "index name");
      Objects.requireNonNull(table, "table");
      columns = Checks.columns(columns, "index");
    }
  }

  /**
   * @param table needed by MySQL (DROP INDEX name ON table); may be null elsewhere
   */
  record DropIndex(String name, String table, boolean concurrently) implements Operation {}

  record CreateUniqueConstraint(String name, String table, List<String> columns)
      implements Operation {
    public CreateUniqueConstraint {
      columns = Checks.columns(columns, "unique constraint");
    }
  }

  record CreateForeignKey(String table, Constraint.ForeignKey foreignKey) implements Operation {}

  record CreateCheckConstraint(String name, String table, String expression) implements Operation {}

  record CreatePrimaryKey(String name, String table, List<String> columns) implements Operation {
    public CreatePrimaryKey {
      columns = Checks.columns(columns, "primary key");
    }
  }

  record DropConstraint(String name, String table, ConstraintKind kind) implements Operation {
    public DropConstraint {
      Objects.requireNonNull(kind, "constraint kind");
    }
  }

  /**
   * Rows to insert, rendered as INSERT statements with literal values. Values may be null, numbers,
   * booleans, strings, java.time dates and times, UUIDs, byte arrays and enums.
   */
  record BulkInsert(String table, List<String> columns, List<List<Object>> rows)
      implements Operation {
    public BulkInsert {
      columns = List.copyOf(columns);
      List<List<Object>> copy = new ArrayList<>();
      for (List<?> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException(
              "bulkInsert("
                  + table
                  + "): row "
                  + (copy.size() + 1)
                  + " has "
                  + row.size()
                  + " values for "
                  + columns.size()
                  + " columns "
                  + columns);
        }
        // ArrayList, not List.copyOf: values may be null
        copy.add(Collections.unmodifiableList(new ArrayList<Object>(row)));
      }
      rows = Collections.unmodifiableList(copy);
    }
  }
}
