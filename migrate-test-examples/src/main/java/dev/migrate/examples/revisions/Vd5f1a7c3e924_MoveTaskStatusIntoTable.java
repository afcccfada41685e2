package dev.migrate.examples.revisions;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.ops.Columns.unique;
import static dev.migrate.engine.schema.ColumnType.INTEGER;
import static dev.migrate.engine.schema.ColumnType.varchar;

import dev.migrate.engine.ops.ConstraintKind;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.VerifySkip;

/**
 * A data migration: each task's status text becomes a row of {@code task_status} and the task
 * points at it. The three known statuses keep fixed ids; any other status found in the data gets
 * the next ids, in alphabetical order. The downgrade copies the text back.
 *
 * <p>On SQLite, making {@code status_id} NOT NULL and adding its foreign key rebuild the table
 * (move and copy); PostgreSQL and MySQL alter it in place.
 */
@Revision(id = "d5f1a7c3e924", revises = "4b8e2d6f0a13", message = "Move task status into a table")
@VerifySkip(
    check = "destructive_change",
    reason = "task.status moves into task_status, and the downgrade restores it")
public final class Vd5f1a7c3e924_MoveTaskStatusIntoTable implements Migration {
  @Override
  public void upgrade(Ops op) {
    op.createTable(
        "task_status",
        column("id", INTEGER).primaryKey(),
        column("code", varchar(20)).notNull(),
        unique("uq_task_status_code", "code"));
    op.execute(
        "INSERT INTO task_status (id, code) VALUES (1, 'open'), (2, 'in_progress'), (3, 'done')");
    op.execute(
        "INSERT INTO task_status (id, code)"
            + " SELECT 3 + ROW_NUMBER() OVER (ORDER BY status), status"
            + " FROM (SELECT DISTINCT status FROM task"
            + " WHERE status NOT IN ('open', 'in_progress', 'done')) found");
    op.addColumn("task", column("status_id", INTEGER));
    op.execute(
        "UPDATE task SET status_id = (SELECT s.id FROM task_status s WHERE s.code = task.status)");
    op.alterColumn("task", "status_id").notNull();
    op.dropIndex("ix_task_status_due", "task");
    op.dropColumn("task", "status");
    op.createIndex("ix_task_status_due", "task", "status_id", "due_date");
    op.createForeignKey("fk_task_status", "task", "status_id", "task_status", "id");
  }

  @Override
  public void downgrade(Ops op) {
    op.dropConstraint("fk_task_status", "task", ConstraintKind.FOREIGN_KEY);
    op.dropIndex("ix_task_status_due", "task");
    op.addColumn("task", column("status", varchar(20)).notNull().defaultValue("'open'"));
    op.execute(
        "UPDATE task SET status = (SELECT s.code FROM task_status s WHERE s.id = task.status_id)");
    op.dropColumn("task", "status_id");
    op.createIndex("ix_task_status_due", "task", "status", "due_date");
    op.dropTable("task_status");
  }
}
