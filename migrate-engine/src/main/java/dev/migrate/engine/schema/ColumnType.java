package dev.migrate.engine.schema;

import java.util.Objects;

/**
 * A portable column type. Dialects decide how each kind is spelled (a UUID is {@code UUID} on
 * PostgreSQL, {@code CHAR(36)} on MySQL, {@code TEXT} on SQLite). {@link Kind#CUSTOM} carries a
 * type written in the database's own words and is used as it is.
 *
 * @param kind the logical type
 * @param length for VARCHAR and CHAR, else null
 * @param precision for DECIMAL, its digits; for TIME, TIMESTAMP and TIMESTAMP_TZ, the digits kept
 *     after the seconds' point (0 to 6), where null is the default 6 (microseconds, the most
 *     PostgreSQL and MySQL keep), so {@code timestamp(6)} is {@link #TIMESTAMP}; else null
 * @param scale for DECIMAL, else null
 * @param sql for CUSTOM, the type as the database spells it, else null
 */
public record ColumnType(Kind kind, Integer length, Integer precision, Integer scale, String sql) {
  /** The digits after the seconds' point that TIME and TIMESTAMP kinds keep unless told. */
  public static final int DEFAULT_SECONDS_PRECISION = 6;

  /** The logical types migrate knows. */
  public enum Kind {
    SMALLINT,
    INTEGER,
    BIGINT,
    VARCHAR,
    CHAR,
    TEXT,
    BOOLEAN,
    DATE,
    TIME,
    TIMESTAMP,
    TIMESTAMP_TZ,
    REAL,
    DOUBLE,
    DECIMAL,
    BLOB,
    UUID,
    JSON,
    CUSTOM
  }

  public static final ColumnType SMALLINT = simple(Kind.SMALLINT);
  public static final ColumnType INTEGER = simple(Kind.INTEGER);
  public static final ColumnType BIGINT = simple(Kind.BIGINT);
  public static final ColumnType TEXT = simple(Kind.TEXT);
  public static final ColumnType BOOLEAN = simple(Kind.BOOLEAN);
  public static final ColumnType DATE = simple(Kind.DATE);
  public static final ColumnType TIME = simple(Kind.TIME);
  public static final ColumnType TIMESTAMP = simple(Kind.TIMESTAMP);
  public static final ColumnType TIMESTAMP_TZ = simple(Kind.TIMESTAMP_TZ);
  public static final ColumnType REAL = simple(Kind.REAL);
  public static final ColumnType FLOAT = REAL;
  public static final ColumnType DOUBLE = simple(Kind.DOUBLE);
  public static final ColumnType BLOB = simple(Kind.BLOB);
  public static final ColumnType BINARY = BLOB;
  public static final ColumnType UUID = simple(Kind.UUID);
  public static final ColumnType JSON = simple(Kind.JSON);

  public ColumnType {
    Objects.requireNonNull(kind, "kind");
    switch (kind) {
      case VARCHAR, CHAR -> requirePositive(length, kind + " length");
      case DECIMAL -> {
        requirePositive(precision, "DECIMAL precision");
        if (scale == null || scale < 0 || scale > precision) {
          throw new IllegalArgumentException(
              "DECIMAL scale must be between 0 and the precision " + precision + ", was " + scale);
        }
      }
      case TIME, TIMESTAMP, TIMESTAMP_TZ -> {
        if (precision != null && (precision < 0 || precision > DEFAULT_SECONDS_PRECISION)) {
          throw new IllegalArgumentException(
              kind
                  + " precision (digits after the seconds' point) must be between 0 and "
                  + DEFAULT_SECONDS_PRECISION
                  + ", was "
                  + precision);
        }
        if (precision != null && precision == DEFAULT_SECONDS_PRECISION) {
          precision = null;
        }
      }
      case CUSTOM -> {
        if (sql == null || sql.isBlank()) {
          throw new IllegalArgumentException("a custom column type needs its SQL spelling");
        }
      }
      default -> {}
    }
  }

  public static ColumnType varchar(int length) {
    return new ColumnType(Kind.VARCHAR, length, null, null, null);
  }

  public static ColumnType fixedChar(int length) {
    return new ColumnType(Kind.CHAR, length, null, null, null);
  }

  public static ColumnType decimal(int precision, int scale) {
    return new ColumnType(Kind.DECIMAL, null, precision, scale, null);
  }

  /** TIME keeping {@code precision} digits after the seconds' point, 0 to 6 ({@link #TIME}: 6). */
  public static ColumnType time(int precision) {
    return TIME.withSecondsPrecision(precision);
  }

  /** TIMESTAMP keeping {@code precision} digits after the seconds' point, 0 to 6. */
  public static ColumnType timestamp(int precision) {
    return TIMESTAMP.withSecondsPrecision(precision);
  }

  /** TIMESTAMP WITH TIME ZONE keeping {@code precision} digits after the seconds' point, 0 to 6. */
  public static ColumnType timestampTz(int precision) {
    return TIMESTAMP_TZ.withSecondsPrecision(precision);
  }

  /** Whether this kind keeps digits after the seconds' point: TIME, TIMESTAMP, TIMESTAMP_TZ. */
  public boolean keepsFractionalSeconds() {
    return kind == Kind.TIME || kind == Kind.TIMESTAMP || kind == Kind.TIMESTAMP_TZ;
  }

  /** This TIME or TIMESTAMP kind keeping {@code digits} after the seconds' point, 0 to 6. */
  public ColumnType withSecondsPrecision(int digits) {
    if (!keepsFractionalSeconds()) {
      throw new IllegalArgumentException(kind + " keeps no fractional seconds");
    }
    return new ColumnType(kind, null, digits, null, null);
  }

  /** For TIME and TIMESTAMP kinds, the digits kept after the seconds' point. */
  public int secondsPrecision() {
    return precision == null ? DEFAULT_SECONDS_PRECISION : precision;
  }

  /** A type spelled in the database's own words, used as it is on every dialect. */
  public static ColumnType custom(String sql) {
    return new ColumnType(Kind.CUSTOM, null, null, null, sql);
  }

  private static ColumnType simple(Kind kind) {
    return new ColumnType(kind, null, null, null, null);
  }

  private static void requirePositive(Integer value, String what) {
    if (value == null || value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
  }
}
