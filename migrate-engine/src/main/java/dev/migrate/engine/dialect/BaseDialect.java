package dev.migrate.engine.dialect;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.ops.ColumnDef;
import dev.migrate.engine.ops.Constraint;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.schema.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SQL that is the same on every database, written once. Each dialect overrides only where its
 * database spells a thing differently.
 */
abstract class BaseDialect implements Dialect {
  private static final Pattern BARE_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
  static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_TIME;

  /** The identifier quote character: {@code "} or a backtick. */
  protected abstract char quoteChar();

  /**
   * The database's spelling of a portable type: here as the SQL standard spells it; each dialect
   * overrides the kinds it spells otherwise.
   */
  public String typeSql(ColumnType type) {
    return switch (type.kind()) {
      case SMALLINT -> "SMALLINT";
      case INTEGER -> "INTEGER";
      case BIGINT -> "BIGINT";
      case VARCHAR -> "VARCHAR(" + type.length() + ")";
      case CHAR -> "CHAR(" + type.length() + ")";
      case TEXT -> "TEXT";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIME -> "TIME" + secondsPrecision(type);
      case TIMESTAMP -> "TIMESTAMP" + secondsPrecision(type);
      case TIMESTAMP_TZ -> "TIMESTAMP" + secondsPrecision(type) + " WITH TIME ZONE";
      case REAL -> "REAL";
      case DOUBLE -> "DOUBLE PRECISION";
      case DECIMAL -> "NUMERIC(" + type.precision() + ", " + type.scale() + ")";
      case BLOB -> "BLOB";
      case UUID -> "UUID";
      case JSON -> "JSON";
      case CUSTOM -> type.sql();
    };
  }

  /** {@code (p)} after a TIME or TIMESTAMP kind, or nothing for 6, PostgreSQL's default. */
  static String secondsPrecision(ColumnType type) {
    return type.precision() == null ? "" : "(" + type.precision() + ")";
  }

  /** What makes the database number a column, appended to its definition. */
  protected abstract String autoincrementClause();

  @Override
  public String quote(String identifier) {
    if (identifier == null || identifier.isEmpty()) {
      throw MigrateException.badInput("an identifier (table, column, index name) is empty");
    }
    if (BARE_IDENTIFIER.matcher(identifier).matches() && !ReservedWords.contains(identifier)) {
      return identifier;
    }
    String q = String.valueOf(quoteChar());
    return q + identifier.replace(q, q + q) + q;
  }

  protected String quoteAll(List<String> identifiers) {
    return identifiers.stream().map(this::quote).collect(Collectors.joining(", "));
  }

  @Override
  public List<String> render(Operation operation, Connection connection) throws SQLException {
    if (operation instanceof Operation.Execute op) {
      return List.of(
          op.parameters().isEmpty()
              ? op.sql()
              : ParameterText.inline(op.sql(), op.parameters(), this));
    } else if (operation instanceof Operation.CreateTable op) {
      return List.of(createTable(op.table(), op.columns(), op.constraints()));
    } else if (operation instanceof Operation.DropTable op) {
      return List.of("DROP TABLE " + quote(op.table()));
    } else if (operation instanceof Operation.RenameTable op) {
      return List.of("ALTER TABLE " + quote(op.table()) + " RENAME TO " + quote(op.newName()));
    } else if (operation instanceof Operation.AddColumn op) {
      return addColumn(op, connection);
    } else if (operation instanceof Operation.DropColumn op) {
      return dropColumn(op, connection);
    } else if (operation instanceof Operation.AlterColumn op) {
      if (!op.changesDefinition() && op.newName() == null) {
        throw MigrateException.badInput(
            "alterColumn(\""
                + op.table()
                + "\", \""
                + op.column()
                + "\") changes nothing: call type(), nullable(), defaultValue(), dropDefault() or"
                + " rename() on it");
      }
      return alterColumn(op, connection);
    } else if (operation instanceof Operation.CreateIndex op) {
      return List.of(createIndex(op));
    } else if (operation instanceof Operation.DropIndex op) {
      return List.of(dropIndex(op));
    } else if (operation instanceof Operation.CreateUniqueConstraint op) {
      return addConstraint(op.table(), new Constraint.Unique(op.name(), op.columns()), connection);
    } else if (operation instanceof Operation.CreateForeignKey op) {
      return addConstraint(op.table(), op.foreignKey(), connection);
    } else if (operation instanceof Operation.CreateCheckConstraint op) {
      return addConstraint(
          op.table(), new Constraint.Check(op.name(), op.expression()), connection);
    } else if (operation instanceof Operation.CreatePrimaryKey op) {
      return addConstraint(
          op.table(), new Constraint.PrimaryKey(op.name(), op.columns()), connection);
    } else if (operation instanceof Operation.DropConstraint op) {
      return dropConstraint(op, connection);
    } else if (operation instanceof Operation.BulkInsert op) {
      return bulkInsert(op);
    }
    throw new IllegalStateException("no rendering for " + operation);
  }

