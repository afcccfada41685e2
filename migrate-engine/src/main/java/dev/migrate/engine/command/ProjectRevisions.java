package dev.migrate.engine.command;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.config.MigrateConfig;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.FlywayRevisions;
import dev.migrate.engine.revision.source.RevisionLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The revision graph of the configured revisions: a revisions directory and Java package, or a
 * Flyway directory ({@code revisions=flyway:<dir>}).
 */
public final class ProjectRevisions {
  private ProjectRevisions() {}

  /**
   * Reads the SQL revisions of {@code config.revisions()} and the {@code @Revision} classes of its
   * Java package, found with {@code loader}; or the versions of a Flyway directory.
   *
   * @param packageMayBeMissing a Java package that has no classes yet counts as empty (for writing
   *     the first Java revision) instead of being an error
   * @param notices told what a Flyway directory holds but migrate does not run (repeatable files,
   *     callbacks, placeholders)
   */
  public static RevisionGraph graph(
      MigrateConfig config,
      ClassLoader loader,
      boolean packageMayBeMissing,
      Consumer<String> notices) {
    if (config.flyway().isPresent()) {
      return flywayGraph(config, notices);
    }
    Path dir = config.revisions();
    if (!Files.isDirectory(dir) && config.javaPackage() == null) {
      throw MigrateException.badInput(
          "Revisions directory "
              + dir
              + " does not exist; create it with 'migrate init' or set "
              + ConfigKey.REVISIONS.howToSet(config.fileName()));
    }
    Path sqlDir = Files.isDirectory(dir) ? dir : null;
    String javaPackage = config.javaPackage();
    if (packageMayBeMissing
        && javaPackage != null
        && loader.getResource(javaPackage.replace('.', '/')) == null) {
      javaPackage = null;
    }
    return RevisionGraph.of(RevisionLoader.load(sqlDir, javaPackage, loader));
  }

  private static RevisionGraph flywayGraph(MigrateConfig config, Consumer<String> notices) {
    if (config.javaPackage() != null) {
      throw MigrateException.badInput(
          "revisions=flyway:"
              + config.revisions()
              + " cannot be combined with a Java package ("
              + ConfigKey.JAVA_PACKAGE.howToSet(config.fileName())
              + "): a Flyway directory's versions form the whole chain; unset the Java package");
    }
    FlywayRevisions.Loaded loaded =
        FlywayRevisions.load(config.revisions(), config.flyway().orElseThrow());
    loaded.notices().forEach(notices);
    return RevisionGraph.of(loaded.scripts());
  }
}
