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
 * Models for the CLI autogenerate tests: {@code --models
 * dsl:dev.migrate.engine.cli.models.TaskModels}.
 */
public final class TaskModels implements ModelsProvider {
  @Override
  public Schema models(DatabaseKind database) {
    return Models.builder()
        .table(
            "person",
            column("id", ColumnType.INTEGER).primaryKey().autoincrement(),
            column("email", ColumnType.varchar(200)).notNull(),
            unique("uq_person_email", "email"))
        .table(
            "task",
            column("id", ColumnType.INTEGER).primaryKey().autoincrement(),
            column("title", ColumnType.varchar(200)).notNull(),
            column("person_id", ColumnType.INTEGER),
            foreignKey("fk_task_person", "person_id", "person", "id"))
        .index("ix_task_title", "task", "title")
        .build();
  }
}
