package dev.migrate.engine.model;

import dev.migrate.engine.schema.Schema;
import java.util.List;

/**
 * Models as read from their source, with what the reader skipped.
 *
 * @param warnings one line per mapping that was left out of the schema (naming the class and
 *     field), empty when everything was modelled
 */
public record LoadedModels(Schema schema, List<String> warnings) {
  public LoadedModels {
    warnings = List.copyOf(warnings);
  }
}