  // --- tables and columns ---------------------------------------------------------------------

  String createTable(String table, List<ColumnDef> columns, List<Constraint> constraints) {
    List<String> parts = new ArrayList<>();
    Constraint.PrimaryKey primaryKey = primaryKey(table, columns, constraints);
    ColumnDef inlinePk = inlinePrimaryKeyColumn(table, columns, primaryKey);
    for (ColumnDef column : columns) {
      parts.add(columnDefinition(column, column == inlinePk));
    }
    if (primaryKey != null && inlinePk == null) {
      parts.add(constraintSql(primaryKey));
    }
    for (Constraint constraint : constraints) {
      if (!(constraint instanceof Constraint.PrimaryKey)) {
        parts.add(constraintSql(constraint));
      }
    }
    return "CREATE TABLE " + quote(table) + " (" + String.join(", ", parts) + ")";
  }

  /** The primary key from column flags or a PrimaryKey constraint; null when there is none. */
  static Constraint.PrimaryKey primaryKey(
      String table, List<ColumnDef> columns, List<Constraint> constraints) {
    List<String> flagged =
        columns.stream().filter(ColumnDef::isPrimaryKey).map(ColumnDef::name).toList();
    List<Constraint.PrimaryKey> declared =
        constraints.stream()
            .filter(Constraint.PrimaryKey.class::isInstance)
            .map(Constraint.PrimaryKey.class::cast)
            .toList();
    if (declared.size() > 1 || (!declared.isEmpty() && !flagged.isEmpty())) {
      throw MigrateException.badInput(
          "createTable(\""
              + table
              + "\") declares the primary key more than once: mark columns with primaryKey() or"
              + " add one primaryKey(...) constraint, not both");
    }
    if (!declared.isEmpty()) {
      return declared.get(0);
    }
    return flagged.isEmpty() ? null : new Constraint.PrimaryKey(null, flagged);
  }

  /** The column whose definition carries the primary key itself (SQLite AUTOINCREMENT), or null. */
  ColumnDef inlinePrimaryKeyColumn(
      String table, List<ColumnDef> columns, Constraint.PrimaryKey primaryKey) {
    return null;
  }

  String columnDefinition(ColumnDef column, boolean inlinePrimaryKey) {
    StringBuilder sql = new StringBuilder(quote(column.name())).append(' ');
    sql.append(typeSql(column.type()));
    if (!column.isNullable()) {
      sql.append(" NOT NULL");
    }
    if (column.serverDefault() != null && !column.isAutoincrement()) {
      sql.append(" DEFAULT ").append(defaultSql(column.serverDefault(), column.type()));
    }
    if (inlinePrimaryKey) {
      sql.append(" PRIMARY KEY");
    }
    if (column.isAutoincrement()) {
      sql.append(autoincrementClause());
    }
    if (column.isUnique()) {
      sql.append(" UNIQUE");
    }
    return sql.toString();
  }

  /** A column's default as this database takes it on a column of {@code type}; here as written. */
  String defaultSql(String expression, ColumnType type) {
    return expression;
  }

  String constraintSql(Constraint constraint) {
    String prefix = constraint.name() == null ? "" : "CONSTRAINT " + quote(constraint.name()) + " ";
    if (constraint instanceof Constraint.PrimaryKey pk) {
      return prefix + "PRIMARY KEY (" + quoteAll(pk.columns()) + ")";
    } else if (constraint instanceof Constraint.Unique uq) {
      return prefix + "UNIQUE (" + quoteAll(uq.columns()) + ")";
    } else if (constraint instanceof Constraint.ForeignKey fk) {
      StringBuilder sql = new StringBuilder(prefix);
      sql.append("FOREIGN KEY (").append(quoteAll(fk.columns())).append(") REFERENCES ");
      sql.append(quote(fk.referencedTable()));
      if (!fk.referencedColumns().isEmpty()) {
        sql.append(" (").append(quoteAll(fk.referencedColumns())).append(')');
      }
      if (fk.onDelete() != null) {
        sql.append(" ON DELETE ").append(fk.onDelete().sql());
      }
      if (fk.onUpdate() != null) {
        sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
      }
      return sql.toString();
    } else if (constraint instanceof Constraint.Check ck) {
      return prefix + "CHECK (" + ck.expression() + ")";
    }
    throw new IllegalStateException("unknown constraint " + constraint);
  }

