package dev.migrate.engine.verify;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.diff.StoredChecks;
import dev.migrate.engine.model.LoadedModels;
import dev.migrate.engine.model.ModelSource;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The models verification compares the heads with, from a {@code models} value. */
public final class ModelsAtHead {
  private static final Logger LOG = LoggerFactory.getLogger(ModelsAtHead.class);

  private ModelsAtHead() {}

  /**
   * The models {@code spec} names ({@code schema.sql}, {@code jpa:<package>}, {@code dsl:<class>};
   * see {@link ModelSource}), for each backend with their checks as it stores them. A SQL file, and
   * the checks of Java models, are applied to a throwaway database on the server of {@code
   * adminUrl} (null for SQLite).
   *
   * @param fileName where {@code spec} was set, for messages
   * @param loader where the model classes are
   */
  public static Verifier.ExpectedModels of(
      String spec, String fileName, ClassLoader loader, Function<DatabaseKind, String> adminUrl) {
    ModelSource.Spec parsed = ModelSource.parse(spec, fileName);
    return (kind, sandbox) -> {
      String server = kind == DatabaseKind.SQLITE ? null : adminUrl.apply(kind);
      LoadedModels models =
          ModelSource.read(
              parsed, kind, loader, server, null, null, c -> new SchemaReader().read(c));
      models.warnings().forEach(LOG::warn);
      if (models.reader() != null) {
        LOG.info("Models for {}: read by {}", kind.id(), models.reader());
      }
      Schema loaded = models.schema();
      // read back from a database (a SQL file, Hibernate's DDL): checks are in its words already
      return loaded.catalog()
          ? new StoredChecks(loaded, loaded)
          : StoredChecks.of(loaded, kind, server, null, null);
    };
  }
}
