package dev.migrate.engine.cli.models;

import static dev.migrate.engine.ops.Columns.check;
import static dev.migrate.engine.ops.Columns.column;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.model.Models;
import dev.migrate.engine.model.ModelsProvider;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;

/**
 * Models with check constraints each database rewrites its own way: {@code --models
 * dsl:dev.migrate.engine.cli.models.CheckModels}.
 */
public final class CheckModels implements ModelsProvider {
  @Override
  public Schema models(DatabaseKind database) {
    return Models.builder()
        .table(
            "ticket",
            column("id", ColumnType.INTEGER).primaryKey(),
            column("status", ColumnType.varchar(10)).notNull(),
            column("qty", ColumnType.INTEGER),
            check(null, "status IN ('open', 'done')"),
            check("ck_ticket_qty", "qty > 0"))
        .build();
  }
}
