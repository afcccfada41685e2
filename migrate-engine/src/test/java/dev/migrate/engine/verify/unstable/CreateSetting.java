package dev.migrate.engine.verify.unstable;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.schema.ColumnType.varchar;

import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.Revision;

@Revision(id = "c20000000001", message = "Create setting")
public final class CreateSetting implements Migration {
  @Override
  public void upgrade(Ops op) {
    op.createTable(
        "setting", column("name", varchar(40)).primaryKey(), column("value", varchar(40)));
  }

  @Override
  public void downgrade(Ops op) {
    op.dropTable("setting");
  }
}
