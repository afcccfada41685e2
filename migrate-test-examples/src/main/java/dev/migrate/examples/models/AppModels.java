package dev.migrate.examples.models;

import static dev.migrate.engine.ops.Columns.column;
import static dev.migrate.engine.ops.Columns.foreignKey;
import static dev.migrate.engine.ops.Columns.primaryKey;
import static dev.migrate.engine.ops.Columns.unique;
import static dev.migrate.engine.schema.ColumnType.BIGINT;
import static dev.migrate.engine.schema.ColumnType.DATE;
import static dev.migrate.engine.schema.ColumnType.INTEGER;
import static dev.migrate.engine.schema.ColumnType.TEXT;
import static dev.migrate.engine.schema.ColumnType.TIMESTAMP;
import static dev.migrate.engine.schema.ColumnType.timestampTz;
import static dev.migrate.engine.schema.ColumnType.varchar;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.model.Models;
import dev.migrate.engine.model.ModelsProvider;
import dev.migrate.engine.ops.ReferentialAction;
import dev.migrate.engine.schema.Schema;
import java.util.List;

/**
 * The schema the example application expects at head ({@code models=dsl:} this class): what {@code
 * migrate check} compares the database with, and what autogenerate works towards.
 */
public final class AppModels implements ModelsProvider {
  @Override
  public Schema models(DatabaseKind database) {
    // A SQL TIMESTAMP column is MySQL's time-zone-aware type, keeping no fraction of a second;
    // elsewhere it is a plain timestamp.
    var createdAt = database == DatabaseKind.MYSQL ? timestampTz(0) : TIMESTAMP;
    return Models.builder()
        .table(
            "account",
            column("id", BIGINT).primaryKey().autoincrement(),
            column("email", varchar(320)).notNull(),
            column("display_name", varchar(100)).notNull(),
            column("created_at", createdAt).notNull().defaultValue("CURRENT_TIMESTAMP"),
            unique("uq_account_email", "email"))
        .table(
            "task",
            column("id", INTEGER).primaryKey(),
            column("owner_id", BIGINT).notNull(),
            column("title", varchar(300)).notNull(),
            column("status", varchar(20)).notNull().defaultValue("'open'"),
            column("due_date", DATE),
            foreignKey(
                "fk_task_owner",
                List.of("owner_id"),
                "account",
                List.of("id"),
                ReferentialAction.CASCADE,
                null))
        .index("ix_task_owner", "task", "owner_id")
        .index("ix_task_status_due", "task", "status", "due_date")
        .table(
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
                null))
        .table(
            "audit_log",
            column("id", INTEGER).primaryKey(),
            column("account_id", BIGINT),
            column("action", varchar(50)).notNull(),
            column("detail", TEXT),
            foreignKey(
                "fk_audit_account",
                List.of("account_id"),
                "account",
                List.of("id"),
                ReferentialAction.SET_NULL,
                null))
        .table(
            "task_comment",
            column("id", BIGINT).primaryKey().autoincrement(),
            column("task_id", INTEGER).notNull(),
            column("body", TEXT).notNull(),
            column("created_at", TIMESTAMP).notNull().defaultValue("CURRENT_TIMESTAMP"),
            foreignKey(
                "fk_comment_task",
                List.of("task_id"),
                "task",
                List.of("id"),
                ReferentialAction.CASCADE,
                null))
        .index("ix_comment_task", "task_comment", "task_id")
        .build();
  }
}
