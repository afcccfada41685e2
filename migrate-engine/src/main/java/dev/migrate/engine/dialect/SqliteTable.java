package dev.migrate.engine.dialect;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.ops.ColumnDef;
import dev.migrate.engine.ops.Constraint;
import dev.migrate.engine.ops.ConstraintKind;
import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SqliteDdl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A SQLite table read from the live database, changed in memory, and written back by "move and
 * copy": create {@code _migrate_tmp_<table>} with the new definition, copy the rows, drop the old
 * table, rename the new one, recreate indexes and triggers. Columns, defaults, the primary key
 * (with AUTOINCREMENT), unique, foreign key and check constraints (named or not), indexes and
 * triggers are kept, and so are WITHOUT ROWID and STRICT, column collations, generated columns
 * (recomputed, not copied) and the AUTOINCREMENT high-water mark in {@code sqlite_sequence}. What
 * is lost is listed in docs/revisions.md (a descending primary key, ON CONFLICT clauses).
 */
final class SqliteTable {
  /** Older SQLite versions leave these words of a generated column in its declared type. */
  private static final Pattern GENERATED_TYPE = Pattern.compile("(?i)\\s*GENERATED\\s+ALWAYS$");

  private final SqliteDialect dialect;
  private final Connection connection;
  final String name;
  final List<ColumnDef> columns = new ArrayList<>();
  private final List<String> originalColumns = new ArrayList<>();
  Constraint.PrimaryKey primaryKey;
  final List<Constraint> constraints = new ArrayList<>();
  private final List<Index> indexes = new ArrayList<>();
  private final List<String> triggers = new ArrayList<>();

  /** Lower-case column name to what its type is followed by: COLLATE, GENERATED ALWAYS AS. */
  private final Map<String, String> columnClauses = new HashMap<>();

  /** Generated columns: rebuilt from their expression, never copied. */
  private final List<String> generatedColumns = new ArrayList<>();

  /** Whether the table was AUTOINCREMENT, so that sqlite_sequence has its high-water mark. */
  private boolean hadAutoincrement;

  // Read with the definition, so that everything comes from the same (possibly simulated) state.
  private List<String> referencing = List.of();
  private boolean foreignKeysOn;
  private boolean legacyAlterTable;
  private boolean hasDropColumn;

  /** What follows the column list: WITHOUT ROWID, STRICT. */
  private String options = "";

  private record Index(String name, List<String> columns, String sql) {}

  private SqliteTable(SqliteDialect dialect, Connection connection, String name) {
    this.dialect = dialect;
    this.connection = connection;
    this.name = name;
  }

  /**
   * The move-and-copy rewrites keys over their columns, so it would silently lose a descending
   * primary key, a COLLATE inside a PRIMARY KEY or UNIQUE list, and ON CONFLICT clauses: refuse.
   */
  private static void refuseWhatCannotBeKept(String createSql, String table, String operation) {
    List<String> outer = SqliteDdl.tokens(createSql);
    String body = outer.stream().filter(t -> t.startsWith("(")).findFirst().orElse("()");
    List<String> tokens = SqliteDdl.tokens(body.substring(1, body.length() - 1));
    String found = null;
    for (int i = 0; i < tokens.size() && found == null; i++) {
      String token = tokens.get(i);
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
      if (token.equalsIgnoreCase("ON") && next.equalsIgnoreCase("CONFLICT")) {
        found = "an ON CONFLICT clause";
      } else if (token.equalsIgnoreCase("PRIMARY") && next.equalsIgnoreCase("KEY")) {
        String key = i + 2 < tokens.size() ? tokens.get(i + 2) : "";
        List<String> parts =
            key.startsWith("(")
                ? SqliteDdl.tokens(key.substring(1, key.length() - 1))
                : List.of(key);
        if (parts.stream().anyMatch("DESC"::equalsIgnoreCase)) {
          found = "a descending primary key";
        } else if (parts.stream().anyMatch("COLLATE"::equalsIgnoreCase)) {
          found = "COLLATE inside its PRIMARY KEY (...) list";
        }
      } else if (token.equalsIgnoreCase("UNIQUE") && next.startsWith("(")) {
        if (SqliteDdl.tokens(next.substring(1, next.length() - 1)).stream()
            .anyMatch("COLLATE"::equalsIgnoreCase)) {
          found = "COLLATE inside a UNIQUE (...) list";
        }
      }
    }
    if (found != null) {
      throw MigrateException.badInput(
          operation
              + " on table \""
              + table
              + "\" recreates the table on SQLite, and the table has "
              + found
              + ", which the recreated table would lose; write this change by hand with"
              + " op.execute(...) (CREATE the new table, copy the rows, DROP, RENAME)");
    }
  }

