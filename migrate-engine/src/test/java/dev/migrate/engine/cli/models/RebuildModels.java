package dev.migrate.engine.cli.models;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.ops.Columns.foreignKey;
import static dev.migrate.engine.ops.Columns.unique;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.model.Models;
import dev.migrate.engine.model.ModelsProvider;
import dev.migrate.engine.schema.ColumnType;
import dev.migrate.engine.schema.Schema;

/**
 * Models that differ from {@code CliAutogenerateTest}'s first revision in ways SQLite cannot ALTER
 * (a column's type and nullability, a unique constraint, a foreign key): {@code --models
 * dsl:dev.migrate.engine.cli.models.RebuildModels}.
 */
public final class RebuildModels implements ModelsProvider {
  @Override
  public Schema models(DatabaseKind database) {
    return Models.builder()
        .table(
            "person",
            column("id", ColumnType.INTEGER).primaryKey(),
            column("email", ColumnType.varchar(200)).notNull(),
            unique("uq_person_email", "email"))
        .table(
            "task",
            column("id", ColumnType.INTEGER).primaryKey(),
            column("title", ColumnType.varchar(200)).notNull(),
            column("person_id", ColumnType.INTEGER),
            column("priority", ColumnType.INTEGER).notNull().defaultValue("0"),
            foreignKey("fk_task_person", "person_id", "person", "id"))
        .index("ix_task_title", "task", "title")
        .build();
  }
}
