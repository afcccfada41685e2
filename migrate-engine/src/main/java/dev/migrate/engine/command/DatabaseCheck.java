package dev.migrate.engine.command;

import dev.migrate.engine.config.MigrateConfig;
import dev.migrate.engine.diff.Difference;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.runtime.ChecksumMismatch;
import dev.migrate.engine.runtime.Migrator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What {@code migrate check} finds in a database: applied revisions edited since (checksums), a
 * database not at the heads, and with models configured, each difference from the models.
 *
 * @param problems each problem in plain words; none means the database passed
 * @param warnings what is reported but passes: a changed downgrade only
 */
public record DatabaseCheck(List<String> problems, List<String> warnings) {
  public DatabaseCheck {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  /** Checks the database of {@code migrator}; {@code loader} holds the model classes. */
  public static DatabaseCheck run(
      MigrateConfig config, RevisionGraph graph, Migrator migrator, ClassLoader loader) {
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (ChecksumMismatch mismatch : migrator.checksumMismatches()) {
      (mismatch.isWarning() ? warnings : problems).add(mismatch.describe());
    }
    problems.addAll(atHeads(graph, migrator.currentRows()));
    if (config.models() != null) {
      ModelComparison.differences(config, migrator.databaseKind(), migrator.schema(), loader)
          .stream()
          .map(Difference::describe)
          .forEach(problems::add);
    }
    return new DatabaseCheck(problems, warnings);
  }

  private static List<String> atHeads(RevisionGraph graph, List<String> rows) {
    List<String> current = graph.current(rows);
    if (new HashSet<>(current).equals(new HashSet<>(graph.heads()))) {
      return List.of();
    }
    return List.of(
        "Database is not on all head revisions: it is at "
            + (current.isEmpty() ? "base" : String.join(", ", current))
            + ", the heads are "
            + String.join(", ", graph.heads())
            + "; run 'migrate upgrade heads'");
  }
}
