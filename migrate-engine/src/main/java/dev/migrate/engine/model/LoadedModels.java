package dev.migrate.engine.model;

import dev.migrate.engine.schema.Schema;
import java.util.List;

/**
 * Models as read from their source, with what the reader skipped.
 *
 * @param warnings one line per mapping that was left out of the schema (naming the class and
 *     field), empty when everything was modelled
 * @param reader which reader made them, in words for a notice line ("Hibernate ORM 7.4.16.Final's
 *     own metadata, PostgreSQLDialect for PostgreSQL 15.4"); null for a SQL file or Java models
 */
public record LoadedModels(Schema schema, List<String> warnings, String reader) {
  public LoadedModels {
    warnings = List.copyOf(warnings);
  }

  public LoadedModels(Schema schema, List<String> warnings) {
    this(schema, warnings, null);
  }
}
