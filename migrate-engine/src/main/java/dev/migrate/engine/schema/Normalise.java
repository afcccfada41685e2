package dev.migrate.engine.schema;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.ColumnDef;
import dev.migrate.engine.ops.ReferentialAction;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the way each database spells a column type or a default back into the portable model, so
 * that the same logical column reads the same on every backend ({@code int4}, {@code integer} and
 * {@code INT} are all {@link ColumnType#INTEGER}) and a real change (width, precision, kind) never
 * does.
 */
final class Normalise {
  private static final Pattern TYPE =
      Pattern.compile("^([a-z][a-z0-9_ ]*)\\s*(?:\\(([^)]*)\\))?(.*)$");
  private static final Pattern CAST =
      Pattern.compile("^(.*?)::[a-z_][a-z0-9_ ]*(?:\\([0-9, ]*\\))?(?:\\[\\])?$");

  private Normalise() {}

  /** The column type as the database spells it (format_type, COLUMN_TYPE, declared type). */
  static ColumnType type(DatabaseKind kind, String spelled) {
    if (spelled == null || spelled.isBlank()) {
      return kind == DatabaseKind.SQLITE ? ColumnType.BLOB : ColumnType.custom("?");
    }
    String lower = spelled.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher m = TYPE.matcher(lower);
    if (!m.matches()) {
      return kind == DatabaseKind.SQLITE ? affinity(spelled) : ColumnType.custom(spelled);
    }
    String name = m.group(1).trim();
    String args = m.group(2);
    String rest = m.group(3).trim();
    if (kind == DatabaseKind.MYSQL && !rest.isEmpty()) {
      // unsigned, zerofill: no portable kind says so
      return ColumnType.custom(spelled);
    }
    if (kind == DatabaseKind.POSTGRESQL && !rest.isEmpty()) {
      // timestamp(3) without time zone
      name = (name + " " + rest).trim();
    }
    ColumnType type = known(kind, name, args);
    if (type != null) {
      return type;
    }
    return kind == DatabaseKind.SQLITE ? affinity(spelled) : ColumnType.custom(spelled);
  }

  private static ColumnType known(DatabaseKind kind, String name, String args) {
    Integer first = number(args, 0);
    Integer second = number(args, 1);
    switch (name) {
      case "smallint", "int2":
        return ColumnType.SMALLINT;
      case "integer", "int", "int4":
        return ColumnType.INTEGER;
      case "mediumint":
        // three bytes: narrower than INTEGER, and its display width (9) is no part of the type
        return kind == DatabaseKind.SQLITE ? ColumnType.INTEGER : ColumnType.custom(name);
      case "bigint", "int8":
        return ColumnType.BIGINT;
      case "tinyint":
        return kind == DatabaseKind.MYSQL && Integer.valueOf(1).equals(first)
            ? ColumnType.BOOLEAN
            : kind == DatabaseKind.SQLITE ? ColumnType.SMALLINT : null;
      case "varchar", "character varying", "nvarchar", "varchar2":
        return first == null ? null : ColumnType.varchar(first);
      case "char", "character", "bpchar", "nchar":
        return first == null ? null : ColumnType.fixedChar(first);
      case "text":
        return ColumnType.TEXT;
      case "boolean", "bool":
        return ColumnType.BOOLEAN;
      case "date":
        return ColumnType.DATE;
      case "time", "time without time zone":
        return temporal(ColumnType.Kind.TIME, kind, args);
      case "timestamp":
        return temporal(
            kind == DatabaseKind.MYSQL ? ColumnType.Kind.TIMESTAMP_TZ : ColumnType.Kind.TIMESTAMP,
            kind,
            args);
      case "datetime", "timestamp without time zone":
        return temporal(ColumnType.Kind.TIMESTAMP, kind, args);
      case "timestamptz", "timestamp with time zone":
        return temporal(ColumnType.Kind.TIMESTAMP_TZ, kind, args);
      case "real":
        // MySQL's REAL is DOUBLE unless sql_mode has REAL_AS_FLOAT
        return kind == DatabaseKind.MYSQL ? ColumnType.DOUBLE : ColumnType.REAL;
      case "float4":
        return ColumnType.REAL;
      case "float":
        if (kind == DatabaseKind.SQLITE) {
          return ColumnType.DOUBLE;
        }
        if (kind == DatabaseKind.MYSQL && args != null) {
          // FLOAT(p) is FLOAT up to 24 bits and DOUBLE above; FLOAT(m,d) keeps fixed digits
          return second == null && first != null
              ? (first <= 24 ? ColumnType.REAL : ColumnType.DOUBLE)
              : fixedDigits(name, args);
        }
        return ColumnType.REAL;
      case "double", "double precision", "float8":
        return kind == DatabaseKind.MYSQL && args != null
            ? fixedDigits("double", args)
            : ColumnType.DOUBLE;
      case "numeric", "decimal":
        if (first == null) {
          return null;
        }
        return ColumnType.decimal(first, second == null ? 0 : second);
      case "blob":
        // MySQL's BLOB holds 64 KiB, the portable BLOB is LONGBLOB there
        return kind == DatabaseKind.MYSQL ? ColumnType.custom(name) : ColumnType.BLOB;
      case "longblob", "bytea":
        return ColumnType.BLOB;
      case "uuid":
        return ColumnType.UUID;
      case "json", "jsonb":
        return ColumnType.JSON;
      default:
        return null;
    }
  }

  /** MySQL's FLOAT(m,d) or DOUBLE(m,d): rounded to d digits, so not the portable kind. */
  private static ColumnType fixedDigits(String name, String args) {
    return ColumnType.custom(name + "(" + args.replace(" ", "") + ")");
  }

  /**
   * A TIME or TIMESTAMP kind with the digits it keeps after the seconds' point: as spelled, else
   * the database's default (none on MySQL, 6 on PostgreSQL). Null when they are not 0 to 6.
   */
  private static ColumnType temporal(ColumnType.Kind type, DatabaseKind kind, String args) {
    Integer digits = args == null ? (kind == DatabaseKind.MYSQL ? 0 : null) : number(args, 0);
    if (args != null
        && (digits == null || digits < 0 || digits > ColumnType.DEFAULT_SECONDS_PRECISION)) {
      return null;
    }
    return new ColumnType(type, null, digits, null, null);
  }

  /** SQLite's type affinity rules (section 3.1 of its datatype page) for unknown spellings. */
  private static ColumnType affinity(String declared) {
    String upper = declared.toUpperCase(Locale.ROOT);
    if (upper.contains("INT")) {
      return ColumnType.INTEGER;
    }
    if (upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT")) {
      return ColumnType.TEXT;
    }
    if (upper.contains("BLOB")) {
      return ColumnType.BLOB;
    }
    if (upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB")) {
      return ColumnType.DOUBLE;
    }
    return ColumnType.custom(declared.trim());
  }

  private static Integer number(String args, int index) {
    if (args == null) {
      return null;
    }
    String[] parts = args.split(",");
    if (index >= parts.length) {
      return null;
    }
    try {
      return Integer.valueOf(parts[index].trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A server default as a SQL expression in one spelling: casts removed ({@code 'open'::character
   * varying} is {@code 'open'}), {@code now()} and {@code current_timestamp(6)} (MySQL and MariaDB
   * give the column's precision) are {@code CURRENT_TIMESTAMP}, numbers in plain form, booleans
   * TRUE/FALSE on boolean columns.
   */
  static String defaultValue(String raw, ColumnType type) {
    if (raw == null) {
      return null;
    }
    String value = raw.trim();
    while (true) {
      String before = value;
      value = Expressions.stripParens(value);
      Matcher cast = CAST.matcher(value);
      if (cast.matches()) {
        value = cast.group(1).trim();
      }
      if (value.equals(before)) {
        break;
      }
    }
    if (value.isEmpty() || value.equalsIgnoreCase("null")) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (ColumnDef.isCurrentTimestamp(value)) {
      return "CURRENT_TIMESTAMP";
    }
    if (lower.equals("current_date") || lower.equals("curdate()")) {
      return "CURRENT_DATE";
    }
    ColumnType.Kind kind = type.kind();
    if (kind == ColumnType.Kind.BOOLEAN) {
      String bare = unquote(lower);
      if (bare.equals("0") || bare.equals("false") || bare.equals("f")) {
        return "FALSE";
      }
      if (bare.equals("1") || bare.equals("true") || bare.equals("t")) {
        return "TRUE";
      }
    }
    if (numeric(kind)) {
      String bare = unquote(value);
      try {
        BigDecimal number = new BigDecimal(bare);
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return value;
      }
    }
    return value;
  }

  private static boolean numeric(ColumnType.Kind kind) {
    return switch (kind) {
      case SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  /**
   * A foreign key rule; the database's default (NO ACTION, and on MySQL its equivalent RESTRICT) is
   * null.
   */
  static ReferentialAction action(DatabaseKind kind, String rule) {
    if (rule == null) {
      return null;
    }
    String r = rule.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
    return switch (r) {
      case "CASCADE", "C" -> ReferentialAction.CASCADE;
      case "SET NULL", "N" -> ReferentialAction.SET_NULL;
      case "SET DEFAULT", "D" -> ReferentialAction.SET_DEFAULT;
      case "RESTRICT", "R" -> kind == DatabaseKind.MYSQL ? null : ReferentialAction.RESTRICT;
      default -> null;
    };
  }
}
