package dev.migrate.engine.ops;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API handed to {@code Migration.upgrade/downgrade}. It records operations; nothing runs until
 * the engine renders them for a database.
 *
 * <pre>{@code
 * op.createTable("task", column("id", INTEGER).primaryKey(), column("title", varchar(200)).notNull());
 * op.addColumn("task", column("done", BOOLEAN).notNull().defaultValue("false"));
 * op.alterColumn("task", "title").type(varchar(300)).nullable(true);
 * op.createIndex("ix_task_title", "task", "title");
 * }</pre>
 */
public final class Ops {
  private final List<Operation> operations = new ArrayList<>();
  private final DatabaseKind database;
  private String irreversibleReason;

  /** Operations for no particular backend ({@link #database()} is then unknown). */
  public Ops() {
    this(null);
  }

  /** Operations recorded for {@code database}, which {@link #database()} tells the revision. */
  public Ops(DatabaseKind database) {
    this.database = database;
  }

  /**
   * The backend the operations are recorded for, so a revision can write what only one backend
   * understands: {@code if (op.database() == DatabaseKind.POSTGRESQL) op.execute("...")}.
   *
   * @throws IllegalStateException when these operations were recorded for no backend
   */
  public DatabaseKind database() {
    if (database == null) {
      throw new IllegalStateException("These operations are recorded for no particular database");
    }
    return database;
  }

  /** Columns ({@link Columns#column}) and constraints ({@link Columns#unique} etc.), in order. */
  public Ops createTable(String table, TableElement... elements) {
    List<ColumnDef> columns = new ArrayList<>();
    List<Constraint> constraints = new ArrayList<>();
    for (TableElement element : elements) {
      if (element instanceof ColumnDef column) {
        columns.add(column);
      } else if (element instanceof Constraint constraint) {
        constraints.add(constraint);
      }
    }
    return add(new Operation.CreateTable(table, columns, constraints));
  }

  public Ops dropTable(String table) {
    return add(new Operation.DropTable(table));
  }

  public Ops renameTable(String table, String newName) {
    return add(new Operation.RenameTable(table, newName));
  }

  public Ops addColumn(String table, ColumnDef column) {
    return add(new Operation.AddColumn(table, column));
  }

  public Ops dropColumn(String table, String column) {
    return add(new Operation.DropColumn(table, column));
  }

  /**
   * Starts a change to one column; each call on the result refines the same recorded operation:
   * {@code op.alterColumn("task", "title").type(varchar(300)).notNull().rename("name")}.
   */
  public AlterColumnBuilder alterColumn(String table, String column) {
    int index = operations.size();
    Operation.AlterColumn initial = Operation.AlterColumn.of(table, column);
    add(initial);
    return new AlterColumnBuilder(index, initial);
  }

  public Ops createIndex(String name, String table, String... columns) {
    return add(new Operation.CreateIndex(name, table, List.of(columns), false, false));
  }

  public Ops createUniqueIndex(String name, String table, String... columns) {
    return add(new Operation.CreateIndex(name, table, List.of(columns), true, false));
  }

  /** PostgreSQL CREATE INDEX CONCURRENTLY (runs outside a transaction); a plain index elsewhere. */
  public Ops createIndexConcurrently(String name, String table, String... columns) {
    return add(new Operation.CreateIndex(name, table, List.of(columns), false, true));
  }

  /** Drops an index; MySQL needs the table, so give it when the revision may run there. */
  public Ops dropIndex(String name, String table) {
    return add(new Operation.DropIndex(name, table, false));
  }

  public Ops dropIndex(String name) {
    return add(new Operation.DropIndex(name, null, false));
  }

  public Ops dropIndexConcurrently(String name, String table) {
    return add(new Operation.DropIndex(name, table, true));
  }

  public Ops createUniqueConstraint(String name, String table, String... columns) {
    return add(new Operation.CreateUniqueConstraint(name, table, List.of(columns)));
  }

  public Ops createForeignKey(
      String name, String table, String column, String referencedTable, String referencedColumn) {
    return createForeignKey(
        name, table, List.of(column), referencedTable, List.of(referencedColumn), null, null);
  }

