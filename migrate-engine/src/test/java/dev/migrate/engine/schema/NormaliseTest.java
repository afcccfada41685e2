package dev.migrate.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.ops.ReferentialAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormaliseTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POSTGRESQL | integer                        | INTEGER",
        "POSTGRESQL | character varying(200)         | VARCHAR(200)",
        "POSTGRESQL | timestamp(3) without time zone | TIMESTAMP(3)",
        "POSTGRESQL | timestamp with time zone       | TIMESTAMP_TZ",
        "POSTGRESQL | numeric(10,2)                  | DECIMAL(10,2)",
        "POSTGRESQL | jsonb                          | JSON",
        "POSTGRESQL | bytea                          | BLOB",
        "POSTGRESQL | character varying              | CUSTOM(character varying)",
        "POSTGRESQL | interval                       | CUSTOM(interval)",
        "MYSQL      | int(11)                        | INTEGER",
        "MYSQL      | tinyint(1)                     | BOOLEAN",
        "MYSQL      | tinyint(4)                     | CUSTOM(tinyint(4))",
        "MYSQL      | int(10) unsigned               | CUSTOM(int(10) unsigned)",
        "MYSQL      | datetime(6)                    | TIMESTAMP",
        "MYSQL      | timestamp(6)                   | TIMESTAMP_TZ",
        "MYSQL      | decimal(12,4)                  | DECIMAL(12,4)",
        "MYSQL      | longblob                       | BLOB",
        "MYSQL      | mediumint(9)                   | CUSTOM(mediumint)",
        "MYSQL      | MEDIUMINT                      | CUSTOM(mediumint)",
        "MYSQL      | float                          | REAL",
        "MYSQL      | float(7,3)                     | CUSTOM(float(7,3))",
        "MYSQL      | FLOAT(7, 3)                    | CUSTOM(float(7,3))",
        "MYSQL      | float(20)                      | REAL",
        "MYSQL      | float(30)                      | DOUBLE",
        "MYSQL      | double                         | DOUBLE",
        "MYSQL      | real                           | DOUBLE",
        "MYSQL      | double(10,2)                   | CUSTOM(double(10,2))",
        "MYSQL      | blob                           | CUSTOM(blob)",
        "SQLITE     | BLOB                           | BLOB",
        "SQLITE     | NVARCHAR(30)                   | VARCHAR(30)",
        "SQLITE     | NUMERIC(10, 2)                 | DECIMAL(10,2)",
        "SQLITE     | TIMESTAMPTZ                    | TIMESTAMP_TZ",
        "SQLITE     | MONEY                          | CUSTOM(MONEY)",
        "SQLITE     | VARCHAR                        | TEXT",
      })
  void typeSpellings(DatabaseKind kind, String spelled, String expected) {
    assertThat(describe(Normalise.type(kind, spelled))).isEqualTo(expected);
  }

  private static String describe(ColumnType type) {
    return switch (type.kind()) {
      case VARCHAR, CHAR -> type.kind() + "(" + type.length() + ")";
      case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
      case TIME, TIMESTAMP, TIMESTAMP_TZ ->
          type.kind() + (type.precision() == null ? "" : "(" + type.precision() + ")");
      case CUSTOM -> "CUSTOM(" + type.sql() + ")";
      default -> type.kind().name();
    };
  }

  /** The digits after the seconds' point: null is 6, each database's own default applies. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POSTGRESQL | timestamp without time zone    | TIMESTAMP",
        "POSTGRESQL | timestamp(6) without time zone | TIMESTAMP",
        "POSTGRESQL | timestamp                      | TIMESTAMP",
        "POSTGRESQL | timestamp(0) without time zone | TIMESTAMP(0)",
        "POSTGRESQL | timestamp with time zone       | TIMESTAMP_TZ",
        "POSTGRESQL | timestamptz(6)                 | TIMESTAMP_TZ",
        "POSTGRESQL | timestamp(3) with time zone    | TIMESTAMP_TZ(3)",
        "POSTGRESQL | time without time zone         | TIME",
        "POSTGRESQL | time(3) without time zone      | TIME(3)",
        "POSTGRESQL | time(2) with time zone         | CUSTOM(time(2) with time zone)",
        "MYSQL      | datetime                       | TIMESTAMP(0)",
        "MYSQL      | datetime(0)                    | TIMESTAMP(0)",
        "MYSQL      | datetime(3)                    | TIMESTAMP(3)",
        "MYSQL      | timestamp                      | TIMESTAMP_TZ(0)",
        "MYSQL      | timestamp(3)                   | TIMESTAMP_TZ(3)",
        "MYSQL      | time                           | TIME(0)",
        "MYSQL      | time(6)                        | TIME",
        "SQLITE     | DATETIME                       | TIMESTAMP",
        "SQLITE     | TIMESTAMP(3)                   | TIMESTAMP(3)",
        "SQLITE     | TIMESTAMPTZ(0)                 | TIMESTAMP_TZ(0)",
        "SQLITE     | TIMESTAMP(9)                   | CUSTOM(TIMESTAMP(9))",
      })
  void secondsPrecision(DatabaseKind kind, String spelled, String expected) {
    assertThat(describe(Normalise.type(kind, spelled))).isEqualTo(expected);
  }

  @Test
  void sameTimestampSpelledTwoWaysIsOneType() {
    assertThat(Normalise.type(DatabaseKind.POSTGRESQL, "timestamp(6) without time zone"))
        .isEqualTo(Normalise.type(DatabaseKind.POSTGRESQL, "timestamp without time zone"))
        .isEqualTo(ColumnType.TIMESTAMP);
    assertThat(Normalise.type(DatabaseKind.MYSQL, "datetime"))
        .isEqualTo(Normalise.type(DatabaseKind.MYSQL, "datetime(0)"))
        .isEqualTo(ColumnType.timestamp(0));
  }

  @Test
  void anotherSecondsPrecisionIsAnotherType() {
    assertThat(Normalise.type(DatabaseKind.POSTGRESQL, "timestamp(3) without time zone"))
        .isNotEqualTo(Normalise.type(DatabaseKind.POSTGRESQL, "timestamp without time zone"));
    assertThat(Normalise.type(DatabaseKind.POSTGRESQL, "time(3) without time zone"))
        .isNotEqualTo(Normalise.type(DatabaseKind.POSTGRESQL, "time(0) without time zone"));
    assertThat(Normalise.type(DatabaseKind.MYSQL, "datetime(3)"))
        .isNotEqualTo(Normalise.type(DatabaseKind.MYSQL, "datetime"));
    assertThat(Normalise.type(DatabaseKind.MYSQL, "timestamp(6)"))
        .isNotEqualTo(Normalise.type(DatabaseKind.MYSQL, "timestamp"));
  }

  /** What a dialect writes for a time type reads back as that type, as asStored relies on. */
  @Test
  void eachDialectsTimeSpellingReadsBackAsTheSameType() {
    List<ColumnType> types = new ArrayList<>();
    for (int digits : new int[] {0, 3, 6}) {
      types.addAll(
          List.of(
              ColumnType.time(digits),
              ColumnType.timestamp(digits),
              ColumnType.timestampTz(digits)));
    }
    types.addAll(List.of(ColumnType.TIME, ColumnType.TIMESTAMP, ColumnType.TIMESTAMP_TZ));
    for (DatabaseKind kind : DatabaseKind.values()) {
      for (ColumnType type : types) {
        String spelled = Dialect.of(kind).typeSql(type);
        assertThat(Normalise.type(kind, spelled)).as("%s %s", kind, spelled).isEqualTo(type);
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "'open'::character varying        | VARCHAR | 'open'",
        "('open'::text)                   | VARCHAR | 'open'",
        "now()                            | VARCHAR | CURRENT_TIMESTAMP",
        "current_timestamp(6)             | VARCHAR | CURRENT_TIMESTAMP",
        "CURRENT_TIMESTAMP                | VARCHAR | CURRENT_TIMESTAMP",
        "CURRENT_TIMESTAMP(3)             | VARCHAR | CURRENT_TIMESTAMP",
        "now(3)                           | VARCHAR | CURRENT_TIMESTAMP",
        "localtimestamp()                 | VARCHAR | CURRENT_TIMESTAMP",
        "'it''s'::text                    | VARCHAR | 'it''s'",
        "NULL                             | VARCHAR | ",
        "NULL::character varying          | VARCHAR | ",
        "(-1)                             | INTEGER | -1",
        "'-1'::integer                    | INTEGER | -1",
        "1.50                             | DECIMAL | 1.5",
        "'2.50'                           | DECIMAL | 2.5",
        "0.00                             | DECIMAL | 0",
        "false                            | BOOLEAN | FALSE",
        "0                                | BOOLEAN | FALSE",
        "'1'                              | BOOLEAN | TRUE",
        "(upper(lower('A')))              | VARCHAR | upper(lower('A'))",
        "(1) + (2)                        | INTEGER | (1) + (2)",
      })
  void defaults(String raw, ColumnType.Kind kind, String expected) {
    ColumnType type =
        switch (kind) {
          case VARCHAR -> ColumnType.varchar(10);
          case DECIMAL -> ColumnType.decimal(10, 2);
          default -> new ColumnType(kind, null, null, null, null);
        };
    assertThat(Normalise.defaultValue(raw, type)).isEqualTo(expected);
  }

  @Test
  void foreignKeyRulesWithTheDefaultAsNull() {
    assertThat(Normalise.action(DatabaseKind.POSTGRESQL, "a")).isNull();
    assertThat(Normalise.action(DatabaseKind.POSTGRESQL, "r"))
        .isEqualTo(ReferentialAction.RESTRICT);
    assertThat(Normalise.action(DatabaseKind.MYSQL, "RESTRICT")).as("InnoDB's default").isNull();
    assertThat(Normalise.action(DatabaseKind.MYSQL, "SET NULL"))
        .isEqualTo(ReferentialAction.SET_NULL);
    assertThat(Normalise.action(DatabaseKind.SQLITE, "NO ACTION")).isNull();
    assertThat(Normalise.action(DatabaseKind.SQLITE, "CASCADE"))
        .isEqualTo(ReferentialAction.CASCADE);
  }
}
