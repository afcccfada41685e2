package com.example.shop.revisions;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.schema.ColumnType.BIGINT;
import static dev.migrate.engine.schema.ColumnType.varchar;

import dev.migrate.engine.ops.Ops;
import dev.migrate.engine.revision.Migration;
import dev.migrate.engine.revision.Revision;

@Revision(id = "3d9a6c1f7e42", message = "Create products")
public final class V3d9a6c1f7e42_CreateProduct implements Migration {
  @Override
  public void upgrade(Ops op) {
    op.createTable(
        "product",
        column("id", BIGINT).primaryKey().autoincrement(),
        column("name", varchar(100)).notNull());
  }

  @Override
  public void downgrade(Ops op) {
    op.dropTable("product");
  }
}