  /** Reads {@code table}; {@code operation} names what needed it, for error messages. */
  static SqliteTable read(
      SqliteDialect dialect, Connection connection, String table, String operation)
      throws SQLException {
    if (connection == null) {
      throw MigrateException.badInput(
          operation
              + " on table \""
              + table
              + "\" recreates the table on SQLite, which needs a live SQLite database to read its"
              + " definition: run it online, not with --sql");
    }
    SqliteTable result = new SqliteTable(dialect, connection, table);
    String createSql =
        single(
            connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table);
    if (createSql == null) {
      throw MigrateException.badInput(operation + ": table \"" + table + "\" does not exist");
    }
    refuseWhatCannotBeKept(createSql, table, operation);
    int open = createSql.indexOf('(');
    result.options = createSql.substring(SqlText.closingParen(createSql, open) + 1).trim();
    SqliteDdl ddl = SqliteDdl.parse(createSql);
    result.readColumns(ddl);
    result.readConstraints(ddl);
    result.readIndexes();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql IS NOT NULL")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          result.triggers.add(rs.getString(1));
        }
      }
    }
    result.referencing = result.referencingTables();
    result.foreignKeysOn = "1".equals(single(connection, "PRAGMA foreign_keys", null));
    result.legacyAlterTable = "1".equals(single(connection, "PRAGMA legacy_alter_table", null));
    String[] version = single(connection, "SELECT sqlite_version()", null).split("\\.");
    int major = Integer.parseInt(version[0]);
    result.hasDropColumn = major > 3 || (major == 3 && Integer.parseInt(version[1]) >= 35);
    return result;
  }

  private void readColumns(SqliteDdl ddl) throws SQLException {
    Map<Integer, String> pk = new java.util.TreeMap<>();
    // table_xinfo: table_info leaves out generated columns (hidden 2 virtual, 3 stored)
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)"
                + " WHERE hidden <> 1 ORDER BY cid")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String column = rs.getString(1);
          String type = GENERATED_TYPE.matcher(String.valueOf(rs.getString(2))).replaceFirst("");
          int hidden = rs.getInt(6);
          String clauses = ddl.collation(column) == null ? "" : " COLLATE " + ddl.collation(column);
          if (hidden == 2 || hidden == 3) {
            clauses +=
                " GENERATED ALWAYS AS ("
                    + ddl.generated(column)
                    + ")"
                    + (hidden == 3 ? " STORED" : " VIRTUAL");
            generatedColumns.add(column);
          }
          if (!clauses.isEmpty()) {
            columnClauses.put(column.toLowerCase(Locale.ROOT), clauses);
          }
          columns.add(
              new ColumnDef(
                  column,
                  type == null || type.isBlank()
                      ? ColumnType.custom("BLOB")
                      : ColumnType.custom(type),
                  rs.getInt(3) == 0,
                  rs.getString(4),
                  false,
                  false,
                  false));
          originalColumns.add(column);
          if (rs.getInt(5) > 0) {
            pk.put(rs.getInt(5), column);
          }
        }
      }
    }
    if (!pk.isEmpty()) {
      primaryKey = new Constraint.PrimaryKey(ddl.primaryKeyName(), List.copyOf(pk.values()));
      if (pk.size() == 1 && ddl.autoincrement(primaryKey.columns().get(0))) {
        hadAutoincrement = true;
        ColumnDef c = column(primaryKey.columns().get(0));
        replace(new ColumnDef(c.name(), c.type(), c.isNullable(), null, false, true, false));
      }
    }
  }

  /**
   * Constraint names and CHECKs come from the CREATE TABLE text ({@link SqliteDdl}, the parser the
   * schema reader uses too); the pragmas do not report them.
   */
  private void readConstraints(SqliteDdl ddl) throws SQLException {
    for (Schema.CheckConstraint check : ddl.checks()) {
      constraints.add(new Constraint.Check(check.name(), check.expression()));
    }
    readUniques(ddl);
    readForeignKeys(ddl);
  }

  private void readUniques(SqliteDdl ddl) throws SQLException {
    for (String index : indexNames("u")) {
      List<String> cols = indexColumns(index);
      constraints.add(new Constraint.Unique(ddl.uniqueName(cols), cols));
    }
  }

  private void readForeignKeys(SqliteDdl ddl) throws SQLException {
    Map<Integer, List<String[]>> byId = new LinkedHashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM"
                + " pragma_foreign_key_list(?) ORDER BY id, seq")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          byId.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
              .add(
                  new String[] {
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)
                  });
        }
      }
    }
    // The pragma lists foreign keys last-declared first; keep declaration order.
    List<List<String[]>> groups = new ArrayList<>(byId.values());
    java.util.Collections.reverse(groups);
    for (List<String[]> rows : groups) {
      List<String> from = rows.stream().map(r -> r[1]).toList();
      List<String> to =
          rows.stream().anyMatch(r -> r[2] == null)
              ? List.of()
              : rows.stream().map(r -> r[2]).toList();
      String[] first = rows.get(0);
      constraints.add(
          new Constraint.ForeignKey(
              ddl.foreignKeyName(from), from, first[0], to, action(first[4]), action(first[3])));
    }
  }

  private static ReferentialAction action(String sql) {
    if (sql == null || sql.equalsIgnoreCase("NO ACTION")) {
      return null;
    }
    return ReferentialAction.valueOf(sql.toUpperCase(Locale.ROOT).replace(' ', '_'));
  }

  private void readIndexes() throws SQLException {
    for (String index : indexNames("c")) {
      String sql =
          single(
              connection, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", index);
      if (sql != null) {
        indexes.add(new Index(index, indexColumns(index), sql));
      }
    }
  }

  private List<String> indexNames(String origin) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT name FROM pragma_index_list(?) WHERE origin = ? ORDER BY seq DESC")) {
      s.setString(1, name);
      s.setString(2, origin);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  private List<String> indexColumns(String index) throws SQLException {
    List<String> cols = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement("SELECT name FROM pragma_index_info(?) ORDER BY seqno")) {
      s.setString(1, index);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          cols.add(rs.getString(1));
        }
      }
    }
    return cols;
  }

  // --- changes --------------------------------------------------------------------------------

  ColumnDef column(String columnName) {
    return columns.stream()
        .filter(c -> c.name().equalsIgnoreCase(columnName))
        .findFirst()
        .orElse(null);
  }

  void replace(ColumnDef column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(column.name())) {
        columns.set(i, column);
      }
    }
  }

  /** Whether SQLite's own ALTER TABLE DROP COLUMN (3.35+) can drop it. */
  boolean supportsDropColumn(String column) {
    return hasDropColumn && !usedElsewhere(column);
  }

  private boolean usedElsewhere(String column) {
    boolean inKey = primaryKey != null && contains(primaryKey.columns(), column);
    boolean inIndex =
        indexes.stream().anyMatch(i -> contains(i.columns(), column) || i.columns().contains(null));
    boolean inConstraint = constraints.stream().anyMatch(c -> mentions(c, column));
    boolean inTrigger =
        triggers.stream()
            .anyMatch(t -> SqliteDdl.tokens(t).stream().anyMatch(x -> mentionsIn(x, column)));
    return inKey || inIndex || inConstraint || inTrigger;
  }

  void dropColumn(String column) {
    columns.removeIf(c -> c.name().equalsIgnoreCase(column));
    if (primaryKey != null && contains(primaryKey.columns(), column)) {
      primaryKey = null;
    }
    constraints.removeIf(c -> mentions(c, column));
    indexes.removeIf(i -> contains(i.columns(), column));
  }

  void add(Constraint constraint, String operation) {
    if (constraint instanceof Constraint.PrimaryKey pk) {
      if (primaryKey != null) {
        throw MigrateException.badInput(
            operation
                + ": table \""
                + name
                + "\" already has a primary key "
                + primaryKey.columns());
      }
      primaryKey = pk;
    } else {
      constraints.add(constraint);
    }
  }

  void drop(String constraintName, ConstraintKind kind, String operation) {
    if (kind == ConstraintKind.PRIMARY_KEY) {
      if (primaryKey == null) {
        throw MigrateException.badInput(operation + ": table \"" + name + "\" has no primary key");
      }
      primaryKey = null;
      columns.replaceAll(
          c ->
              new ColumnDef(
                  c.name(),
                  c.type(),
                  c.isNullable(),
                  c.serverDefault(),
                  false,
                  false,
                  c.isUnique()));
      return;
    }
    boolean removed =
        constraints.removeIf(
            c -> c.kind() == kind && c.name() != null && c.name().equalsIgnoreCase(constraintName));
    if (!removed) {
      String known =
          constraints.stream()
              .filter(c -> c.kind() == kind && c.name() != null)
              .map(Constraint::name)
              .collect(Collectors.joining(", "));
      throw MigrateException.badInput(
          operation
              + ": table \""
              + name
              + "\" has no "
              + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " constraint named \""
              + constraintName
              + "\" (named ones: "
              + (known.isEmpty() ? "none" : known)
              + "); unnamed constraints cannot be dropped by name");
    }
  }

  // --- writing back ---------------------------------------------------------------------------

  /** The statements that rebuild the table with its changed definition, keeping its rows. */
  List<String> recreate() {
    String tmp = "_migrate_tmp_" + name;
    List<String> statements = new ArrayList<>();
    // Dropping a table that others reference runs an implicit DELETE, which would fire their ON
    // DELETE actions while foreign keys are enforced; the pragma only works outside a transaction.
    // A self-reference counts too: the new table's key points at the old one until the rename.
    boolean selfReferencing =
        constraints.stream()
            .anyMatch(
                c ->
                    c instanceof Constraint.ForeignKey fk
                        && fk.referencedTable().equalsIgnoreCase(name));
    boolean disableForeignKeys = foreignKeysOn && (selfReferencing || !referencing.isEmpty());
    if (disableForeignKeys) {
      statements.add("PRAGMA foreign_keys=OFF");
      statements.addAll(
          guard(
              "PRAGMA foreign_keys=OFF did not take effect because a transaction was open;"
                  + " recreating "
                  + name
                  + " would delete or orphan rows that reference it",
              "SELECT 0 FROM pragma_foreign_keys WHERE foreign_keys = 1"));
    }
    List<Constraint> all = new ArrayList<>();
    if (primaryKey != null) {
      all.add(primaryKey);
    }
    all.addAll(constraints);
    // A copy left by an earlier failed attempt outside a transaction would block this one.
    statements.add("DROP TABLE IF EXISTS " + dialect.quote(tmp));
    List<ColumnDef> written = columns.stream().map(this::withClauses).toList();
    statements.add(
        dialect.createTable(tmp, written, all) + (options.isEmpty() ? "" : " " + options));
    List<String> copied =
        columns.stream()
            .map(ColumnDef::name)
            .filter(c -> contains(originalColumns, c) && !contains(generatedColumns, c))
            .toList();
    String list = copied.stream().map(dialect::quote).collect(Collectors.joining(", "));
    statements.add(
        "INSERT INTO "
            + dialect.quote(tmp)
            + " ("
            + list
            + ") SELECT "
            + list
            + " FROM "
            + dialect.quote(name));
    if (hadAutoincrement && columns.stream().anyMatch(ColumnDef::isAutoincrement)) {
      // the copy numbers from the highest id it holds; keep the old mark, so that the ids of
      // deleted rows are not handed out again
      statements.add("DELETE FROM sqlite_sequence WHERE name = " + dialect.literal(tmp));
      statements.add(
          "INSERT INTO sqlite_sequence (name, seq) SELECT "
              + dialect.literal(tmp)
              + ", seq FROM sqlite_sequence WHERE name = "
              + dialect.literal(name));
    }
    statements.add("DROP TABLE " + dialect.quote(name));
    // Views that read the table would make a modern RENAME fail while the table is missing.
    boolean legacyOff = !legacyAlterTable;
    if (legacyOff) {
      statements.add("PRAGMA legacy_alter_table=ON");
    }
    statements.add("ALTER TABLE " + dialect.quote(tmp) + " RENAME TO " + dialect.quote(name));
    if (legacyOff) {
      statements.add("PRAGMA legacy_alter_table=OFF");
    }
    for (Index index : indexes) {
      statements.add(index.sql());
    }
    statements.addAll(triggers);
    if (disableForeignKeys) {
      List<String> checked = new ArrayList<>(List.of(name));
      checked.addAll(referencing);
      for (String table : checked) {
        statements.addAll(
            guard(
                "foreign keys of " + table + " violated after recreating " + name,
                "SELECT 0 FROM pragma_foreign_key_check(" + dialect.literal(table) + ") LIMIT 1"));
      }
      statements.add("PRAGMA foreign_keys=ON");
    }
    return statements;
  }

  /** The column with its COLLATE and GENERATED clauses after its type, as it was declared. */
  private ColumnDef withClauses(ColumnDef column) {
    String clauses = columnClauses.get(column.name().toLowerCase(Locale.ROOT));
    if (clauses == null) {
      return column;
    }
    return column.withType(ColumnType.custom(dialect.typeSql(column.type()) + clauses));
  }

  /** Statements that fail with {@code message} when {@code select} returns a row. */
  private List<String> guard(String message, String select) {
    return List.of(
        "CREATE TEMP TABLE _migrate_guard (ok INTEGER CONSTRAINT "
            + "\""
            + message.replace("\"", "\"\"")
            + "\" CHECK (ok))",
        "INSERT INTO temp._migrate_guard " + select,
        "DROP TABLE temp._migrate_guard");
  }

  private List<String> referencingTables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
                + " WHERE m.type = 'table' AND m.name <> ? AND lower(f.\"table\") = lower(?)")) {
      s.setString(1, name);
      s.setString(2, name);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    return tables;
  }

  // --- helpers --------------------------------------------------------------------------------

  private static boolean mentions(Constraint constraint, String column) {
    if (constraint instanceof Constraint.Unique u) {
      return contains(u.columns(), column);
    } else if (constraint instanceof Constraint.ForeignKey fk) {
      return contains(fk.columns(), column);
    } else if (constraint instanceof Constraint.Check ck) {
      return SqliteDdl.tokens(ck.expression()).stream().anyMatch(t -> mentionsIn(t, column));
    }
    return false;
  }

  private static boolean mentionsIn(String token, String column) {
    if (token.startsWith("(")) {
      return SqliteDdl.tokens(token.substring(1, token.length() - 1)).stream()
          .anyMatch(t -> mentionsIn(t, column));
    }
    return SqliteDdl.unquote(token).equalsIgnoreCase(column);
  }

  private static boolean contains(List<String> names, String name) {
    return names.stream().anyMatch(n -> n != null && n.equalsIgnoreCase(name));
  }

  private static String single(Connection connection, String sql, String parameter)
      throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      if (parameter != null) {
        s.setString(1, parameter);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
