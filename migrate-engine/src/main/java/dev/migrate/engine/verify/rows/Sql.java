package dev.migrate.engine.verify.rows;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.ColumnType;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Identifier quoting, parameter binding and value reading, per backend. */
final class Sql {
  /** Date-times as text (SQLite, and MySQL so fractional seconds get there). */
  private static final DateTimeFormatter SQLITE_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

  /** What {@link #temporal} gives for a column of another type. */
  private static final Object NOT_TEMPORAL = new Object();

  private Sql() {}

  /** Always quoted: names come from the catalog in their exact case. */
  static String quote(DatabaseKind kind, String identifier) {
    return kind == DatabaseKind.MYSQL
        ? "`" + identifier.replace("`", "``") + "`"
        : "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static String columnList(DatabaseKind kind, List<String> columns) {
    return columns.stream().map(c -> quote(kind, c)).collect(Collectors.joining(", "));
  }

  /** Binds a generated value (or one read from the database) to a parameter. */
  static void bind(
      PreparedStatement statement, int index, DatabaseKind kind, ColumnType.Kind type, Object value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
      return;
    }
    if (kind == DatabaseKind.SQLITE) {
      statement.setObject(index, forSqlite(value));
      return;
    }
    if (kind == DatabaseKind.POSTGRESQL
        && (type == ColumnType.Kind.CUSTOM || type == ColumnType.Kind.JSON)
        && (value instanceof String || value instanceof Number)) {
      // enums, intervals, json and the like: PostgreSQL parses the text as the column's type
      statement.setObject(index, value.toString(), Types.OTHER);
      return;
    }
    if (kind == DatabaseKind.POSTGRESQL
        && type == ColumnType.Kind.UUID
        && value instanceof String text) {
      statement.setObject(index, java.util.UUID.fromString(text));
      return;
    }
    if (kind == DatabaseKind.MYSQL && value instanceof java.time.temporal.Temporal) {
      // as text: Connector/J drops fractional seconds on MariaDB (it reads its version as 5.5);
      // MySQL's TIMESTAMP takes the session's local time, the same on the way back
      Object local = value instanceof OffsetDateTime time ? time.toLocalDateTime() : value;
      statement.setString(
          index, local instanceof LocalDateTime t ? SQLITE_TIMESTAMP.format(t) : local.toString());
      return;
    }
    if (kind == DatabaseKind.MYSQL && value instanceof java.util.UUID uuid) {
      statement.setString(index, uuid.toString());
      return;
    }
    statement.setObject(index, value);
  }

  private static Object forSqlite(Object value) {
    if (value instanceof LocalDateTime t) {
      return SQLITE_TIMESTAMP.format(t);
    }
    if (value instanceof OffsetDateTime t) {
      return SQLITE_TIMESTAMP.format(t.withOffsetSameInstant(ZoneOffset.UTC)) + "Z";
    }
    if (value instanceof LocalDate
        || value instanceof LocalTime
        || value instanceof java.util.UUID) {
      return value.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return value;
  }

  /**
   * The value of a result column in a form that compares equal whenever the stored value is the
   * same: numbers as BigDecimal without trailing zeros, booleans, bytes as hex ({@link
   * TableData.Bytes}), date and time values as ISO text (with time zone: the instant in UTC),
   * everything else as the driver's text.
   */
  static Object read(ResultSet rs, int index, DatabaseKind kind) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int type = meta.getColumnType(index);
    // PostgreSQL's driver looks the column up in the catalog (a round trip per result) for its
    // type name: asked only where the type alone does not tell (timestamptz, timetz)
    boolean named =
        kind == DatabaseKind.MYSQL
            || type == Types.TIMESTAMP
            || type == Types.TIME
            || type == Types.OTHER;
    String typeName =
        named ? String.valueOf(meta.getColumnTypeName(index)).toLowerCase(Locale.ROOT) : "";
    if (kind != DatabaseKind.SQLITE) {
      Object temporal = temporal(rs, index, kind, typeName, type);
      if (temporal != NOT_TEMPORAL) {
        return temporal;
      }
    }
    Object value = rs.getObject(index);
    if (value == null) {
      return null;
    }
    return normalise(value, rs, index);
  }

  private static Object temporal(
      ResultSet rs, int index, DatabaseKind kind, String typeName, int type) throws SQLException {
    boolean withZone =
        kind == DatabaseKind.POSTGRESQL && typeName.equals("timestamptz")
            || type == Types.TIMESTAMP_WITH_TIMEZONE;
    if (withZone) {
      OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
      return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }
    if (kind == DatabaseKind.MYSQL && typeName.startsWith("year")) {
      String year = rs.getString(index);
      return year == null ? null : year;
    }
    switch (type) {
      case Types.TIMESTAMP -> {
        LocalDateTime t = rs.getObject(index, LocalDateTime.class);
        return t == null ? null : t.toString();
      }
      case Types.DATE -> {
        LocalDate d = rs.getObject(index, LocalDate.class);
        return d == null ? null : d.toString();
      }
      case Types.TIME -> {
        if (typeName.equals("timetz")) {
          return rs.getString(index);
        }
        LocalTime t = rs.getObject(index, LocalTime.class);
        return t == null ? null : t.toString();
      }
      default -> {
        return NOT_TEMPORAL;
      }
    }
  }

  /** A generated or read Java value in the comparable form of {@link #read}. */
  static Object normalise(Object value, ResultSet rs, int index) throws SQLException {
    if (value instanceof BigDecimal d) {
      return number(d);
    }
    if (value instanceof Float f) {
      return number(new BigDecimal(Float.toString(f)));
    }
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? d.toString() : number(BigDecimal.valueOf(d));
    }
    if (value instanceof Number n) {
      return number(new BigDecimal(n.toString()));
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof byte[] bytes) {
      return new TableData.Bytes(HexFormat.of().formatHex(bytes));
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof java.util.Date && rs != null) {
      return rs.getString(index);
    }
    if (value instanceof OffsetDateTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }
    if (value instanceof java.sql.Blob blob) {
      return new TableData.Bytes(HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length())));
    }
    if (value instanceof java.sql.Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return value.toString();
  }

  private static BigDecimal number(BigDecimal d) {
    return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
  }

  /**
   * A date-time or time text cut to whole seconds: Connector/J drops fractional seconds on MariaDB
   * (it reads MariaDB's version as 5.5), so a key compares on what is stored either way.
   */
  private static String wholeSeconds(String text) {
    try {
      return LocalDateTime.parse(text)
          .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
          .toString();
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return LocalTime.parse(text).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
      } catch (java.time.format.DateTimeParseException notTime) {
        return text;
      }
    }
  }

  /**
   * A value as a unique key compares it: trailing spaces dropped (CHAR pads), booleans as 1 and 0,
   * and on MySQL, whose default collations ignore case and accents, folded to plain lower case.
   */
  static Object keyPart(DatabaseKind kind, Object value) throws SQLException {
    Object v = value instanceof Boolean b ? (b ? BigDecimal.ONE : BigDecimal.ZERO) : value;
    // generated values in the form the database gives them back
    if (kind == DatabaseKind.SQLITE
        && (v instanceof java.time.temporal.Temporal || v instanceof java.util.UUID)) {
      v = forSqlite(v);
    } else if (kind == DatabaseKind.MYSQL && v instanceof OffsetDateTime t) {
      v = t.toLocalDateTime();
    }
    if (v instanceof LocalDateTime || v instanceof LocalDate || v instanceof LocalTime) {
      v = v.toString();
    }
    v = v == null ? null : normalise(v, null, 0);
    if (v instanceof String s) {
      s = s.stripTrailing();
      if (kind == DatabaseKind.MYSQL) {
        s = wholeSeconds(s);
        s =
            java.text.Normalizer.normalize(
                    s.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ß", "s")
                // general_ci weighs all characters outside the BMP alike
                .replaceAll("[\\x{10000}-\\x{10FFFF}]", "?");
      }
      return s;
    }
    return v;
  }
}