  List<String> addColumn(Operation.AddColumn op, Connection connection) throws SQLException {
    String definition = columnDefinition(op.column(), op.column().isPrimaryKey());
    return List.of("ALTER TABLE " + quote(op.table()) + " ADD COLUMN " + definition);
  }

  List<String> dropColumn(Operation.DropColumn op, Connection connection) throws SQLException {
    return List.of("ALTER TABLE " + quote(op.table()) + " DROP COLUMN " + quote(op.column()));
  }

  abstract List<String> alterColumn(Operation.AlterColumn op, Connection connection)
      throws SQLException;

  String renameColumn(String table, String column, String newName) {
    return "ALTER TABLE "
        + quote(table)
        + " RENAME COLUMN "
        + quote(column)
        + " TO "
        + quote(newName);
  }

  // --- indexes and constraints ----------------------------------------------------------------

  String createIndex(Operation.CreateIndex op) {
    return "CREATE "
        + (op.unique() ? "UNIQUE " : "")
        + "INDEX "
        + quote(op.name())
        + " ON "
        + quote(op.table())
        + " ("
        + quoteAll(op.columns())
        + ")";
  }

  String dropIndex(Operation.DropIndex op) {
    return "DROP INDEX " + quote(op.name());
  }

  List<String> addConstraint(String table, Constraint constraint, Connection connection)
      throws SQLException {
    return List.of("ALTER TABLE " + quote(table) + " ADD " + constraintSql(constraint));
  }

  List<String> dropConstraint(Operation.DropConstraint op, Connection connection)
      throws SQLException {
    return List.of("ALTER TABLE " + quote(op.table()) + " DROP CONSTRAINT " + quote(op.name()));
  }

  // --- data -----------------------------------------------------------------------------------

  List<String> bulkInsert(Operation.BulkInsert op) {
    String prefix =
        "INSERT INTO " + quote(op.table()) + " (" + quoteAll(op.columns()) + ") VALUES (";
    List<String> statements = new ArrayList<>();
    for (List<Object> row : op.rows()) {
      statements.add(
          prefix + row.stream().map(this::literal).collect(Collectors.joining(", ")) + ")");
    }
    return statements;
  }

  @Override
  public String literal(Object value) {
    if (value == null) {
      return "NULL";
    } else if (value instanceof Boolean b) {
      return booleanLiteral(b);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? value.toString() : nonFiniteLiteral(d);
    } else if (value instanceof String || value instanceof Character || value instanceof UUID) {
      return stringLiteral(value.toString());
    } else if (value instanceof Enum<?> e) {
      return stringLiteral(e.name());
    } else if (value instanceof byte[] bytes) {
      return bytesLiteral(bytes);
    } else if (value instanceof java.sql.Date d) {
      return literal(d.toLocalDate());
    } else if (value instanceof java.sql.Time t) {
      return literal(t.toLocalTime());
    } else if (value instanceof java.sql.Timestamp t) {
      return literal(t.toLocalDateTime());
    } else if (value instanceof LocalDate d) {
      return stringLiteral(d.toString());
    } else if (value instanceof LocalTime t) {
      return stringLiteral(TIME.format(t));
    } else if (value instanceof LocalDateTime t) {
      return stringLiteral(t.toLocalDate() + " " + TIME.format(t.toLocalTime()));
    } else if (value instanceof Instant i) {
      return timestampTzLiteral(i.atOffset(ZoneOffset.UTC));
    } else if (value instanceof ZonedDateTime z) {
      return timestampTzLiteral(z.toOffsetDateTime());
    } else if (value instanceof OffsetDateTime o) {
      return timestampTzLiteral(o);
    }
    throw MigrateException.badInput(
        "cannot write a "
            + value.getClass().getName()
            + " as a SQL literal on "
            + kind().id()
            + "; use null, a number, boolean, String, UUID, byte[] or a java.time value");
  }

  String stringLiteral(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  String booleanLiteral(boolean b) {
    return b ? "TRUE" : "FALSE";
  }

  String bytesLiteral(byte[] bytes) {
    return "X'" + HexFormat.of().withUpperCase().formatHex(bytes) + "'";
  }

  String nonFiniteLiteral(double d) {
    throw MigrateException.badInput(
        kind().id() + " has no literal for the floating point value " + d + "; use null instead");
  }

  String timestampTzLiteral(OffsetDateTime t) {
    return stringLiteral(
        t.toLocalDate()
            + " "
            + TIME.format(t.toLocalTime())
            + t.getOffset().getId().replace("Z", "+00:00"));
  }

  static MigrateException needsExisting(Operation.AlterColumn op, String what) {
    return MigrateException.badInput(
        "alterColumn(\"" + op.table() + "\", \"" + op.column() + "\"): " + what);
  }
}
