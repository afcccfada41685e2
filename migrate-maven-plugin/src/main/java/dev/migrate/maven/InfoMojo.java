package dev.migrate.maven;

import dev.migrate.engine.revision.MigrationStep;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.runtime.Migrator;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Where the database of {@code <url>} stands: its current revisions, the heads of the graph, and
 * the revisions {@code upgrade heads} would apply. Changes nothing.
 */
@Mojo(name = "info", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public final class InfoMojo extends MigrateMojo {
  @Override
  String goal() {
    return "info";
  }

  @Override
  void run(ClassLoader loader) {
    RevisionGraph graph = graph(loader);
    Migrator migrator = migrator(graph, false);
    List<String> rows = migrator.currentRows();
    List<String> current = graph.current(rows);
    getLog().info("Database: " + shown(config().url()));
    getLog().info("Current: " + (current.isEmpty() ? "base" : String.join(", ", current)));
    getLog().info("Heads: " + String.join(", ", graph.heads()));
    List<MigrationStep> pending = graph.upgrade(rows, "heads");
    getLog()
        .info("Pending: " + pending.size() + (pending.size() == 1 ? " revision" : " revisions"));
    for (MigrationStep step : pending) {
      getLog().info("  " + step.revision().id() + " " + step.revision().message());
    }
  }
}
