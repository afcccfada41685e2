package dev.migrate.engine.ops;

/** A part of a CREATE TABLE: a column or a table constraint. */
public sealed interface TableElement permits ColumnDef, Constraint {}
