package dev.migrate.engine.verify.javarevisions;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.schema.ColumnType.varchar;

import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.VerifySkip;

@Revision(
    id = "b10000000003",
    revises = "b10000000002",
    message = "Add nickname, forget it going down")
@VerifySkip(check = "downgrade_leaves_trace", reason = "the nickname column is kept on purpose")
@VerifySkip(check = "upgrade_not_repeatable", reason = "follows from the kept column")
public final class AddNickname implements Migration {
  @Override
  public void upgrade(Ops op) {
    op.addColumn("account", column("nickname", varchar(40)));
  }

  @Override
  public void downgrade(Ops op) {}
}
