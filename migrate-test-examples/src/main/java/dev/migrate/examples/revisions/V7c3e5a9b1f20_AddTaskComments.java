package dev.migrate.examples.revisions;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.ops.Columns.foreignKey;
import static dev.migrate.engine.schema.ColumnType.BIGINT;
import static dev.migrate.engine.schema.ColumnType.INTEGER;
import static dev.migrate.engine.schema.ColumnType.TEXT;
import static dev.migrate.engine.schema.ColumnType.TIMESTAMP;
import static dev.migrate.engine.schema.ColumnType.varchar;

import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.Revision;
import java.util.List;

/**
 * A Java revision on top of the SQL ones: portable operations that migrate renders for PostgreSQL,
 * MySQL and SQLite alike.
 */
@Revision(id = "7c3e5a9b1f20", revises = "9a0b3d5e7c61", message = "Add task comments")
public final class V7c3e5a9b1f20_AddTaskComments implements Migration {
  @Override
  public void upgrade(Ops op) {
    op.createTable(
        "task_comment",
        column("id", BIGINT).primaryKey().autoincrement(),
        column("task_id", INTEGER).notNull(),
        column("body", TEXT).notNull(),
        column("created_at", TIMESTAMP).notNull().defaultValue("CURRENT_TIMESTAMP"),
        foreignKey(
            "fk_comment_task",
            List.of("task_id"),
            "task",
            List.of("id"),
            ReferentialAction.CASCADE,
            null));
    op.createIndex("ix_comment_task", "task_comment", "task_id");
    op.alterColumn("task", "title").type(varchar(300));
  }

  @Override
  public void downgrade(Ops op) {
    op.alterColumn("task", "title").type(varchar(200));
    op.dropTable("task_comment");
  }
}
