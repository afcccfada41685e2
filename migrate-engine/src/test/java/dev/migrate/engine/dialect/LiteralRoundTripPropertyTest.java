package dev.migrate.engine.dialect;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.schema.ColumnType.BIGINT;
import static dev.migrate.engine.schema.ColumnType.INTEGER;
import static dev.migrate.engine.schema.ColumnType.TEXT;
import static dev.migrate.engine.schema.ColumnType.decimal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random strings full of quotes, backslashes, comment markers and non-ASCII text, and random
 * numbers, written by bulkInsert as literals and read back unchanged on every backend.
 */
class LiteralRoundTripPropertyTest {
  private static final String ALPHABET = "ab'\"\\`%_-/*;\n\t ?$éü€😀";
  private static final int ROWS = 200;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void valuesSurviveAsLiterals(DatabaseKind kind) throws Exception {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        text.appendCodePoint(
            ALPHABET.codePoints().toArray()[random.nextInt((int) ALPHABET.codePoints().count())]);
      }
      long number = random.nextLong() >> random.nextInt(64);
      BigDecimal amount = BigDecimal.valueOf(random.nextInt(2_000_000_000) - 1_000_000_000L, 3);
      rows.add(List.of(i, text.toString(), number, amount));
    }
    try (TestDatabase db = TestDatabases.create(kind);
        Connection connection = db.connect()) {
      Schema s = new Schema(connection, Dialect.of(kind));
      s.apply(
          new Ops()
              .createTable(
                  "sample",
                  column("id", INTEGER).primaryKey(),
                  column("label", TEXT),
                  column("number", BIGINT),
                  column("amount", decimal(15, 3))));
      s.apply(new Ops().bulkInsert("sample", List.of("id", "label", "number", "amount"), rows));
      List<List<Object>> read = s.rows("SELECT id, label, number, amount FROM sample ORDER BY id");
      assertThat(read).as("seed %d", seed).hasSize(ROWS);
      for (int i = 0; i < ROWS; i++) {
        List<Object> expected = rows.get(i);
        List<Object> actual = read.get(i);
        assertThat(actual.get(1)).as("seed %d, row %d label", seed, i).isEqualTo(expected.get(1));
        assertThat(((Number) actual.get(2)).longValue())
            .as("seed %d, row %d number", seed, i)
            .isEqualTo(expected.get(2));
        assertThat(new BigDecimal(actual.get(3).toString()))
            .as("seed %d, row %d amount", seed, i)
            .isEqualByComparingTo((BigDecimal) expected.get(3));
      }
    }
  }
}
