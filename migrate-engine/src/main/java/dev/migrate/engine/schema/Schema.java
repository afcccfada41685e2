package dev.migrate.engine.schema;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A database schema as migrate compares it: what the reader finds in a live database, what the
 * models say the application expects, and what autogenerate turns into operations. Names the
 * database invents (unnamed constraints) are null, and are not compared.
 *
 * @param views views (and PostgreSQL materialized views), with the database's own text
 * @param sequences sequences of their own (PostgreSQL, MariaDB); not those behind a serial or
 *     identity column, which are part of that column's autoincrement
 * @param enumTypes PostgreSQL enum types
 * @param routines functions and procedures (PostgreSQL, MySQL), not those of an extension
 * @param catalog read from a database catalog (by {@link SchemaReader}, including a SQL models file
 *     read back from its scratch database), so it states everything the reader sees: views,
 *     sequences, enum types, triggers, routines, table and column comments, column collations and
 *     generated expressions, index key order, expressions and predicates, and whether a check is
 *     validated. Models declared in Java or JPA state none of those and are false; a comparison
 *     looks at those details only when both sides are read from a catalog.
 */
public record Schema(
    List<Table> tables,
    List<View> views,
    List<Sequence> sequences,
    List<EnumType> enumTypes,
    List<Routine> routines,
    boolean catalog) {
  public Schema {
    tables = sortedByName(tables, Table::name);
    views = sortedByName(views, View::name);
    sequences = sortedByName(sequences, Sequence::name);
    enumTypes = sortedByName(enumTypes, EnumType::name);
    routines = sortedByName(routines, Routine::identity);
  }

  /** A schema without routines. */
  public Schema(
      List<Table> tables,
      List<View> views,
      List<Sequence> sequences,
      List<EnumType> enumTypes,
      boolean catalog) {
    this(tables, views, sequences, enumTypes, List.of(), catalog);
  }

  /** Tables only, as models declared in Java or JPA have them. */
  public Schema(List<Table> tables) {
    this(tables, List.of(), List.of(), List.of(), List.of(), false);
  }

  private static <T> List<T> sortedByName(List<T> objects, Function<T, String> name) {
    return objects.stream()
        .sorted(Comparator.comparing(o -> name.apply(o).toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** The table of that name, compared case-insensitively as the three databases do by default. */
  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }

  /** This schema with other tables and the same other objects. */
  public Schema withTables(List<Table> newTables) {
    return new Schema(newTables, views, sequences, enumTypes, routines, catalog);
  }

  /**
   * An object a revision can create besides tables and what is in them: compared by name and {@link
   * #definition()}, the database's own text.
   */
  public sealed interface SchemaObject permits View, Sequence, EnumType, Trigger, Routine {
    /** In words: "view", "sequence", "enum type", "trigger", "function", "procedure". */
    String kind();

    String name();

    /** What tells it from the others of its kind, and names it in differences: its name. */
    default String identity() {
      return name();
    }

    /** The definition as compared and shown in differences. */
    String definition();
  }

  /**
   * @param definition the query as the database prints it (pg_get_viewdef, VIEW_DEFINITION with the
   *     database's own name taken out, SQLite's CREATE VIEW text)
   */
  public record View(String name, String definition, boolean materialized) implements SchemaObject {
    @Override
    public String kind() {
      return materialized ? "materialized view" : "view";
    }
  }

  /**
   * @param definition its options in one line, e.g. {@code AS bigint START 1 INCREMENT 1 MINVALUE 1
   *     MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE}
   */
  public record Sequence(String name, String definition) implements SchemaObject {
    @Override
    public String kind() {
      return "sequence";
    }
  }

  /** A PostgreSQL enum type and its labels in their order. */
  public record EnumType(String name, List<String> values) implements SchemaObject {
    public EnumType {
      values = List.copyOf(values);
    }

    @Override
    public String kind() {
      return "enum type";
    }

    @Override
    public String definition() {
      return values.stream()
          .map(v -> "'" + v.replace("'", "''") + "'")
          .collect(Collectors.joining(", ", "(", ")"));
    }
  }

  /**
   * @param definition the trigger as the database prints it (pg_get_triggerdef, SQLite's CREATE
   *     TRIGGER text; on MySQL its timing, event and body)
   */
  public record Trigger(String name, String definition) implements SchemaObject {
    @Override
    public String kind() {
      return "trigger";
    }
  }

  /**
   * A function or procedure. PostgreSQL tells overloads apart by their argument types, so those are
   * part of its {@link #identity()}; MySQL keeps functions and procedures apart by kind.
   *
   * @param arguments the argument types as the database prints them ({@code integer, text}), or
   *     null where a name alone is the identity (MySQL)
   * @param definition the routine as the database prints it: on PostgreSQL pg_get_functiondef's
   *     CREATE statement with the schema name taken out, on MySQL its parameters, return type,
   *     characteristics and body
   */
  public record Routine(String name, String arguments, boolean procedure, String definition)
      implements SchemaObject {
    @Override
    public String kind() {
      return procedure ? "procedure" : "function";
    }

    /** {@code add_tax(numeric, integer)} on PostgreSQL, the bare name on MySQL. */
    @Override
    public String identity() {
      return arguments == null ? name : name + "(" + arguments + ")";
    }
  }

  /**
   * @param comment the table's comment (COMMENT ON TABLE, MySQL's table COMMENT), or null
   */
  public record Table(
      String name,
      List<Column> columns,
      PrimaryKey primaryKey,
      List<Index> indexes,
      List<UniqueConstraint> uniqueConstraints,
      List<ForeignKey> foreignKeys,
      List<CheckConstraint> checks,
      List<Trigger> triggers,
      String comment) {
    public Table {
      columns = List.copyOf(columns);
      indexes = List.copyOf(indexes);
      uniqueConstraints = List.copyOf(uniqueConstraints);
      foreignKeys = List.copyOf(foreignKeys);
      checks = List.copyOf(checks);
      triggers = sortedByName(triggers, Trigger::name);
    }

    /** A table without a comment. */
    public Table(
        String name,
        List<Column> columns,
        PrimaryKey primaryKey,
        List<Index> indexes,
        List<UniqueConstraint> uniqueConstraints,
        List<ForeignKey> foreignKeys,
        List<CheckConstraint> checks,
        List<Trigger> triggers) {
      this(
          name,
          columns,
          primaryKey,
          indexes,
          uniqueConstraints,
          foreignKeys,
          checks,
          triggers,
          null);
    }

    /** A table without triggers. */
    public Table(
        String name,
        List<Column> columns,
        PrimaryKey primaryKey,
        List<Index> indexes,
        List<UniqueConstraint> uniqueConstraints,
        List<ForeignKey> foreignKeys,
        List<CheckConstraint> checks) {
      this(name, columns, primaryKey, indexes, uniqueConstraints, foreignKeys, checks, List.of());
    }

    /** This table with other columns and the same everything else. */
    public Table withColumns(List<Column> newColumns) {
      return copy(newColumns, checks, triggers, comment);
    }

    /** This table with other check constraints and everything else kept. */
    public Table withChecks(List<CheckConstraint> newChecks) {
      return copy(columns, newChecks, triggers, comment);
    }

    /** This table with other triggers: the same instance when they are the ones it has. */
    public Table withTriggers(List<Trigger> newTriggers) {
      if (newTriggers.equals(triggers)) {
        return this; // a snapshot asks for every table at every step: no copy to sort and compare
      }
      Table with = copy(columns, checks, newTriggers, comment);
      return with.equals(this) ? this : with;
    }

    /** This table with that comment (null for none) and everything else kept. */
    public Table withComment(String newComment) {
      return copy(columns, checks, triggers, newComment);
    }

    private Table copy(
        List<Column> columns,
        List<CheckConstraint> checks,
        List<Trigger> triggers,
        String comment) {
      return new Table(
          name,
          columns,
          primaryKey,
          indexes,
          uniqueConstraints,
          foreignKeys,
          checks,
          triggers,
          comment);
    }

    public Optional<Column> column(String name) {
      return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }
  }

  /**
   * @param defaultValue the server default as a normalised SQL expression, or null
   * @param autoincrement numbered by the database (identity, serial, AUTO_INCREMENT, rowid alias)
   * @param collation the column's collation where it is not the default (of its type on PostgreSQL,
   *     of its table on MySQL, BINARY on SQLite), or null
   * @param generated the expression computing the column, or null for a stored value
   * @param comment the column's comment (COMMENT ON COLUMN, MySQL's column COMMENT), or null
   */
  public record Column(
      String name,
      ColumnType type,
      boolean nullable,
      String defaultValue,
      boolean autoincrement,
      String collation,
      Generated generated,
      String comment) {
    /** A column without a comment. */
    public Column(
        String name,
        ColumnType type,
        boolean nullable,
        String defaultValue,
        boolean autoincrement,
        String collation,
        Generated generated) {
      this(name, type, nullable, defaultValue, autoincrement, collation, generated, null);
    }

    /** A plain column: default collation, not generated. */
    public Column(
        String name,
        ColumnType type,
        boolean nullable,
        String defaultValue,
        boolean autoincrement) {
      this(name, type, nullable, defaultValue, autoincrement, null, null, null);
    }

    /** This column with a (normalised) default and the same everything else. */
    public Column withDefault(String newDefault) {
      return new Column(
          name, type, nullable, newDefault, autoincrement, collation, generated, comment);
    }
  }

  /**
   * @param expression as the database prints it
   * @param stored computed when written (STORED), else when read (VIRTUAL)
   */
  public record Generated(String expression, boolean stored) {}

  /**
   * @param name null when the database named it itself
   */
  public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
      columns = List.copyOf(columns);
    }
  }

  /**
   * @param columns the key: column names, and expressions in parentheses as the database prints
   *     them, e.g. {@code (lower(email))}
   * @param descending per key part, whether it is sorted DESC
   * @param predicate a partial index's WHERE condition as the database prints it, or null
   */
  public record Index(
      String name,
      List<String> columns,
      boolean unique,
      List<Boolean> descending,
      String predicate) {
    public Index {
      columns = List.copyOf(columns);
      descending =
          descending == null || descending.isEmpty()
              ? Collections.nCopies(columns.size(), false)
              : List.copyOf(descending);
      if (descending.size() != columns.size()) {
        throw new IllegalArgumentException(
            "index "
                + name
                + " has "
                + columns.size()
                + " key parts but "
                + descending.size()
                + " sort orders");
      }
    }

    /** A plain index: ascending key columns, no predicate. */
    public Index(String name, List<String> columns, boolean unique) {
      this(name, columns, unique, List.of(), null);
    }

    /** Whether the key part is an expression rather than a column. */
    public static boolean isExpression(String keyPart) {
      return keyPart.startsWith("(");
    }

    /** Whether anything beyond ascending key columns is said: DESC, expressions, a predicate. */
    public boolean hasDetails() {
      return predicate != null
          || descending.contains(true)
          || columns.stream().anyMatch(Index::isExpression);
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

  /**
   * @param valid false for a PostgreSQL check added NOT VALID and not validated since: existing
   *     rows may break it
   */
  public record CheckConstraint(String name, String expression, boolean valid) {
    public CheckConstraint(String name, String expression) {
      this(name, expression, true);
    }
  }
}
