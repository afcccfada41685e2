package dev.migrate.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.dialect.DatabaseKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Models are compared with a live schema in the form the database would store them. */
class AsStoredTest {
  private static Schema.Column column(Schema schema) {
    return schema.tables().get(0).columns().get(0);
  }

  private static Schema one(ColumnType type, boolean autoincrement, String defaultValue) {
    return new Schema(
        List.of(
            new Schema.Table(
                "t",
                List.of(new Schema.Column("c", type, false, defaultValue, autoincrement)),
                new Schema.PrimaryKey(null, List.of("c")),
                List.of(),
                List.of(),
                List.of(),
                List.of())));
  }

  @Test
  void uuidTakesEachDatabasesOwnType() {
    Schema models = one(ColumnType.UUID, false, null);
    assertThat(column(SchemaReader.asStored(DatabaseKind.POSTGRESQL, models)).type())
        .isEqualTo(ColumnType.UUID);
    assertThat(column(SchemaReader.asStored(DatabaseKind.MYSQL, models)).type())
        .isEqualTo(ColumnType.fixedChar(36));
    assertThat(column(SchemaReader.asStored(DatabaseKind.SQLITE, models)).type())
        .isEqualTo(ColumnType.TEXT);
  }

  @Test
  void sqliteAutoincrementKeyIsTheIntegerRowidAlias() {
    Schema models = one(ColumnType.BIGINT, true, null);
    assertThat(column(SchemaReader.asStored(DatabaseKind.SQLITE, models)).type())
        .isEqualTo(ColumnType.INTEGER);
    assertThat(column(SchemaReader.asStored(DatabaseKind.POSTGRESQL, models)).type())
        .isEqualTo(ColumnType.BIGINT);
  }

  @Test
  void defaultsTakeTheReadersSpelling() {
    Schema models = one(ColumnType.TIMESTAMP, false, "now()");
    assertThat(column(SchemaReader.asStored(DatabaseKind.POSTGRESQL, models)).defaultValue())
        .isEqualTo("CURRENT_TIMESTAMP");
  }
}
