package dev.migrate.engine.ops;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.ops.Columns.foreignKey;
import static dev.migrate.engine.ops.Columns.unique;
import static dev.migrate.engine.schema.ColumnType.BOOLEAN;
import static dev.migrate.engine.schema.ColumnType.INTEGER;
import static dev.migrate.engine.schema.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.schema.ColumnType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpsTest {

  @Test
  void recordsOperationsInOrder() {
    Ops op = new Ops();
    op.createTable(
            "task",
            column("id", INTEGER).primaryKey(),
            column("title", varchar(200)).notNull(),
            column("owner_id", INTEGER),
            unique("uq_task_title", "title"),
            foreignKey("fk_task_owner", "owner_id", "person", "id"))
        .addColumn("task", column("done", BOOLEAN).notNull().defaultValue("false"))
        .createIndex("ix_task_title", "task", "title")
        .execute("UPDATE task SET done = false");
    assertThat(op.operations())
        .extracting(o -> o.getClass().getSimpleName())
        .containsExactly("CreateTable", "AddColumn", "CreateIndex", "Execute");
    Operation.CreateTable table = (Operation.CreateTable) op.operations().get(0);
    assertThat(table.columns())
        .extracting(ColumnDef::name)
        .containsExactly("id", "title", "owner_id");
    assertThat(table.columns().get(0).isPrimaryKey()).isTrue();
    assertThat(table.columns().get(0).isNullable()).isFalse();
    assertThat(table.constraints())
        .containsExactly(
            new Constraint.Unique("uq_task_title", List.of("title")),
            new Constraint.ForeignKey(
                "fk_task_owner", List.of("owner_id"), "person", List.of("id"), null, null));
    assertThat(op.operations().get(1))
        .isEqualTo(
            new Operation.AddColumn(
                "task", new ColumnDef("done", BOOLEAN, false, "false", false, false, false)));
  }

  @Test
  void alterColumnRefinesOneRecordedOperation() {
    Ops op = new Ops();
    op.alterColumn("task", "title").type(varchar(300)).notNull().defaultValue("'x'").rename("name");
    op.dropTable("old");
    assertThat(op.operations())
        .containsExactly(
            new Operation.AlterColumn(
                "task", "title", varchar(300), false, "'x'", false, "name", null, null, null, null),
            new Operation.DropTable("old"));
    Ops drop = new Ops();
    drop.alterColumn("task", "title")
        .defaultValue("'x'")
        .dropDefault()
        .existing(varchar(200), true, "'x'");
    assertThat(drop.operations().get(0))
        .isEqualTo(
            new Operation.AlterColumn(
                "task", "title", null, null, null, true, null, varchar(200), true, "'x'", null));
  }

  @Test
  void operationsAreImmutableSnapshots() {
    Ops op = new Ops().dropTable("a");
    List<Operation> before = op.operations();
    op.dropTable("b");
    assertThat(before).hasSize(1);
    assertThatThrownBy(() -> before.add(new Operation.DropTable("c")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void bulkInsertAcceptsNullsAndCopiesRows() {
    List<Object> row = Arrays.asList(1, null);
    Ops op = new Ops().bulkInsert("t", List.of("a", "b"), List.of(row));
    row.set(0, 99);
    Operation.BulkInsert insert = (Operation.BulkInsert) op.operations().get(0);
    assertThat(insert.rows()).containsExactly(Arrays.asList(1, null));
  }

  @Test
  void irreversibleKeepsTheReason() {
    Ops op = new Ops();
    assertThat(op.irreversibleReason()).isEmpty();
    op.irreversible("drops the archive table's data");
    assertThat(op.irreversibleReason()).contains("drops the archive table's data");
  }

  @Test
  void columnTypesValidateTheirArguments() {
    assertThat(ColumnType.decimal(10, 2)).isEqualTo(ColumnType.decimal(10, 2));
    assertThatThrownBy(() -> varchar(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("VARCHAR length must be positive, was 0");
    assertThatThrownBy(() -> ColumnType.decimal(4, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DECIMAL scale must be between 0 and the precision 4, was 5");
    assertThatThrownBy(() -> ColumnType.custom(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a custom column type needs its SQL spelling");
  }

  @Test
  void foreignKeyColumnCountsMustMatch() {
    assertThatThrownBy(() -> foreignKey("fk", List.of("a", "b"), "p", List.of("id")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("foreign key fk has 2 columns but references 1");
  }

  @Test
  void indexNeedsColumns() {
    assertThatThrownBy(() -> new Ops().createIndex("ix", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an index needs at least one column");
  }
}
