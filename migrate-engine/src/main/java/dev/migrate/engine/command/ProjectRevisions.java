package dev.migrate.engine.command;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.config.MigrateConfig;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** The revision graph of the configured revisions directory and Java package. */
public final class ProjectRevisions {
  private ProjectRevisions() {}

  /**
   * Reads the SQL revisions of {@code config.revisions()} and the {@code @Revision} classes of its
   * Java package, found with {@code loader}.
   *
   * @param packageMayBeMissing a Java package that has no classes yet counts as empty (for writing
   *     the first Java revision) instead of being an error
   */
  public static RevisionGraph graph(
      MigrateConfig config, ClassLoader loader, boolean packageMayBeMissing) {
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
}
