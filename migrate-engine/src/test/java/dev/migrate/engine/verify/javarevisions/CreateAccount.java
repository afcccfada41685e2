package dev.migrate.engine.verify.javarevisions;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.schema.ColumnType.INTEGER;
import static dev.migrate.engine.schema.ColumnType.varchar;

import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.Revision;

@Revision(id = "b10000000001", message = "Create account")
public final class CreateAccount implements Migration {
  @Override
  public void upgrade(Ops op) {
    op.createTable(
        "account",
        column("id", INTEGER).primaryKey(),
        column("email", varchar(200)).notNull(),
        column("legacy_code", varchar(20)));
  }

  @Override
  public void downgrade(Ops op) {
    op.dropTable("account");
  }
}
