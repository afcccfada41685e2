package dev.migrate.engine.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A database schema as migrate compares it: what the reader finds in a live database, what the
 * models say the application expects, and what autogenerate turns into operations. Names the
 * database invents (unnamed constraints) are null, and are not compared.
 */
public record Schema(List<Table> tables) {
  public Schema {
    tables =
        tables.stream()
            .sorted(Comparator.comparing(t -> t.name().toLowerCase(Locale.ROOT)))
            .toList();
  }

  /** This schema with other tables and everything else kept. */
  public Schema withTables(List<Table> tables) {
    return new Schema(tables);
  }

  /** The table of that name, compared case-insensitively as the three databases do by default. */
  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }

  public record Table(
      String name,
      List<Column> columns,
      PrimaryKey primaryKey,
      List<Index> indexes,
      List<UniqueConstraint> uniqueConstraints,
      List<ForeignKey> foreignKeys,
      List<CheckConstraint> checks) {
    public Table {
      columns = List.copyOf(columns);
      indexes = List.copyOf(indexes);
      uniqueConstraints = List.copyOf(uniqueConstraints);
      foreignKeys = List.copyOf(foreignKeys);
      checks = List.copyOf(checks);
    }

    /** This table with other check constraints and everything else kept. */
    public Table withChecks(List<CheckConstraint> checks) {
      return new Table(name, columns, primaryKey, indexes, uniqueConstraints, foreignKeys, checks);
    }

    public Optional<Column> column(String name) {
      return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }
  }

  /**
   * @param defaultValue the server default as a normalised SQL expression, or null
   * @param autoincrement numbered by the database (identity, serial, AUTO_INCREMENT, rowid alias)
   */
  public record Column(
      String name, ColumnType type, boolean nullable, String defaultValue, boolean autoincrement) {}

  /**
   * @param name null when the database named it itself
   */
  public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
      columns = List.copyOf(columns);
    }
  }

  public record Index(String name, List<String> columns, boolean unique) {
    public Index {
      columns = List.copyOf(columns);
    }
  }

  public record UniqueConstraint(String name, List<String> columns) {
    public UniqueConstraint {
      columns = List.copyOf(columns);
    }
  }

  /**
   * @param onDelete the action, or null for the database's default (NO ACTION)
   */
  public record ForeignKey(
      String name,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns,
      dev.migrate.engine.ops.ReferentialAction onDelete,
      dev.migrate.engine.ops.ReferentialAction onUpdate) {
    public ForeignKey {
      columns = List.copyOf(columns);
      referencedColumns = List.copyOf(referencedColumns);
    }
  }

  public record CheckConstraint(String name, String expression) {}
}
