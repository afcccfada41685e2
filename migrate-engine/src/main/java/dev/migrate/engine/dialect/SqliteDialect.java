package dev.migrate.engine.dialect;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.ops.ColumnDef;
import dev.migrate.engine.ops.Constraint;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.schema.ColumnType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * SQLite: what its ALTER TABLE cannot do (change a column, add or drop a constraint) is done by
 * recreating the table from the live definition ({@link SqliteTable}).
 */
public final class SqliteDialect extends BaseDialect {
  private static final Pattern NO_TRANSACTION =
      Pattern.compile("^(VACUUM\\b|PRAGMA ([A-Z0-9_]+\\.)?FOREIGN_KEYS\\b)");
  private static final Pattern PLAIN_DEFAULT =
      Pattern.compile(
          "(?i)[-+]?[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?|'([^']|'')*'|X'[0-9a-f]*'|NULL|TRUE|FALSE"
              + "|CURRENT_TIME|CURRENT_DATE|CURRENT_TIMESTAMP");

  /**
   * Statements rendered on a connection that have not run yet. A caller may render every operation
   * of a revision before running any; an operation that reads the live table must then see the
   * effect of the ones before it, so they are replayed inside a savepoint that is rolled back.
   */
  private final Map<Connection, Pending> pending = new WeakHashMap<>();

  private static final class Pending {
    String state = "";
    final List<String> statements = new ArrayList<>();
  }

  @Override
  public List<String> render(Operation operation, Connection connection) throws SQLException {
    if (connection == null) {
      return super.render(operation, null);
    }
    synchronized (pending) {
      Pending window = pending.computeIfAbsent(connection, c -> new Pending());
      String state = state(connection);
      if (!state.equals(window.state)) {
        // The schema or the rows changed since the last rendering: what was rendered has run.
        window.statements.clear();
      }
      List<String> statements = super.render(operation, connection);
      window.statements.addAll(statements);
      // raw SQL renders without the connection; any other operation may have replayed the window
      window.state = operation instanceof Operation.Execute ? state : state(connection);
      return statements;
    }
  }

  private SqliteTable readTable(Connection connection, String table, String operation)
      throws SQLException {
    Pending window = connection == null ? null : pending.get(connection);
    if (window == null || window.statements.isEmpty()) {
      return SqliteTable.read(this, connection, table, operation);
    }
    String deferred = single(connection, "PRAGMA defer_foreign_keys");
    execute(connection, "SAVEPOINT migrate_render");
    try {
      execute(connection, "PRAGMA defer_foreign_keys=ON");
      for (String sql : window.statements) {
        if (!requiresNoTransaction(sql) && !sql.contains("_migrate_guard")) {
          execute(connection, sql);
        }
      }
      return SqliteTable.read(this, connection, table, operation);
    } catch (SQLException e) {
      throw MigrateException.failed(
          operation
              + ": cannot prepare it on SQLite because the operations before it in the same"
              + " revision fail when tried: "
              + e.getMessage(),
          e);
    } finally {
      execute(connection, "ROLLBACK TO migrate_render");
      execute(connection, "RELEASE migrate_render");
      execute(connection, "PRAGMA defer_foreign_keys=" + ("1".equals(deferred) ? "ON" : "OFF"));
    }
  }

  /** Schema version and the connection's count of changed rows: both move when statements run. */
  private static String state(Connection connection) throws SQLException {
    return single(
        connection, "SELECT schema_version || '/' || total_changes() FROM pragma_schema_version");
  }

