package dev.migrate.examples.revisions;

import dev.migrate.engine.ops.ConstraintKind;
import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.Revision;
import java.util.List;

/**
 * The schema as the JPA entities declare it: deletes cascade in the application, so the foreign
 * keys lose their ON DELETE actions, and the application sets a comment's time, so that column
 * loses its default. JPA has no words for either.
 *
 * <p>On SQLite every one of these operations rebuilds its table (move and copy).
 */
@Revision(
    id = "a83f5e1c7b06",
    revises = "2e9c6b0d4f87",
    message = "Align the schema with the JPA entities")
public final class Va83f5e1c7b06_AlignWithTheEntities implements Migration {
  /** A foreign key of a single column, with the action it had before this revision. */
  private record Key(
      String name, String table, String column, String target, ReferentialAction onDelete) {}

  private static final List<Key> KEYS =
      List.of(
          new Key("fk_task_owner", "task", "owner_id", "account", ReferentialAction.CASCADE),
          new Key(
              "fk_audit_account", "audit_log", "account_id", "account", ReferentialAction.SET_NULL),
          new Key("fk_comment_task", "task_comment", "task_id", "task", ReferentialAction.CASCADE));

  @Override
  public void upgrade(Ops op) {
    for (Key key : KEYS) {
      replace(op, key, null);
    }
    op.alterColumn("task_comment", "created_at").dropDefault();
  }

  @Override
  public void downgrade(Ops op) {
    op.alterColumn("task_comment", "created_at").defaultValue("CURRENT_TIMESTAMP");
    for (Key key : KEYS) {
      replace(op, key, key.onDelete());
    }
  }

  private static void replace(Ops op, Key key, ReferentialAction onDelete) {
    op.dropConstraint(key.name(), key.table(), ConstraintKind.FOREIGN_KEY);
    op.createForeignKey(
        key.name(),
        key.table(),
        List.of(key.column()),
        key.target(),
        List.of("id"),
        onDelete,
        null);
  }
}
