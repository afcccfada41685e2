package dev.migrate.examples.revisions;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.ops.Columns.foreignKey;
import static dev.migrate.engine.ops.Columns.primaryKey;
import static dev.migrate.engine.ops.Columns.unique;
import static dev.migrate.engine.schema.ColumnType.BIGINT;
import static dev.migrate.engine.schema.ColumnType.INTEGER;
import static dev.migrate.engine.schema.ColumnType.varchar;

import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.VerifySkip;
import java.util.List;

/**
 * Tags, keyed by task and tag, become labels with an id of their own (an entity needs one id): the
 * rows move into the new table and back on the way down.
 */
@Revision(id = "4b8e2d6f0a13", revises = "7c3e5a9b1f20", message = "Tags become labels")
@VerifySkip(
    check = "destructive_change",
    reason = "task_tag's rows move into task_label, and the downgrade moves them back")
public final class V4b8e2d6f0a13_TagsBecomeLabels implements Migration {
  @Override
  public void upgrade(Ops op) {
    op.createTable(
        "task_label",
        column("id", BIGINT).primaryKey().autoincrement(),
        column("task_id", INTEGER).notNull(),
        column("name", varchar(40)).notNull(),
        unique("uq_task_label", "task_id", "name"),
        foreignKey("fk_label_task", List.of("task_id"), "task", List.of("id"), null, null));
    op.execute("INSERT INTO task_label (task_id, name) SELECT task_id, tag FROM task_tag");
    op.dropTable("task_tag");
  }

  @Override
  public void downgrade(Ops op) {
    op.createTable(
        "task_tag",
        column("task_id", INTEGER).notNull(),
        column("tag", varchar(40)).notNull(),
        primaryKey("task_id", "tag"),
        foreignKey(
            "fk_task_tag_task",
            List.of("task_id"),
            "task",
            List.of("id"),
            ReferentialAction.CASCADE,
            null));
    op.execute("INSERT INTO task_tag (task_id, tag) SELECT task_id, name FROM task_label");
    op.dropTable("task_label");
  }
}