  private static String single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }

  @Override
  public boolean transactionalDdl() {
    return true;
  }

  @Override
  public boolean requiresNoTransaction(String sql) {
    return NO_TRANSACTION.matcher(SqlText.normalize(sql)).find();
  }

  @Override
  protected char quoteChar() {
    return '"';
  }

  @Override
  public String typeSql(ColumnType type) {
    return switch (type.kind()) {
      case UUID, JSON -> "TEXT";
      case TIMESTAMP_TZ -> "TIMESTAMPTZ" + secondsPrecision(type);
      case DOUBLE -> "DOUBLE";
      default -> super.typeSql(type);
    };
  }

  @Override
  protected String autoincrementClause() {
    return " AUTOINCREMENT";
  }

  /**
   * An AUTOINCREMENT column must be declared INTEGER PRIMARY KEY in its own definition. Any integer
   * kind qualifies: SQLite's INTEGER is 64 bits wide, so a BIGINT key loses nothing as INTEGER.
   */
  @Override
  ColumnDef inlinePrimaryKeyColumn(
      String table, List<ColumnDef> columns, Constraint.PrimaryKey primaryKey) {
    ColumnDef counted = null;
    for (ColumnDef column : columns) {
      if (column.isAutoincrement()) {
        boolean integer =
            INTEGER_KINDS.contains(column.type().kind())
                || "INTEGER".equalsIgnoreCase(typeSql(column.type()));
        if (counted != null
            || !integer
            || primaryKey == null
            || !primaryKey.columns().equals(List.of(column.name()))) {
          throw MigrateException.badInput(
              "table \""
                  + table
                  + "\": on SQLite only a single INTEGER primary key column can be autoincrement"
                  + " (column \""
                  + column.name()
                  + "\")");
        }
        counted = column;
      }
    }
    return counted;
  }

  private static final Set<ColumnType.Kind> INTEGER_KINDS =
      EnumSet.of(ColumnType.Kind.SMALLINT, ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT);

  /**
   * Expressions other than plain literals must be parenthesised in a SQLite DEFAULT, and an
   * autoincrement key is spelled exactly INTEGER (the rowid alias).
   */
  @Override
  String columnDefinition(ColumnDef column, boolean inlinePrimaryKey) {
    if (inlinePrimaryKey && column.isAutoincrement()) {
      column = column.withType(ColumnType.INTEGER);
    }
    String value = column.serverDefault();
    if (value != null && !PLAIN_DEFAULT.matcher(value.trim()).matches()) {
      boolean wrapped =
          value.trim().startsWith("(")
              && SqlText.closingParen(value.trim(), 0) == value.trim().length() - 1;
      if (!wrapped) {
        column = column.defaultValue("(" + value.trim() + ")");
      }
    }
    return super.columnDefinition(column, inlinePrimaryKey);
  }

  @Override
  String booleanLiteral(boolean b) {
    return b ? "1" : "0";
  }

  @Override
  List<String> addColumn(Operation.AddColumn op, Connection connection) throws SQLException {
    ColumnDef column = op.column();
    String value = column.serverDefault();
    boolean constantDefault =
        value == null
            || PLAIN_DEFAULT.matcher(value.trim()).matches()
                && !value.trim().toUpperCase(Locale.ROOT).startsWith("CURRENT_");
    boolean plain =
        !column.isPrimaryKey()
            && !column.isUnique()
            && !column.isAutoincrement()
            && constantDefault
            && (column.isNullable() || value != null);
    if (plain) {
      return super.addColumn(op, connection);
    }
    SqliteTable table = readTable(connection, op.table(), describe(op));
    table.columns.add(column);
    if (column.isPrimaryKey()) {
      if (table.primaryKey != null) {
        throw MigrateException.badInput(
            describe(op) + ": table \"" + op.table() + "\" already has a primary key");
      }
      table.primaryKey = new Constraint.PrimaryKey(null, List.of(column.name()));
    }
    return table.recreate();
  }

  @Override
  List<String> dropColumn(Operation.DropColumn op, Connection connection) throws SQLException {
    if (connection == null) {
      return super.dropColumn(op, connection);
    }
    SqliteTable table = readTable(connection, op.table(), describe(op));
    if (table.column(op.column()) == null) {
      throw MigrateException.badInput(
          describe(op) + ": table \"" + op.table() + "\" has no column \"" + op.column() + "\"");
    }
    if (table.supportsDropColumn(op.column())) {
      return super.dropColumn(op, connection);
    }
    table.dropColumn(op.column());
    return table.recreate();
  }

  @Override
  List<String> alterColumn(Operation.AlterColumn op, Connection connection) throws SQLException {
    List<String> statements = new ArrayList<>();
    if (op.changesDefinition()) {
      SqliteTable table = readTable(connection, op.table(), describe(op));
      ColumnDef column = table.column(op.column());
      if (column == null) {
        throw MigrateException.badInput(
            describe(op) + ": table \"" + op.table() + "\" has no column \"" + op.column() + "\"");
      }
      String value =
          op.serverDefault() != null
              ? op.serverDefault()
              : op.dropDefault() ? null : column.serverDefault();
      table.replace(
          new ColumnDef(
              column.name(),
              op.type() != null ? ColumnType.custom(typeSql(op.type())) : column.type(),
              op.nullable() != null ? op.nullable() : column.isNullable(),
              value,
              column.isPrimaryKey(),
              column.isAutoincrement(),
              column.isUnique()));
      statements.addAll(table.recreate());
    }
    if (op.newName() != null) {
      statements.add(renameColumn(op.table(), op.column(), op.newName()));
    }
    return statements;
  }

  @Override
  List<String> addConstraint(String table, Constraint constraint, Connection connection)
      throws SQLException {
    String what =
        switch (constraint.kind()) {
          case PRIMARY_KEY -> "createPrimaryKey";
          case UNIQUE -> "createUniqueConstraint";
          case FOREIGN_KEY -> "createForeignKey";
          case CHECK -> "createCheckConstraint";
        };
    String description = what + "(\"" + constraint.name() + "\", \"" + table + "\")";
    SqliteTable definition = readTable(connection, table, description);
    definition.add(constraint, description);
    return definition.recreate();
  }

  @Override
  List<String> dropConstraint(Operation.DropConstraint op, Connection connection)
      throws SQLException {
    String description = "dropConstraint(\"" + op.name() + "\", \"" + op.table() + "\")";
    SqliteTable table = readTable(connection, op.table(), description);
    table.drop(op.name(), op.kind(), description);
    return table.recreate();
  }

  private static String describe(Operation.AddColumn op) {
    return "addColumn(\"" + op.table() + "\", \"" + op.column().name() + "\")";
  }

  private static String describe(Operation.DropColumn op) {
    return "dropColumn(\"" + op.table() + "\", \"" + op.column() + "\")";
  }

  private static String describe(Operation.AlterColumn op) {
    return "alterColumn(\"" + op.table() + "\", \"" + op.column() + "\")";
  }
}
