package dev.migrate.engine.dialect;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.ops.ColumnDef;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.schema.ColumnType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * MySQL and MariaDB: DDL commits at once, MODIFY restates the whole column, constraints are dropped
 * with a statement per kind.
 */
public final class MySqlDialect extends BaseDialect {

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.MYSQL;
  }

  @Override
  public boolean transactionalDdl() {
    return false;
  }

  @Override
  protected char quoteChar() {
    return '`';
  }

  @Override
  public String typeSql(ColumnType type) {
    return switch (type.kind()) {
      case INTEGER -> "INT";
      // MySQL keeps no fraction unless told; spelled out so the default 6 is kept
      case TIME -> "TIME(" + type.secondsPrecision() + ")";
      case TIMESTAMP -> "DATETIME(" + type.secondsPrecision() + ")";
      case TIMESTAMP_TZ -> "TIMESTAMP(" + type.secondsPrecision() + ")";
      case REAL -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + type.precision() + ", " + type.scale() + ")";
      case BLOB -> "LONGBLOB";
      case UUID -> "CHAR(36)";
      default -> super.typeSql(type);
    };
  }

  @Override
  protected String autoincrementClause() {
    return " AUTO_INCREMENT";
  }

  @Override
  String defaultSql(String expression, ColumnType type) {
    return defaultSql(expression, fractionDigits(type));
  }

  /** The digits a TIME or TIMESTAMP kind keeps after the seconds' point; null for other kinds. */
  private static Integer fractionDigits(ColumnType type) {
    return type.keepsFractionalSeconds() ? type.secondsPrecision() : null;
  }

  /**
   * A current-timestamp default with the column's own digits: MySQL 8 rejects {@code DATETIME(6)
   * DEFAULT CURRENT_TIMESTAMP} ("Invalid default value") and takes only {@code
   * CURRENT_TIMESTAMP(6)}; MariaDB takes both spellings. {@code digits} is null for a column that
   * is no TIME or TIMESTAMP.
   */
  private static String defaultSql(String expression, Integer digits) {
    if (digits == null || !ColumnDef.isCurrentTimestamp(expression)) {
      return expression;
    }
    return digits == 0 ? "CURRENT_TIMESTAMP" : "CURRENT_TIMESTAMP(" + digits + ")";
  }

  @Override
  List<String> alterColumn(Operation.AlterColumn op, Connection connection) throws SQLException {
    List<String> statements = new ArrayList<>();
    // MySQL 8's SET DEFAULT takes a literal or a parenthesised expression, not CURRENT_TIMESTAMP:
    // such a default is set by restating the column.
    boolean currentTimestamp = ColumnDef.isCurrentTimestamp(op.serverDefault());
    if (op.type() == null && op.nullable() == null && !currentTimestamp) {
      String prefix = "ALTER TABLE " + quote(op.table()) + " ALTER COLUMN " + quote(op.column());
      if (op.serverDefault() != null) {
        statements.add(prefix + " SET DEFAULT " + op.serverDefault());
      } else if (op.dropDefault()) {
        statements.add(prefix + " DROP DEFAULT");
      }
      if (op.newName() != null) {
        statements.add(renameColumn(op.table(), op.column(), op.newName()));
      }
      return statements;
    }
    Existing existing = existing(op, connection);
    String type = op.type() != null ? typeSql(op.type()) : existing.type();
    Integer digits = op.type() != null ? fractionDigits(op.type()) : existing.fractionDigits();
    boolean nullable = op.nullable() != null ? op.nullable() : existing.nullable();
    String defaultValue =
        op.serverDefault() != null
            ? op.serverDefault()
            : op.dropDefault() ? null : existing.value();
    StringBuilder sql = new StringBuilder("ALTER TABLE ").append(quote(op.table()));
    if (op.newName() != null) {
      sql.append(" CHANGE COLUMN ").append(quote(op.column())).append(' ');
      sql.append(quote(op.newName()));
    } else {
      sql.append(" MODIFY COLUMN ").append(quote(op.column()));
    }
    sql.append(' ').append(type).append(nullable ? " NULL" : " NOT NULL");
    if (defaultValue != null) {
      sql.append(" DEFAULT ").append(defaultSql(defaultValue, digits));
    }
    if (existing.autoincrement()) {
      sql.append(" AUTO_INCREMENT");
    }
    statements.add(sql.toString());
    return statements;
  }

  /** The column before the change, as MODIFY must restate it. */
  private record Existing(
      String type, Integer fractionDigits, boolean nullable, String value, boolean autoincrement) {}

  private Existing existing(Operation.AlterColumn op, Connection connection) throws SQLException {
    if (op.existingType() != null && op.existingNullable() != null) {
      return new Existing(
          typeSql(op.existingType()),
          fractionDigits(op.existingType()),
          op.existingNullable(),
          op.existingDefault(),
          false);
    }
    if (connection == null) {
      throw needsExisting(
          op,
          "MySQL restates the whole column when changing its type or nullability or setting a"
              + " CURRENT_TIMESTAMP default; offline (--sql) give the current definition with"
              + " .existing(type, nullable, default)");
    }
    String sql =
        "SELECT COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, DATETIME_PRECISION"
            + " FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, op.table());
      statement.setString(2, op.column());
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw needsExisting(op, "no such column in the current database");
        }
        String extra = rs.getString(4) == null ? "" : rs.getString(4).toLowerCase(Locale.ROOT);
        boolean mariaDb =
            connection
                .getMetaData()
                .getDatabaseProductVersion()
                .toLowerCase(Locale.ROOT)
                .contains("mariadb");
        String value = liveDefault(rs.getString(3), extra, mariaDb);
        String type = op.existingType() != null ? typeSql(op.existingType()) : rs.getString(1);
        int liveDigits = rs.getInt(5);
        Integer digits =
            op.existingType() != null
                ? fractionDigits(op.existingType())
                : rs.wasNull() ? null : liveDigits;
        boolean nullable =
            op.existingNullable() != null ? op.existingNullable() : "YES".equals(rs.getString(2));
        if (op.existingDefault() != null) {
          value = op.existingDefault();
        }
        return new Existing(type, digits, nullable, value, extra.contains("auto_increment"));
      }
    }
  }

  /**
   * information_schema's COLUMN_DEFAULT as a SQL expression: MariaDB already gives one ('text',
   * NULL, current_timestamp()); MySQL gives the bare value and marks expressions DEFAULT_GENERATED.
   */
  private String liveDefault(String value, String extra, boolean mariaDb) {
    if (value == null) {
      return null;
    }
    if (mariaDb) {
      return "NULL".equalsIgnoreCase(value) ? null : value;
    }
    if (extra.contains("default_generated")) {
      return value.toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP")
          ? value
          : "(" + value + ")";
    }
    return stringLiteral(value);
  }

  @Override
  String dropIndex(Operation.DropIndex op) {
    if (op.table() == null) {
      throw MigrateException.badInput(
          "dropIndex(\""
              + op.name()
              + "\") on MySQL needs the table: use dropIndex(\""
              + op.name()
              + "\", table)");
    }
    return "DROP INDEX " + quote(op.name()) + " ON " + quote(op.table());
  }

  @Override
  List<String> dropConstraint(Operation.DropConstraint op, Connection connection) {
    String prefix = "ALTER TABLE " + quote(op.table()) + " DROP ";
    return List.of(
        switch (op.kind()) {
          case PRIMARY_KEY -> prefix + "PRIMARY KEY";
          case FOREIGN_KEY -> prefix + "FOREIGN KEY " + quote(op.name());
          case UNIQUE -> prefix + "INDEX " + quote(op.name());
          case CHECK -> prefix + "CONSTRAINT " + quote(op.name());
        });
  }

  /**
   * A string literal that reads the same whatever the session's sql_mode: a backslash is an escape
   * in a quoted string unless NO_BACKSLASH_ESCAPES is set, so text holding one (or a NUL) is
   * written as UTF-8 hex with a character set ({@code _utf8mb4 X'5C'}), which no mode changes.
   */
  @Override
  String stringLiteral(String s) {
    if (s.indexOf('\\') < 0 && s.indexOf('\0') < 0) {
      return "'" + s.replace("'", "''") + "'";
    }
    return "_utf8mb4 X'" + HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8)) + "'";
  }

  @Override
  String timestampTzLiteral(OffsetDateTime t) {
    // MariaDB reads no offset in a literal; TIMESTAMP values are given in UTC.
    return literal(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
  }
}
