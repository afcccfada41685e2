package dev.migrate.examples.revisions;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.schema.ColumnType.BIGINT;
import static dev.migrate.engine.schema.ColumnType.varchar;

import dev.migrate.engine.ops.ConstraintKind;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.Revision;

/**
 * Boards, and a board for each task (none for the tasks already there). SQLite cannot add a foreign
 * key to a table, nor drop a column a key uses, in place: both rebuild {@code task} there.
 */
@Revision(id = "6c0d9e2b8a35", revises = "a83f5e1c7b06", message = "Create boards")
public final class V6c0d9e2b8a35_CreateBoards implements Migration {
  @Override
  public void upgrade(Ops op) {
    op.createTable(
        "board",
        column("id", BIGINT).primaryKey().autoincrement(),
        column("name", varchar(100)).notNull());
    op.addColumn("task", column("board_id", BIGINT));
    op.createIndex("ix_task_board", "task", "board_id");
    op.createForeignKey("fk_task_board", "task", "board_id", "board", "id");
  }

  @Override
  public void downgrade(Ops op) {
    op.dropConstraint("fk_task_board", "task", ConstraintKind.FOREIGN_KEY);
    op.dropIndex("ix_task_board", "task");
    op.dropColumn("task", "board_id");
    op.dropTable("board");
  }
}
