package dev.migrate.engine.model;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.Schema;

/**
 * Models written in Java, named by {@code models=dsl:<fully.qualified.Class>}: a public class with
 * a public no-argument constructor, typically returning a {@link Models#builder()} schema.
 *
 * <pre>{@code
 * public class AppModels implements ModelsProvider {
 *   public Schema models(DatabaseKind database) {
 *     return Models.builder()
 *         .table("task", column("id", BIGINT).primaryKey().autoincrement(),
 *             column("title", varchar(200)).notNull())
 *         .build();
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ModelsProvider {
  /**
   * @param database the backend the models are compared with, for models that differ per database
   */
  Schema models(DatabaseKind database);
}
