package dev.migrate.engine.model;

import static dev.migrate.engine.ops.Columns.check;
import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.ops.Columns.foreignKey;
import static dev.migrate.engine.ops.Columns.namedPrimaryKey;
import static dev.migrate.engine.ops.Columns.unique;
import static dev.migrate.engine.schema.ColumnType.BIGINT;
import static dev.migrate.engine.schema.ColumnType.BOOLEAN;
import static dev.migrate.engine.schema.ColumnType.INTEGER;
import static dev.migrate.engine.schema.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsTest {
  @Test
  void buildsTheExactSchema() {
    Schema schema =
        Models.builder()
            .table(
                "task",
                column("id", BIGINT).primaryKey().autoincrement(),
                column("title", varchar(200)).notNull(),
                column("done", BOOLEAN).notNull().defaultValue("false"),
                column("owner_id", BIGINT),
                column("code", varchar(20)).unique(),
                foreignKey(
                    "fk_task_owner",
                    List.of("owner_id"),
                    "person",
                    List.of("id"),
                    ReferentialAction.CASCADE,
                    null),
                unique("uq_task_title_owner", "title", "owner_id"),
                check("ck_task_title", "length(title) > 0"))
            .table(
                "person",
                column("id", BIGINT),
                column("email", varchar(200)).notNull(),
                namedPrimaryKey("pk_person", "id"))
            .index("ix_task_title", "task", "title")
            .uniqueIndex("ux_person_email", "person", "email")
            .build();

    assertThat(schema)
        .isEqualTo(
            new Schema(
                List.of(
                    new Schema.Table(
                        "person",
                        List.of(
                            new Schema.Column("id", BIGINT, false, null, false),
                            new Schema.Column("email", varchar(200), false, null, false)),
                        new Schema.PrimaryKey("pk_person", List.of("id")),
                        List.of(new Schema.Index("ux_person_email", List.of("email"), true)),
                        List.of(),
                        List.of(),
                        List.of()),
                    new Schema.Table(
                        "task",
                        List.of(
                            new Schema.Column("id", BIGINT, false, null, true),
                            new Schema.Column("title", varchar(200), false, null, false),
                            new Schema.Column("done", BOOLEAN, false, "false", false),
                            new Schema.Column("owner_id", BIGINT, true, null, false),
                            new Schema.Column("code", varchar(20), true, null, false)),
                        new Schema.PrimaryKey(null, List.of("id")),
                        List.of(new Schema.Index("ix_task_title", List.of("title"), false)),
                        List.of(
                            new Schema.UniqueConstraint(null, List.of("code")),
                            new Schema.UniqueConstraint(
                                "uq_task_title_owner", List.of("title", "owner_id"))),
                        List.of(
                            new Schema.ForeignKey(
                                "fk_task_owner",
                                List.of("owner_id"),
                                "person",
                                List.of("id"),
                                ReferentialAction.CASCADE,
                                null)),
                        List.of(
                            new Schema.CheckConstraint("ck_task_title", "length(title) > 0"))))));
  }

  @Test
  void tableWithoutPrimaryKeyHasNone() {
    Schema schema = Models.builder().table("log", column("line", INTEGER)).build();

    assertThat(schema.table("log").orElseThrow().primaryKey()).isNull();
  }

  @Test
  void compositePrimaryKeyKeepsColumnOrder() {
    Schema schema =
        Models.builder()
            .table("pair", column("b", INTEGER).primaryKey(), column("a", INTEGER).primaryKey())
            .build();

    assertThat(schema.table("pair").orElseThrow().primaryKey().columns()).containsExactly("b", "a");
  }

  @Test
  void mistakesNameTheTableAndColumn() {
    assertThatThrownBy(
            () ->
                Models.builder().table("t", column("a", INTEGER)).table("T", column("a", INTEGER)))
        .hasMessage("table T is declared twice");
    assertThatThrownBy(
            () -> Models.builder().table("t", column("a", INTEGER), column("A", INTEGER)).build())
        .hasMessage("column t.A is declared twice");
    assertThatThrownBy(() -> Models.builder().index("ix", "t", "a"))
        .hasMessage("index ix is on table t, which is not declared before it");
    assertThatThrownBy(
            () -> Models.builder().table("t", column("a", INTEGER)).index("ix", "t", "b").build())
        .hasMessage("index ix of table t names column b, which it does not have");
    assertThatThrownBy(
            () -> Models.builder().table("t", column("a", INTEGER), unique(null, "b")).build())
        .hasMessage("a unique of table t names column b, which it does not have");
    assertThatThrownBy(
            () ->
                Models.builder()
                    .table("t", column("a", INTEGER).primaryKey(), namedPrimaryKey("pk", "a"))
                    .build())
        .hasMessage(
            "table t has a primary key constraint and primaryKey() columns [a]; use one of them");
    assertThatThrownBy(() -> Models.builder().table("t").build())
        .hasMessage("table t needs at least one column");
  }
}
