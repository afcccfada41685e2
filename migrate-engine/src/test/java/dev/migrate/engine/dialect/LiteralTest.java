package dev.migrate.engine.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.ops.Ops;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiteralTest {
  private static final Dialect PG = Dialect.of(DatabaseKind.POSTGRESQL);
  private static final Dialect MY = Dialect.of(DatabaseKind.MYSQL);
  private static final Dialect LITE = Dialect.of(DatabaseKind.SQLITE);

  @Test
  void nullNumbersAndBooleans() {
    for (Dialect d : List.of(PG, MY, LITE)) {
      assertThat(d.literal(null)).isEqualTo("NULL");
      assertThat(d.literal(42)).isEqualTo("42");
      assertThat(d.literal(-7L)).isEqualTo("-7");
      assertThat(d.literal(new BigDecimal("1.50"))).isEqualTo("1.50");
      assertThat(d.literal(new BigDecimal("1E+3"))).isEqualTo("1000");
      assertThat(d.literal(2.5d)).isEqualTo("2.5");
    }
    assertThat(PG.literal(true)).isEqualTo("TRUE");
    assertThat(MY.literal(false)).isEqualTo("FALSE");
    assertThat(LITE.literal(true)).isEqualTo("1");
    assertThat(LITE.literal(false)).isEqualTo("0");
  }

  @Test
  void stringsAreEscapedPerDialect() {
    String tricky = "it's a \\ test";
    assertThat(PG.literal(tricky)).isEqualTo("'it''s a \\ test'");
    assertThat(LITE.literal(tricky)).isEqualTo("'it''s a \\ test'");
    // a backslash means something else under NO_BACKSLASH_ESCAPES: hex reads the same in any mode
    assertThat(MY.literal(tricky)).isEqualTo("_utf8mb4 X'697427732061205c2074657374'");
    assertThat(MY.literal("it's plain")).isEqualTo("'it''s plain'");
    assertThat(MY.literal("nul\0")).isEqualTo("_utf8mb4 X'6e756c00'");
  }

  @Test
  void datesAndTimes() {
    LocalDate date = LocalDate.of(2024, 2, 29);
    LocalDateTime stamp = LocalDateTime.of(2024, 2, 29, 13, 5, 0, 123_000_000);
    OffsetDateTime offset = OffsetDateTime.of(2024, 2, 29, 13, 5, 7, 0, ZoneOffset.ofHours(2));
    for (Dialect d : List.of(PG, MY, LITE)) {
      assertThat(d.literal(date)).isEqualTo("'2024-02-29'");
      assertThat(d.literal(java.sql.Date.valueOf(date))).isEqualTo("'2024-02-29'");
      assertThat(d.literal(stamp)).isEqualTo("'2024-02-29 13:05:00.123'");
      assertThat(d.literal(LocalTime.of(9, 0))).isEqualTo("'09:00:00'");
    }
    assertThat(PG.literal(offset)).isEqualTo("'2024-02-29 13:05:07+02:00'");
    assertThat(LITE.literal(Instant.parse("2024-02-29T11:05:07Z")))
        .isEqualTo("'2024-02-29 11:05:07+00:00'");
    assertThat(MY.literal(offset)).isEqualTo("'2024-02-29 11:05:07'");
  }

  @Test
  void uuidsBytesAndNonFiniteNumbers() {
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertThat(PG.literal(id)).isEqualTo("'123e4567-e89b-12d3-a456-426614174000'");
    assertThat(PG.literal(new byte[] {(byte) 0xde, 0x01})).isEqualTo("decode('de01', 'hex')");
    assertThat(MY.literal(new byte[] {(byte) 0xde, 0x01})).isEqualTo("X'DE01'");
    assertThat(LITE.literal(new byte[] {(byte) 0xde, 0x01})).isEqualTo("X'DE01'");
    assertThat(PG.literal(Double.NaN)).isEqualTo("'NaN'");
    assertThatThrownBy(() -> MY.literal(Double.POSITIVE_INFINITY))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("mysql has no literal for the floating point value Infinity");
  }

  @Test
  void unsupportedValuesAreABadInputError() {
    assertThatThrownBy(() -> PG.literal(new Object()))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("cannot write a java.lang.Object as a SQL literal on postgresql");
  }

  @Test
  void bulkInsertRendersOneInsertPerRow() throws SQLException {
    Ops ops =
        new Ops()
            .bulkInsert(
                "task",
                List.of("id", "title", "done"),
                List.of(List.of(1, "a'b", true), Arrays.asList(2, null, false)));
    assertThat(LITE.render(ops.operations().get(0), null))
        .containsExactly(
            "INSERT INTO task (id, title, done) VALUES (1, 'a''b', 1)",
            "INSERT INTO task (id, title, done) VALUES (2, NULL, 0)");
    assertThat(PG.render(ops.operations().get(0), null))
        .containsExactly(
            "INSERT INTO task (id, title, done) VALUES (1, 'a''b', TRUE)",
            "INSERT INTO task (id, title, done) VALUES (2, NULL, FALSE)");
  }

  @Test
  void bulkInsertRowOfTheWrongWidthIsRejected() {
    assertThatThrownBy(
            () -> new Ops().bulkInsert("task", List.of("id", "title"), List.of(List.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bulkInsert(task): row 1 has 1 values for 2 columns [id, title]");
  }
}
