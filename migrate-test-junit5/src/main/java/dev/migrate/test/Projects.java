package dev.migrate.test;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.diff.StoredChecks;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.FlywayRevisions;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.verify.ModelsAtHead;
import dev.migrate.engine.verify.Verifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Revisions and models read once per JVM and shared by every test class with the same settings: the
 * revision graph per (revisions, java package, class loader), the models per (models, class loader)
 * and backend.
 */
final class Projects {
  /** How many times revisions and models were read, for tests. */
  static final AtomicInteger REVISION_LOADS = new AtomicInteger();

  static final AtomicInteger MODEL_LOADS = new AtomicInteger();

  private record RevisionsKey(
      Path revisions,
      Optional<FlywayRevisions.MissingUndo> flyway,
      String javaPackage,
      ClassLoader loader) {}

  private record ModelsKey(String models, ClassLoader loader) {}

  /**
   * A graph and what its source holds but does not verify (Flyway's repeatable migrations), or why
   * the revisions could not be read into one.
   */
  private record Loaded(RevisionGraph graph, List<String> notices, MigrateException invalid) {}

  private static final Map<RevisionsKey, Loaded> GRAPHS = new ConcurrentHashMap<>();
  private static final Map<ModelsKey, Verifier.ExpectedModels> MODELS = new ConcurrentHashMap<>();

  private Projects() {}

  /**
   * The revision graph of {@code settings}.
   *
   * @throws MigrateException when the revisions are invalid (the same failure each time)
   */
  static RevisionGraph graph(ProjectSettings settings, ClassLoader loader) {
    Loaded loaded = load(settings, loader);
    if (loaded.invalid() != null) {
      throw loaded.invalid();
    }
    return loaded.graph();
  }

  /** What the revisions' source holds but verification does not run, one sentence each. */
  static List<String> notices(ProjectSettings settings, ClassLoader loader) {
    return load(settings, loader).notices();
  }

  private static Loaded load(ProjectSettings settings, ClassLoader loader) {
    return GRAPHS.computeIfAbsent(
        new RevisionsKey(
            settings.revisions() == null ? null : settings.revisions().toAbsolutePath().normalize(),
            settings.flyway(),
            settings.javaPackage(),
            loader),
        key -> {
          REVISION_LOADS.incrementAndGet();
          try {
            if (key.flyway().isPresent()) {
              FlywayRevisions.Loaded flyway =
                  FlywayRevisions.load(key.revisions(), key.flyway().get());
              return new Loaded(RevisionGraph.of(flyway.scripts()), flyway.notices(), null);
            }
            return new Loaded(
                RevisionGraph.of(
                    RevisionLoader.load(key.revisions(), key.javaPackage(), key.loader())),
                List.of(),
                null);
          } catch (MigrateException e) {
            return new Loaded(null, List.of(), e);
          }
        });
  }

  /** The models of {@code settings}, each backend's read on first use; null when none is set. */
  static Verifier.ExpectedModels models(ProjectSettings settings, ClassLoader loader) {
    if (settings.models() == null) {
      return null;
    }
    return MODELS.computeIfAbsent(
        new ModelsKey(settings.models(), loader),
        key ->
            new OncePerBackend(
                ModelsAtHead.of(
                    key.models(), "@MigrationTest(models)", key.loader(), Servers::adminUrl)));
  }

  private record OncePerBackend(
      Verifier.ExpectedModels source, Map<DatabaseKind, StoredChecks> loaded)
      implements Verifier.ExpectedModels {
    OncePerBackend(Verifier.ExpectedModels source) {
      this(source, new ConcurrentHashMap<>());
    }

    @Override
    public StoredChecks load(DatabaseKind kind, Sandbox sandbox) {
      return loaded.computeIfAbsent(
          kind,
          k -> {
            MODEL_LOADS.incrementAndGet();
            return source.load(k, sandbox);
          });
    }
  }
}
