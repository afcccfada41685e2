package dev.migrate.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnTypeTest {

  @Test
  void secondsPrecisionSixIsTheDefault() {
    assertThat(ColumnType.timestamp(6)).isEqualTo(ColumnType.TIMESTAMP);
    assertThat(ColumnType.timestampTz(6)).isEqualTo(ColumnType.TIMESTAMP_TZ);
    assertThat(ColumnType.time(6)).isEqualTo(ColumnType.TIME);
    assertThat(ColumnType.TIMESTAMP.secondsPrecision()).isEqualTo(6);
  }

  @Test
  void otherSecondsPrecisionsAreOtherTypes() {
    assertThat(ColumnType.timestamp(3)).isNotEqualTo(ColumnType.TIMESTAMP);
    assertThat(ColumnType.timestamp(0)).isNotEqualTo(ColumnType.timestamp(3));
    assertThat(ColumnType.time(0).secondsPrecision()).isZero();
  }

  @Test
  void secondsPrecisionOutsideZeroToSixIsRejected() {
    assertThatThrownBy(() -> ColumnType.timestamp(9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "TIMESTAMP precision (digits after the seconds' point) must be between 0 and 6, was 9");
    assertThatThrownBy(() -> ColumnType.time(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
