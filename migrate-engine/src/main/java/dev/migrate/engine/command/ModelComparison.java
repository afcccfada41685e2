package dev.migrate.engine.command;

import dev.migrate.engine.config.MigrateConfig;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.diff.Difference;
import dev.migrate.engine.diff.SchemaDiff;
import dev.migrate.engine.diff.StoredChecks;
import dev.migrate.engine.model.LoadedModels;
import dev.migrate.engine.model.ModelSource;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import java.util.List;
import java.util.function.Consumer;

/** How a database's schema differs from the configured models, over the configured tables. */
public final class ModelComparison {
  private ModelComparison() {}

  /**
   * The differences between the models (an error when none are configured) and {@code actual}, the
   * schema of a {@code kind} database read now.
   *
   * @param loader where model classes are
   * @param notices told which reader made the models ({@code Models: read by ...}), and what it
   *     left out ({@code Warning: ...})
   */
  public static List<Difference> differences(
      MigrateConfig config,
      DatabaseKind kind,
      Schema actual,
      ClassLoader loader,
      Consumer<String> notices) {
    LoadedModels models = ModelSource.read(config, kind, loader);
    models.warnings().forEach(warning -> notices.accept("Warning: " + warning));
    if (models.reader() != null) {
      notices.accept("Models: read by " + models.reader());
    }
    Schema loaded = models.schema();
    // read back from a database (a SQL file, Hibernate's DDL): checks are in its words already
    StoredChecks checks =
        loaded.catalog()
            ? new StoredChecks(loaded, loaded)
            : StoredChecks.of(loaded, kind, config.url(), config.user(), config.password());
    SchemaDiff.Options tables =
        new SchemaDiff.Options(config.includeTables(), config.excludeTables());
    return checks.asWritten(
        SchemaDiff.compare(SchemaReader.asStored(kind, checks.stored()), actual, tables));
  }
}
