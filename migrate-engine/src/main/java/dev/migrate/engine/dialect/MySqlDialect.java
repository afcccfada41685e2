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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    if (!restatesColumn(op)) {
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
    sql.append(' ').append(type);
    Attributes kept = existing.attributes();
    if (kept.collation() != null
        && TEXTUAL.matcher(type).find()
        && !type.toLowerCase(Locale.ROOT).matches(".*\\b(character set|charset|collate)\\b.*")) {
      sql.append(" CHARACTER SET ").append(kept.charset());
      sql.append(" COLLATE ").append(kept.collation());
    }
    if (kept.generated() != null) {
      // MariaDB takes no NULL / NOT NULL and no default on a generated column
      sql.append(" GENERATED ALWAYS AS (").append(kept.generated()).append(") ");
      sql.append(kept.stored() ? "STORED" : "VIRTUAL").append(nullable ? "" : " NOT NULL");
    } else {
      sql.append(nullable ? " NULL" : " NOT NULL");
      if (defaultValue != null) {
        sql.append(" DEFAULT ").append(defaultSql(defaultValue, digits));
      }
    }
    if (kept.onUpdate() != null && digits != null) {
      sql.append(" ON UPDATE ").append(defaultSql(kept.onUpdate(), digits));
    }
    if (kept.invisible()) {
      sql.append(" INVISIBLE");
    }
    if (kept.autoincrement()) {
      sql.append(" AUTO_INCREMENT");
    }
    if (kept.comment() != null) {
      sql.append(" COMMENT ").append(kept.comment());
    }
    for (String check : kept.checks()) {
      // a JSON column's own json_valid check goes with the JSON type when the type changes
      if (op.type() == null || !check.equalsIgnoreCase("json_valid(`" + op.column() + "`)")) {
        String restated = op.newName() == null ? check : renamed(check, op.column(), op.newName());
        sql.append(" CHECK (").append(restated).append(')');
      }
    }
    if (kept.stated() != null && !kept.stated().isBlank()) {
      sql.append(' ').append(kept.stated().strip());
    }
    statements.add(sql.toString());
    return statements;
  }

  /**
   * Whether MODIFY (or CHANGE COLUMN) restates the column: a new type or nullability, or a
   * CURRENT_TIMESTAMP default, which MySQL 8's SET DEFAULT does not take (it takes a literal or a
   * parenthesised expression).
   */
  private static boolean restatesColumn(Operation.AlterColumn op) {
    return op.type() != null
        || op.nullable() != null
        || ColumnDef.isCurrentTimestamp(op.serverDefault());
  }

  /** A restating alterColumn reads the live column when it runs, after the operations before it. */
  @Override
  public Optional<String> renderedWhenRun(Operation operation) {
    if (operation instanceof Operation.AlterColumn op && restatesColumn(op)) {
      return Optional.of(
          "ALTER TABLE "
              + quote(op.table())
              + (op.newName() == null
                  ? " MODIFY COLUMN " + quote(op.column())
                  : " CHANGE COLUMN " + quote(op.column()) + " " + quote(op.newName()))
              + " -- restated from the live column when it runs");
    }
    return Optional.empty();
  }

  /**
   * Before MODIFY needed the rest of the column stated offline, a revision giving only {@code
   * .existing(type, nullable, default)} rendered as if there were none: its checksum keeps that.
   */
  @Override
  public List<String> checksumText(Operation operation) throws SQLException {
    if (operation instanceof Operation.AlterColumn op
        && op.existingType() != null
        && op.existingNullable() != null
        && op.existingAttributes() == null) {
      return render(op.withExistingAttributes(""), null);
    }
    return render(operation, null);
  }

  /** Types that take a character set: CHAR, VARCHAR, the TEXT kinds, ENUM and SET. */
  private static final Pattern TEXTUAL =
      Pattern.compile(
          "^\\s*(n?(var)?char|(tiny|medium|long)?text|enum|set)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern ON_UPDATE =
      Pattern.compile("on update (\\S+)", Pattern.CASE_INSENSITIVE);

  /** The column before the change, as MODIFY must restate it. */
  private record Existing(
      String type, Integer fractionDigits, boolean nullable, String value, Attributes attributes) {}

  /**
   * What MODIFY would drop unless restated: read live, or (offline) the text the revision states.
   *
   * @param comment the COMMENT as a quoted literal, or null
   * @param checks MariaDB's checks written on the column itself, which MODIFY drops
   * @param stated offline, the attributes as the revision gives them; else null
   */
  private record Attributes(
      String charset,
      String collation,
      String generated,
      boolean stored,
      String onUpdate,
      boolean invisible,
      boolean autoincrement,
      String comment,
      List<String> checks,
      String stated) {
    static Attributes stated(String text) {
      return new Attributes(null, null, null, false, null, false, false, null, List.of(), text);
    }
  }

  private Existing existing(Operation.AlterColumn op, Connection connection) throws SQLException {
    if (connection == null) {
      if (op.existingType() == null || op.existingNullable() == null) {
        throw needsExisting(
            op,
            "MySQL restates the whole column when changing its type or nullability or setting a"
                + " CURRENT_TIMESTAMP default; offline (--sql) give the current definition with"
                + " .existing(type, nullable, default) and .existingAttributes(...)");
      }
      if (op.existingAttributes() == null) {
        throw needsExisting(
            op,
            "offline (--sql) MySQL's MODIFY drops what it does not restate; give the rest of the"
                + " column's current definition after its type, NULL and DEFAULT, as SHOW CREATE"
                + " TABLE spells it (AUTO_INCREMENT, CHARACTER SET and COLLATE, ON UPDATE, COMMENT,"
                + " INVISIBLE), with .existingAttributes(\"...\"), or .existingAttributes(\"\")"
                + " when it has none");
      }
      return new Existing(
          typeSql(op.existingType()),
          fractionDigits(op.existingType()),
          op.existingNullable(),
          op.existingDefault(),
          Attributes.stated(op.existingAttributes()));
    }
    String sql =
        "SELECT COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, DATETIME_PRECISION,"
            + " CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_COMMENT, GENERATION_EXPRESSION,"
            + " @@SESSION.sql_mode"
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
        boolean generated = extra.contains("generated") && rs.getString(9) != null;
        Matcher onUpdate = ON_UPDATE.matcher(extra);
        String comment = rs.getString(8);
        boolean noBackslashEscapes =
            rs.getString(10) != null && rs.getString(10).contains("NO_BACKSLASH_ESCAPES");
        Attributes attributes =
            new Attributes(
                rs.getString(6),
                rs.getString(7),
                generated ? rs.getString(9) : null,
                extra.contains("stored") || extra.contains("persistent"),
                onUpdate.find() ? onUpdate.group(1) : null,
                extra.contains("invisible"),
                extra.contains("auto_increment"),
                comment == null || comment.isEmpty() ? null : quoted(comment, noBackslashEscapes),
                mariaDb ? columnChecks(connection, op) : List.of(),
                null);
        return new Existing(type, digits, nullable, value, attributes);
      }
    }
  }

  /**
   * A column check over the column's new name: CHANGE COLUMN checks the restated clause against the
   * new definition. MariaDB writes every column name in a check clause between backquotes.
   */
  private static String renamed(String check, String column, String newName) {
    return Pattern.compile(
            "`" + Pattern.quote(column.replace("`", "``")) + "`", Pattern.CASE_INSENSITIVE)
        .matcher(check)
        .replaceAll(Matcher.quoteReplacement("`" + newName.replace("`", "``") + "`"));
  }

  /** MariaDB's CHECK clauses written on the column (LEVEL 'Column', named after it). */
  private static List<String> columnChecks(Connection connection, Operation.AlterColumn op)
      throws SQLException {
    String sql =
        "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA ="
            + " DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_NAME = ? AND LEVEL = 'Column'";
    List<String> checks = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, op.table());
      statement.setString(2, op.column());
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          checks.add(rs.getString(1));
        }
      }
    }
    return checks;
  }

  /**
   * A quoted string for a place that takes no expression (COMMENT), in the session's sql_mode: a
   * backslash is an escape unless NO_BACKSLASH_ESCAPES is set.
   */
  private static String quoted(String text, boolean noBackslashEscapes) {
    String escaped = noBackslashEscapes ? text : text.replace("\\", "\\\\");
    return "'" + escaped.replace("'", "''") + "'";
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
