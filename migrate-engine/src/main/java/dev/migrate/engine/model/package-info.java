/**
 * Models: the schema the application expects, as a {@link dev.migrate.engine.schema.Schema} that
 * {@code migrate check} and autogenerate compare with the database.
 *
 * <ul>
 *   <li>{@link dev.migrate.engine.model.Models}: the Java DSL, tables declared with the elements
 *       {@code Ops.createTable} takes; {@link dev.migrate.engine.model.ModelsProvider} is the class
 *       named by {@code models=dsl:<class>}.
 *   <li>{@link dev.migrate.engine.model.JpaModels}: JPA entity classes read by reflection, without
 *       a JPA provider, with a {@link dev.migrate.engine.model.NamingStrategy}; what is skipped
 *       comes back in {@link dev.migrate.engine.model.LoadedModels#warnings()}, what is not
 *       supported is an error naming the class and field (see {@code JpaModels}).
 *   <li>{@link dev.migrate.engine.model.SqlModels}: a DDL file with optional per-database sections,
 *       applied to a throwaway database ({@link dev.migrate.engine.sandbox.Sandbox}) and read back.
 *   <li>{@link dev.migrate.engine.model.ModelSource}: loads what the {@code models} setting names.
 * </ul>
 */
package dev.migrate.engine.model;
