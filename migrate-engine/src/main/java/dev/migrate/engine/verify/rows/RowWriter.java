package dev.migrate.engine.verify.rows;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Inserts a {@link RowPlan} one row at a time (bound parameters, a savepoint before each, all of
 * them in one transaction: a commit per row made the rows the slowest part of a verification on
 * SQLite), and deletes those rows again in one transaction. That transaction is committed, or left
 * open for the caller's next statements to join ({@code commit} false: verification's next step,
 * whose commit then carries the rows; on SQLite a commit is the cost of a step). A row the database
 * refuses is tried with its alternatives, then skipped with a note in plain words; nothing is
 * thrown for a refused row.
 */
public final class RowWriter {
  private RowWriter() {}

  /**
   * One inserted row.
   *
   * @param table its table
   * @param keyColumns the columns that find it again: the primary key, else a unique key the row
   *     fills, else the columns a plain {@code =} compares
   * @param keyed whether those columns are a key (else deleting it removes one of the equal rows)
   * @param referencesItself whether a foreign key of the row points at the row itself
   * @param values the values written (generated columns and defaults absent)
   */
  public record InsertedRow(
      String table,
      List<String> keyColumns,
      boolean keyed,
      boolean referencesItself,
      Map<String, Object> values) {
    public InsertedRow {
      keyColumns = List.copyOf(keyColumns);
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /**
   * @param inserted the rows written, in insertion order
   * @param notes the plan's notes and one for each row skipped, e.g. {@code task: a row could not
   *     be made to satisfy check ck_task_prio (prio BETWEEN 1 AND 5); skipped}
   */
  public record WriteResult(DatabaseKind kind, List<InsertedRow> inserted, List<String> notes) {
    public WriteResult {
      inserted = List.copyOf(inserted);
      notes = List.copyOf(notes);
    }

    /** The number of rows that could not be inserted. */
    public long skipped() {
      return notes.stream().filter(n -> n.endsWith("; skipped")).count();
    }
  }

  /** Inserts the plan's rows in order, and commits them. Only a lost connection throws. */
  public static WriteResult insert(Connection connection, RowPlan plan) {
    return insert(connection, plan, true);
  }

  /**
   * Inserts the plan's rows in order; with {@code commit} false the transaction stays open
   * (autocommit off) for the caller to commit with what it runs next. Only a lost connection
   * throws.
   */
  public static WriteResult insert(Connection connection, RowPlan plan, boolean commit) {
    if (plan.rows().isEmpty()) { // no transaction, no commit to wait for
      return new WriteResult(plan.kind(), List.of(), plan.notes());
    }
    try {
      return inOneTransaction(connection, commit, () -> write(connection, plan));
    } catch (SQLException e) {
      throw MigrateException.failed("could not insert the test rows: " + e.getMessage(), e);
    }
  }

  private interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} in a transaction of its own, committed when it returns, or with {@code
   * commit} false left open for the caller's next statements. Rolled back when it fails.
   */
  private static <T> T inOneTransaction(Connection connection, boolean commit, Work<T> work)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (autoCommit) {
      connection.setAutoCommit(false);
    } else {
      connection.commit(); // what came before is not ours to roll back
    }
    boolean open = false;
    try {
      T result = work.run();
      if (commit) {
        connection.commit();
      } else {
        open = true;
      }
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      if (!open) {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static WriteResult write(Connection connection, RowPlan plan) throws SQLException {
    DatabaseKind kind = plan.kind();
    List<InsertedRow> inserted = new ArrayList<>();
    List<String> notes = new ArrayList<>(plan.notes());
    Map<Integer, Boolean> written = new HashMap<>();
    for (int i = 0; i < plan.rows().size(); i++) {
      PlannedRow row = plan.rows().get(i);
      Schema.Table table = plan.schema().table(row.table()).orElseThrow();
      List<Map<String, Object>> attempts = new ArrayList<>();
      row.attempts().forEach(a -> attempts.add(new LinkedHashMap<>(a)));
      String missingParent = null;
      for (PlannedRow.Reference reference : row.references()) {
        if (written.getOrDefault(reference.row(), false)) {
          continue;
        }
        boolean nullable =
            reference.columns().stream()
                .allMatch(c -> table.column(c).map(Schema.Column::nullable).orElse(false));
        if (nullable) {
          for (Map<String, Object> attempt : attempts) {
            reference.columns().forEach(c -> attempt.put(exactName(attempt, c), null));
          }
        } else {
          missingParent = plan.rows().get(reference.row()).table();
        }
      }
      if (missingParent != null) {
        notes.add(
            row.table()
                + ": a row references a "
                + missingParent
                + " row that was skipped; skipped");
        written.put(i, false);
        continue;
      }
      SQLException first = null;
      Map<String, Object> done = null;
      for (Map<String, Object> attempt : attempts) {
        // PostgreSQL refuses every statement after a failed one until rolled back to here
        Savepoint before = connection.setSavepoint();
        try {
          insertRow(connection, kind, table, attempt);
          done = attempt;
          break;
        } catch (SQLException e) {
          if (first == null) {
            first = e;
          }
          connection.rollback(before); // throws when the connection is gone
        }
      }
      written.put(i, done != null);
      if (done != null) {
        List<String> key = keyColumns(table, done);
        boolean self = referencesItself(table, done);
        inserted.add(
            key == null
                ? new InsertedRow(table.name(), comparableColumns(table, done), false, self, done)
                : new InsertedRow(table.name(), key, true, self, done));
      } else {
        notes.add(skipNote(table, first));
      }
    }
    return new WriteResult(kind, inserted, notes);
  }

  private static void insertRow(
      Connection connection, DatabaseKind kind, Schema.Table table, Map<String, Object> values)
      throws SQLException {
    List<String> columns = new ArrayList<>(values.keySet());
    boolean identity =
        kind == DatabaseKind.POSTGRESQL
            && columns.stream()
                .anyMatch(c -> table.column(c).map(Schema.Column::autoincrement).orElse(false));
    String sql =
        columns.isEmpty()
            ? "INSERT INTO " + Sql.quote(kind, table.name()) + " DEFAULT VALUES"
            : "INSERT INTO "
                + Sql.quote(kind, table.name())
                + " ("
                + Sql.columnList(kind, columns)
                + ")"
                + (identity ? " OVERRIDING SYSTEM VALUE" : "")
                + " VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
                + ")";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int k = 0; k < columns.size(); k++) {
        Sql.bind(statement, k + 1, kind, typeOf(table, columns.get(k)), values.get(columns.get(k)));
      }
      statement.executeUpdate();
    }
  }

  private static boolean referencesItself(Schema.Table table, Map<String, Object> values) {
    for (Schema.ForeignKey fk : table.foreignKeys()) {
      if (!fk.referencedTable().equalsIgnoreCase(table.name())) {
        continue;
      }
      boolean self = true;
      for (int k = 0; k < fk.columns().size(); k++) {
        Object value = RowGenerator.valueOf(values, fk.columns().get(k));
        self &=
            value != null
                && value.equals(RowGenerator.valueOf(values, fk.referencedColumns().get(k)));
      }
      if (self) {
        return true;
      }
    }
    return false;
  }

  /** The primary key, else a unique key the row fills, else null. */
  private static List<String> keyColumns(Schema.Table table, Map<String, Object> values) {
    if (table.primaryKey() != null) {
      return table.primaryKey().columns();
    }
    for (Schema.UniqueConstraint unique : table.uniqueConstraints()) {
      if (unique.columns().stream().allMatch(c -> RowGenerator.valueOf(values, c) != null)) {
        return unique.columns();
      }
    }
    return null;
  }

  private static List<String> comparableColumns(Schema.Table table, Map<String, Object> values) {
    return values.keySet().stream().filter(c -> comparable(typeOf(table, c))).toList();
  }

  private static boolean comparable(ColumnType.Kind type) {
    return switch (type) {
      case JSON -> false;
      default -> true;
    };
  }

  private static ColumnType.Kind typeOf(Schema.Table table, String column) {
    return table.column(column).map(c -> c.type().kind()).orElse(ColumnType.Kind.TEXT);
  }

  private static String exactName(Map<String, Object> values, String column) {
    return values.keySet().stream()
        .filter(c -> c.equalsIgnoreCase(column))
        .findFirst()
        .orElse(column);
  }

  /** Names the check the database says the row broke, with its text, when it says one. */
  private static String skipNote(Schema.Table table, SQLException error) {
    String message = error == null ? "" : String.valueOf(error.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    for (Schema.CheckConstraint check : table.checks()) {
      boolean named =
          check.name() != null
              && (lower.contains("\"" + check.name().toLowerCase(Locale.ROOT) + "\"")
                  || lower.contains("`" + check.name().toLowerCase(Locale.ROOT) + "`")
                  || lower.contains(": " + check.name().toLowerCase(Locale.ROOT)));
      boolean byText =
          check.name() == null
              && lower.contains(
                  "check constraint failed: " + check.expression().toLowerCase(Locale.ROOT));
      if (named || byText) {
        return table.name()
            + ": a row could not be made to satisfy check "
            + (check.name() == null ? "" : check.name() + " ")
            + "("
            + check.expression()
            + "); skipped";
      }
    }
    String firstLine = message.lines().findFirst().orElse("").trim();
    return table.name() + ": a row could not be inserted (" + firstLine + "); skipped";
  }

  /**
   * Deletes the rows {@link #insert} wrote, last first (children before parents), each by its key.
   * Returns how many rows were deleted.
   *
   * @throws MigrateException when a delete fails, naming the table and the database's reason
   */
  public static int delete(Connection connection, WriteResult written) {
    return delete(connection, written, true);
  }

  /**
   * As {@link #delete(Connection, WriteResult)}; with {@code commit} false the transaction stays
   * open (autocommit off) for the caller to commit with what it runs next.
   */
  public static int delete(Connection connection, WriteResult written, boolean commit) {
    if (written.inserted().isEmpty()) {
      return 0;
    }
    DatabaseKind kind = written.kind();
    int deleted = 0;
    List<InsertedRow> rows = new ArrayList<>(written.inserted());
    Collections.reverse(rows);
    try {
      deleted =
          inOneTransaction(
              connection,
              commit,
              () -> {
                int n = 0;
                for (InsertedRow row : rows) {
                  n += deleteRow(connection, kind, row);
                }
                return n;
              });
    } catch (SQLException e) {
      throw MigrateException.failed("could not delete the test rows again: " + e.getMessage(), e);
    }
    return deleted;
  }

  private static int deleteRow(Connection connection, DatabaseKind kind, InsertedRow row)
      throws SQLException {
    StringBuilder where = new StringBuilder();
    List<Object> parameters = new ArrayList<>();
    String separator = " WHERE ";
    for (String column : row.keyColumns()) {
      Object value = RowGenerator.valueOf(row.values(), column);
      where.append(separator).append(Sql.quote(kind, column));
      if (value == null) {
        where.append(" IS NULL");
      } else {
        where.append(" = ?");
        parameters.add(value);
      }
      separator = " AND ";
    }
    String table = Sql.quote(kind, row.table());
    // without a key, equal rows can be there twice: one of them goes
    String sql =
        row.keyed()
            ? "DELETE FROM " + table + where
            : switch (kind) {
              case MYSQL -> "DELETE FROM " + table + where + " LIMIT 1";
              case POSTGRESQL ->
                  "DELETE FROM "
                      + table
                      + " WHERE ctid IN (SELECT ctid FROM "
                      + table
                      + where
                      + " LIMIT 1)";
              case SQLITE ->
                  "DELETE FROM "
                      + table
                      + " WHERE rowid IN (SELECT rowid FROM "
                      + table
                      + where
                      + " LIMIT 1)";
            };
    // InnoDB refuses to delete a row that references itself; its own reference is all it checks
    boolean unchecked = kind == DatabaseKind.MYSQL && row.referencesItself();
    if (unchecked) {
      execute(connection, "SET FOREIGN_KEY_CHECKS = 0");
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int k = 0; k < parameters.size(); k++) {
        // CUSTOM: on PostgreSQL text and numbers go as untyped literals the column's type takes
        Sql.bind(statement, k + 1, kind, ColumnType.Kind.CUSTOM, parameters.get(k));
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new SQLException(row.table() + ": " + e.getMessage(), e.getSQLState(), e);
    } finally {
      if (unchecked) {
        execute(connection, "SET FOREIGN_KEY_CHECKS = 1");
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
