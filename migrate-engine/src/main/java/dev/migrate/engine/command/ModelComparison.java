package dev.migrate.engine.command;

import dev.migrate.engine.config.MigrateConfig;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.diff.Difference;
import dev.migrate.engine.diff.SchemaDiff;
import dev.migrate.engine.diff.StoredChecks;
import dev.migrate.engine.model.ModelSource;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import java.util.List;

/** How a database's schema differs from the configured models, over the configured tables. */
public final class ModelComparison {
  private ModelComparison() {}

  /**
   * The differences between the models (an error when none are configured) and {@code actual}, the
   * schema of a {@code kind} database read now.
   *
   * @param loader where model classes are
   */
  public static List<Difference> differences(
      MigrateConfig config, DatabaseKind kind, Schema actual, ClassLoader loader) {
    Schema loaded = ModelSource.load(config, kind, loader);
    // a SQL models file was read back from a database: its checks are in that database's words
    StoredChecks checks =
        ModelSource.parse(config.models(), config.fileName()) instanceof ModelSource.Spec.SqlFile
            ? new StoredChecks(loaded, loaded)
            : StoredChecks.of(loaded, kind, config.url(), config.user(), config.password());
    SchemaDiff.Options tables =
        new SchemaDiff.Options(config.includeTables(), config.excludeTables());
    return checks.asWritten(
        SchemaDiff.compare(SchemaReader.asStored(kind, checks.stored()), actual, tables));
  }
}