  public Ops createForeignKey(
      String name,
      String table,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate) {
    return add(
        new Operation.CreateForeignKey(
            table,
            new Constraint.ForeignKey(
                name, columns, referencedTable, referencedColumns, onDelete, onUpdate)));
  }

  public Ops createCheckConstraint(String name, String table, String expression) {
    return add(new Operation.CreateCheckConstraint(name, table, expression));
  }

  public Ops createPrimaryKey(String name, String table, String... columns) {
    return add(new Operation.CreatePrimaryKey(name, table, List.of(columns)));
  }

  public Ops dropConstraint(String name, String table, ConstraintKind kind) {
    return add(new Operation.DropConstraint(name, table, kind));
  }

  /** Run one raw SQL statement. */
  public Ops execute(String sql) {
    return add(new Operation.Execute(sql));
  }

  /**
   * Run one data statement with parameters, e.g. {@code op.execute("UPDATE task SET state = ? WHERE
   * state = ?", "done", "closed")}: each {@code ?} outside quotes takes the next value (null,
   * numbers, booleans, strings, java.time values, UUIDs, byte arrays). Online the values are bound;
   * offline ({@code --sql}) they are written as literals.
   */
  public Ops execute(String sql, Object... parameters) {
    return add(new Operation.Execute(sql, java.util.Arrays.asList(parameters)));
  }

  /**
   * Insert rows given as Java values (null, numbers, booleans, strings, java.time values, UUIDs,
   * byte arrays). Use {@code Arrays.asList} for rows holding null: {@code List.of} refuses null.
   */
  public Ops bulkInsert(String table, List<String> columns, List<? extends List<?>> rows) {
    List<List<Object>> copy = new ArrayList<>();
    for (List<?> row : rows) {
      copy.add(new ArrayList<Object>(row));
    }
    return add(new Operation.BulkInsert(table, columns, copy));
  }

  /** Record any operation value, e.g. one built by autogenerate. */
  public Ops add(Operation operation) {
    operations.add(operation);
    return this;
  }

  /** Declare that this direction cannot be performed, and why. */
  public void irreversible(String reason) {
    irreversibleReason = reason;
  }

  public List<Operation> operations() {
    return List.copyOf(operations);
  }

  public Optional<String> irreversibleReason() {
    return Optional.ofNullable(irreversibleReason);
  }

  /** Refines the {@link Operation.AlterColumn} that {@link #alterColumn} recorded. */
  public final class AlterColumnBuilder {
    private final int index;
    private Operation.AlterColumn current;

    private AlterColumnBuilder(int index, Operation.AlterColumn current) {
      this.index = index;
      this.current = current;
    }

    public AlterColumnBuilder type(ColumnType type) {
      return set(current.withType(type));
    }

    public AlterColumnBuilder nullable(boolean nullable) {
      return set(current.withNullable(nullable));
    }

    public AlterColumnBuilder notNull() {
      return nullable(false);
    }

    public AlterColumnBuilder defaultValue(String sqlExpression) {
      return set(current.withDefault(sqlExpression, false));
    }

    public AlterColumnBuilder dropDefault() {
      return set(current.withDefault(null, true));
    }

    public AlterColumnBuilder rename(String newName) {
      return set(current.withNewName(newName));
    }

    /** The column as it is before the change (MySQL restates it; read live when omitted). */
    public AlterColumnBuilder existing(ColumnType type, boolean nullable, String serverDefault) {
      return set(current.withExisting(type, nullable, serverDefault));
    }

    /**
     * On MySQL, the rest of the column's current definition after type, nullability and default, as
     * {@code SHOW CREATE TABLE} spells it (e.g. {@code AUTO_INCREMENT COMMENT 'the id'}), or {@code
     * ""} when there is none. Offline (--sql) MySQL needs it to restate the column; online the live
     * column is read and this is not used.
     */
    public AlterColumnBuilder existingAttributes(String attributes) {
      return set(current.withExistingAttributes(attributes));
    }

    public Ops done() {
      return Ops.this;
    }

    private AlterColumnBuilder set(Operation.AlterColumn next) {
      current = next;
      operations.set(index, next);
      return this;
    }
  }
}
