package dev.migrate.engine.verify.rows;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values one column can take: its type (and for custom types, what its spelling says), its
 * declared length and precision, and what its checks allow. {@link #value} gives one of them for a
 * variant: {@link Variant#WIDEST} uses the declared maximum length and precision, {@link
 * Variant#NARROWEST} the smallest allowed, {@link Variant#RANDOM} anything allowed.
 */
final class ValueSource {
  enum Variant {
    WIDEST,
    RANDOM,
    NARROWEST
  }

  /** How a value is bound: most through setObject, a few as PostgreSQL's untyped text. */
  enum Shape {
    INTEGER,
    DECIMAL,
    FLOAT,
    TEXT,
    BOOLEAN,
    DATE,
    TIME,
    TIMESTAMP,
    TIMESTAMP_TZ,
    BYTES,
    UUID,
    JSON,
    /** text the database parses into its own type: PG enums, intervals, inet, MySQL enums. */
    OTHER,
    /** no value can be made; NULL or the default */
    NONE
  }

  private static final String LATIN =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String LATIN_1 = "äöüßéñçøÅ";
  private static final String BMP = "ΩλжЯ中文字あ";
  private static final String ASTRAL = "😀🎉";
  private static final Pattern MYSQL_INT =
      Pattern.compile(
          "^(tiny|small|medium|big)?int(?:eger)?(?:\\(\\d+\\))?( unsigned)?( zerofill)?$");
  private static final Pattern BINARY = Pattern.compile("^(var)?binary\\((\\d+)\\)$");
  private static final Pattern LIST = Pattern.compile("^(enum|set)\\s*\\((.*)\\)$", Pattern.DOTALL);
  private static final Pattern FIXED_FLOAT = Pattern.compile("^(float|double)\\((\\d+),(\\d+)\\)$");

  final Schema.Column column;
  final Shape shape;
  private final CheckRules.Rule rule;
  private final String alphabet;
  private BigDecimal min;
  private BigDecimal max;
  private int scale;
  private int maxLength;
  private int minLength = 1;
  private int fractionDigits;
  private List<String> allowed;

  ValueSource(
      DatabaseKind kind,
      Schema schema,
      Schema.Column column,
      CheckRules.Rule rule,
      String charset,
      boolean key,
      int maxTextLength) {
    this.column = column;
    this.rule = rule == null ? new CheckRules.Rule() : rule;
    ColumnType type = column.type();
    String custom = null;
    Shape s;
    switch (type.kind()) {
      case SMALLINT -> s = integers(-32768, 32767);
      case INTEGER -> s = integers(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT -> s = integers(Long.MIN_VALUE, Long.MAX_VALUE);
      case VARCHAR, CHAR -> {
        s = Shape.TEXT;
        maxLength = type.length();
      }
      case TEXT -> {
        s = Shape.TEXT;
        maxLength = 1000;
      }
      case BOOLEAN -> s = Shape.BOOLEAN;
      case DATE -> s = Shape.DATE;
      case TIME -> s = temporal(Shape.TIME, type);
      case TIMESTAMP -> s = temporal(Shape.TIMESTAMP, type);
      case TIMESTAMP_TZ -> s = temporal(Shape.TIMESTAMP_TZ, type);
      case REAL -> s = floats(BigDecimal.valueOf(1_000_000));
      case DOUBLE -> s = floats(BigDecimal.valueOf(1_000_000_000_000L));
      case DECIMAL -> s = decimals(type.precision(), type.scale());
      case BLOB -> {
        s = Shape.BYTES;
        maxLength = 300;
      }
      case UUID -> s = Shape.UUID;
      case JSON -> s = Shape.JSON;
      default -> {
        custom = type.sql().trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        s = null;
      }
    }
    if (custom != null) {
      Schema.EnumType enumType = enumType(schema, custom);
      Matcher m;
      if (enumType != null) {
        s = Shape.OTHER;
        allowed = new ArrayList<>(enumType.values());
      } else if ((m = LIST.matcher(custom)).matches()) {
        s = Shape.OTHER;
        allowed = quotedList(type.sql().trim().substring(m.start(2), m.end(2)));
      } else if ((m = MYSQL_INT.matcher(custom)).matches()) {
        s = mysqlInteger(m.group(1), m.group(2) != null);
      } else if ((m = BINARY.matcher(custom)).matches()) {
        s = Shape.BYTES;
        maxLength = Integer.parseInt(m.group(2));
      } else if (custom.matches("^(tiny|medium|long)?blob$") || custom.equals("bytea")) {
        s = Shape.BYTES;
        maxLength = custom.startsWith("tiny") ? 255 : 300;
      } else if (custom.matches("^(tiny|medium|long)?text$")
          || custom.matches("^(character varying|varchar|citext|clob|string)$")) {
        s = Shape.TEXT;
        maxLength = custom.startsWith("tiny") ? 60 : 1000;
      } else if (custom.matches("^(character|char|bpchar|nchar)$")) {
        s = Shape.TEXT;
        maxLength = 1;
      } else if (custom.matches("^(numeric|decimal)$")) {
        s = decimals(24, 6);
      } else if ((m = FIXED_FLOAT.matcher(custom)).matches()) {
        int digits = Integer.parseInt(m.group(2));
        int fraction = Integer.parseInt(m.group(3));
        decimals(Math.min(digits, m.group(1).equals("float") ? 6 : 15), Math.min(fraction, 2));
        s = Shape.FLOAT;
      } else if (custom.matches("^year(\\(4\\))?$")) {
        s = integers(1901, 2155);
      } else if (custom.equals("interval")) {
        s = Shape.OTHER;
        allowed = List.of("1 day 02:03:04", "3 mons 4 days", "00:00:01.5");
      } else if (custom.equals("inet") || custom.equals("cidr")) {
        s = Shape.OTHER;
        allowed = List.of("10.1.2.3/32", "192.168.0.0/24", "10.200.0.0/16");
      } else if (custom.matches("^(time with time zone|timetz)(\\(\\d\\))?$")) {
        s = Shape.OTHER;
        allowed = List.of("12:34:56+00", "08:00:00+02", "23:59:59-05");
      } else if (kind == DatabaseKind.SQLITE && custom.matches("^(numeric|decimal).*")) {
        s = decimals(15, 4);
      } else {
        s = Shape.NONE;
      }
    }
    this.shape = s;
    if (this.rule.allowed != null) {
      allowed = allowed == null ? this.rule.allowed : intersect(allowed, this.rule.allowed);
    }
    if (allowed != null) {
      allowed = allowed.stream().filter(v -> !this.rule.excluded.contains(v)).toList();
    }
    applyBounds(key);
    if (shape == Shape.TEXT) {
      maxLength = Math.min(maxLength, maxTextLength);
      if (allowed != null) {
        // a check may list values longer than the column holds
        allowed =
            allowed.stream()
                .filter(v -> v.codePointCount(0, v.length()) <= maxLength)
                .filter(v -> v.codePointCount(0, v.length()) >= minLength)
                .toList();
      }
    }
    if (column.autoincrement() && shape == Shape.INTEGER && max.signum() > 0) {
      // clear of the numbers the column's sequence hands out while the rows are there
      min = min.max(max.divide(BigDecimal.valueOf(2), 0, RoundingMode.FLOOR));
    }
    boolean asciiOnly =
        this.rule.lengthInBytes
            || (kind == DatabaseKind.MYSQL
                && (this.rule.maxLength != null || this.rule.minLength != null));
    this.alphabet = asciiOnly ? LATIN : alphabet(kind, charset);
  }

  private Shape integers(long low, long high) {
    min = BigDecimal.valueOf(low);
    max = BigDecimal.valueOf(high);
    return Shape.INTEGER;
  }

  private Shape mysqlInteger(String size, boolean unsigned) {
    int bits =
        size == null
            ? 32
            : switch (size) {
              case "tiny" -> 8;
              case "small" -> 16;
              case "medium" -> 24;
              default -> 64;
            };
    if (unsigned) {
      BigInteger top = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
      min = BigDecimal.ZERO;
      max = new BigDecimal(top.min(BigInteger.valueOf(Long.MAX_VALUE)));
    } else {
      min = new BigDecimal(BigInteger.ONE.shiftLeft(bits - 1).negate());
      max = new BigDecimal(BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE));
    }
    return Shape.INTEGER;
  }

  private Shape floats(BigDecimal limit) {
    min = limit.negate();
    max = limit;
    scale = 2;
    return Shape.FLOAT;
  }

  private Shape decimals(int precision, int digitsAfter) {
    scale = digitsAfter;
    max =
        BigDecimal.TEN
            .pow(precision - digitsAfter)
            .subtract(BigDecimal.ONE.movePointLeft(digitsAfter));
    min = max.negate();
    return Shape.DECIMAL;
  }

  private Shape temporal(Shape s, ColumnType type) {
    fractionDigits = type.secondsPrecision();
    return s;
  }

  private void applyBounds(boolean key) {
    if (min != null) {
      BigDecimal step = BigDecimal.ONE.movePointLeft(shape == Shape.INTEGER ? 0 : scale);
      if (rule.min != null && rule.min.compareTo(min) >= 0) {
        min = ceil(rule.min, step);
        if (rule.minExclusive && min.compareTo(rule.min) == 0) {
          min = min.add(step);
        }
      }
      if (rule.max != null && rule.max.compareTo(max) <= 0) {
        max = floor(rule.max, step);
        if (rule.maxExclusive && max.compareTo(rule.max) == 0) {
          max = max.subtract(step);
        }
      }
      if (key
          && shape == Shape.INTEGER
          && rule.min == null
          && min.signum() < 0
          && max.signum() > 0) {
        // keys stay positive: some databases and revisions read negative ids as special
        min = BigDecimal.ONE;
      }
    }
    if (rule.maxLength != null) {
      maxLength = Math.min(maxLength, rule.maxLength);
    }
    if (rule.minLength != null) {
      minLength = Math.max(minLength, rule.minLength);
    }
  }

  private BigDecimal ceil(BigDecimal value, BigDecimal step) {
    return value.divide(step, 0, RoundingMode.CEILING).multiply(step);
  }

  private BigDecimal floor(BigDecimal value, BigDecimal step) {
    return value.divide(step, 0, RoundingMode.FLOOR).multiply(step);
  }

  /** Whether the column can take a value at all (its checks leave some, its type is known). */
  boolean satisfiable() {
    if (shape == Shape.NONE) {
      return false;
    }
    if (allowed != null) {
      return !allowed.isEmpty();
    }
    if (min != null && min.compareTo(max) > 0) {
      return false;
    }
    return shape != Shape.TEXT && shape != Shape.BYTES || minLength <= maxLength;
  }

  /** A value for this column, as a Java value the writer binds. */
  Object value(Variant variant, Random random, boolean key) {
    if (allowed != null) {
      List<String> values = allowed;
      String v =
          switch (variant) {
            case WIDEST -> values.stream().max((a, b) -> a.length() - b.length()).orElseThrow();
            case NARROWEST -> values.get(0);
            case RANDOM -> values.get(random.nextInt(values.size()));
          };
      return fromText(v);
    }
    return switch (shape) {
      case INTEGER -> integer(variant, random, key);
      case DECIMAL -> decimal(variant, random);
      case FLOAT -> floating(variant, random);
      case TEXT -> text(variant, random, key);
      case BOOLEAN -> variant == Variant.RANDOM ? random.nextBoolean() : variant == Variant.WIDEST;
      case DATE -> date(variant, random);
      case TIME -> time(variant, random);
      case TIMESTAMP -> LocalDateTime.of(date(variant, random), time(variant, random).withHour(12));
      case TIMESTAMP_TZ ->
          OffsetDateTime.of(
              date(variant, random), time(variant, random).withHour(12), ZoneOffset.UTC);
      case BYTES -> bytes(variant, random);
      case UUID -> new UUID(random.nextLong(), random.nextLong());
      case JSON ->
          "{\"n\":"
              + random.nextInt(1000)
              + ",\"s\":\""
              + text(Variant.RANDOM, random, false)
              + "\"}";
      case OTHER, NONE -> null;
    };
  }

  /** A check's or an enum's literal as a value of this column's shape. */
  private Object fromText(String v) {
    try {
      return switch (shape) {
        case INTEGER -> new BigDecimal(v).longValueExact();
        case DECIMAL -> new BigDecimal(v).setScale(scale, RoundingMode.UNNECESSARY);
        case FLOAT -> Double.valueOf(v);
        case BOOLEAN -> v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("t");
        default -> v;
      };
    } catch (ArithmeticException | NumberFormatException e) {
      return v;
    }
  }

  private Object integer(Variant variant, Random random, boolean key) {
    BigDecimal span = max.subtract(min);
    BigDecimal v =
        switch (variant) {
          case WIDEST -> max;
          case NARROWEST -> min.signum() <= 0 && max.signum() >= 0 && !key ? BigDecimal.ZERO : min;
          case RANDOM -> {
            BigDecimal low = min;
            if (key && span.compareTo(BigDecimal.valueOf(1_000_000_000)) > 0) {
              // large keys, clear of the small ones revisions and sequences use
              BigDecimal large = BigDecimal.valueOf(100_000_000);
              low = large.compareTo(max) < 0 ? min.max(large) : min;
            }
            BigDecimal range = max.subtract(low);
            double fraction = random.nextDouble();
            yield low.add(
                range.multiply(BigDecimal.valueOf(fraction)).setScale(0, RoundingMode.DOWN));
          }
        };
    return v.longValue();
  }

  private BigDecimal decimal(Variant variant, Random random) {
    return switch (variant) {
      case WIDEST -> max;
      case NARROWEST ->
          min.signum() <= 0 && max.signum() >= 0 ? BigDecimal.ZERO.setScale(scale) : min;
      case RANDOM -> {
        BigDecimal range = max.subtract(min);
        BigDecimal v =
            min.add(range.multiply(BigDecimal.valueOf(random.nextDouble())))
                .setScale(scale, RoundingMode.DOWN);
        yield v.min(max).max(min);
      }
    };
  }

  /** Quarters and halves only: exact in a float and a double, so they read back as written. */
  private Double floating(Variant variant, Random random) {
    BigDecimal quarter = BigDecimal.valueOf(0.25);
    BigDecimal low = min.divide(quarter, 0, RoundingMode.CEILING);
    BigDecimal high = max.divide(quarter, 0, RoundingMode.FLOOR);
    BigDecimal k =
        switch (variant) {
          case WIDEST -> high;
          case NARROWEST -> low.signum() <= 0 && high.signum() >= 0 ? BigDecimal.ZERO : low;
          case RANDOM ->
              low.add(high.subtract(low).multiply(BigDecimal.valueOf(random.nextDouble())))
                  .setScale(0, RoundingMode.DOWN);
        };
    return k.multiply(quarter).doubleValue();
  }

  private String text(Variant variant, Random random, boolean key) {
    int length =
        switch (variant) {
          case WIDEST -> maxLength;
          case NARROWEST -> minLength;
          case RANDOM -> {
            int low = Math.max(minLength, key ? Math.min(8, maxLength) : minLength);
            int high = Math.max(low, Math.min(maxLength, 40));
            yield low + random.nextInt(high - low + 1);
          }
        };
    StringBuilder s = new StringBuilder();
    int[] points = alphabet.codePoints().toArray();
    for (int i = 0; i < length; i++) {
      // the first character a letter; non-ASCII ones show up early so short values carry them too
      int point =
          i == 0
              ? LATIN.charAt(random.nextInt(52))
              : i == 1 && points.length > LATIN.length()
                  ? points[LATIN.length() + random.nextInt(points.length - LATIN.length())]
                  : points[random.nextInt(points.length)];
      s.appendCodePoint(point);
    }
    String value = s.toString();
    return rule.excluded.contains(value) ? value + "x" : value;
  }

  private LocalDate date(Variant variant, Random random) {
    return switch (variant) {
      case WIDEST -> LocalDate.of(2030, 12, 31);
      case NARROWEST -> LocalDate.of(2001, 1, 1);
      case RANDOM -> LocalDate.of(2001, 1, 1).plusDays(random.nextInt(10_900));
    };
  }

  private LocalTime time(Variant variant, Random random) {
    int nanos =
        switch (variant) {
          case WIDEST -> 987_654_000;
          case NARROWEST -> 0;
          case RANDOM -> random.nextInt(1_000_000) * 1000;
        };
    int keep = (int) Math.pow(10, 9 - fractionDigits);
    nanos = nanos / keep * keep;
    return switch (variant) {
      case WIDEST -> LocalTime.of(23, 59, 59, nanos);
      case NARROWEST -> LocalTime.of(0, 0, 1, nanos);
      case RANDOM ->
          LocalTime.of(random.nextInt(24), random.nextInt(60), random.nextInt(60), nanos);
    };
  }

  private byte[] bytes(Variant variant, Random random) {
    int length =
        switch (variant) {
          case WIDEST -> maxLength;
          case NARROWEST -> 1;
          case RANDOM -> 1 + random.nextInt(Math.min(maxLength, 32));
        };
    byte[] b = new byte[length];
    random.nextBytes(b);
    // binary(n) pads with zero bytes: a non-zero last byte keeps it the same when read back
    b[length - 1] = (byte) (1 + random.nextInt(127));
    return b;
  }

  private static Schema.EnumType enumType(Schema schema, String custom) {
    String bare = custom.replace("\"", "");
    String name = bare.contains(".") ? bare.substring(bare.lastIndexOf('.') + 1) : bare;
    return schema.enumTypes().stream()
        .filter(e -> e.name().equalsIgnoreCase(name))
        .findFirst()
        .orElse(null);
  }

  private static List<String> quotedList(String list) {
    List<String> values = new ArrayList<>();
    Matcher m = Pattern.compile("'((?:[^']|'')*)'").matcher(list);
    while (m.find()) {
      values.add(m.group(1).replace("''", "'"));
    }
    return values;
  }

  private static List<String> intersect(List<String> a, List<String> b) {
    return a.stream().filter(b::contains).toList();
  }

  /** Characters the column's character set stores: all of Unicode unless it says otherwise. */
  private static String alphabet(DatabaseKind kind, String charset) {
    if (charset == null) {
      return LATIN + LATIN_1 + BMP + ASTRAL;
    }
    String c = charset.toLowerCase(Locale.ROOT);
    if (c.equals("utf8mb4") || c.equals("utf8") && kind != DatabaseKind.MYSQL) {
      return LATIN + LATIN_1 + BMP + ASTRAL;
    }
    if (c.startsWith("utf8")
        || c.startsWith("ucs2")
        || c.startsWith("utf16")
        || c.startsWith("utf32")) {
      return LATIN + LATIN_1 + BMP;
    }
    if (c.equals("latin1")) {
      return LATIN + LATIN_1;
    }
    return LATIN;
  }
}
