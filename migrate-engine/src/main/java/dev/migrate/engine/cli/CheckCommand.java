package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.diff.Difference;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.runtime.ChecksumMismatch;
import dev.migrate.engine.runtime.Migrator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check the database against the revisions: every applied revision unchanged since it was"
          + " applied (checksums) and the database at the heads; with models configured"
          + " (--models), also that the database's schema matches the models.",
      "Prints each problem and exits 1 when there is one, else prints 'No problems found.'"
    })
final class CheckCommand extends MigrateCommand {
  @Mixin TableFilters tables = new TableFilters();

  @Override
  Map<ConfigKey, String> commandValues() {
    return tables.values();
  }

  @Override
  boolean needsDatabase() {
    return true;
  }

  @Override
  boolean runsRevisions() {
    return true;
  }

  @Override
  int execute() {
    Migrator migrator = migrator(false);
    List<String> problems = new ArrayList<>();
    // Each check adds the problems it finds.
    problems.addAll(checksums(migrator));
    problems.addAll(atHeads(graph(), migrator.currentRows()));
    if (config().models() != null) {
      modelDifferences(migrator).stream().map(Difference::describe).forEach(problems::add);
    }
    if (problems.isEmpty()) {
      out().println("No problems found.");
      return 0;
    }
    problems.forEach(out()::println);
    throw MigrateException.failed(
        "check found " + problems.size() + (problems.size() == 1 ? " problem" : " problems"), null);
  }

  /** Changed upgrades are problems; a changed downgrade only is printed as a warning. */
  private List<String> checksums(Migrator migrator) {
    List<String> problems = new ArrayList<>();
    for (ChecksumMismatch mismatch : migrator.checksumMismatches()) {
      if (mismatch.isWarning()) {
        out().println("Warning: " + mismatch.describe());
      } else {
        problems.add(mismatch.describe());
      }
    }
    return problems;
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
