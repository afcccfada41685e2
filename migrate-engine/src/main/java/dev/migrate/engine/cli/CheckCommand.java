package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.runtime.Migrator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check the database against the revisions: every applied revision unchanged since it was"
          + " applied (checksums) and the database at the heads.",
      "Prints each problem and exits 1 when there is one, else prints 'No problems found.'"
    })
final class CheckCommand extends MigrateCommand {

  @Override
  boolean needsDatabase() {
    return true;
  }

  @Override
  int execute() {
    List<String> problems = new ArrayList<>();
    RevisionGraph graph = graph();
    try (Migrator migrator = migrator(false)) {
      problems.addAll(migrator.checksumMismatches());
      List<String> rows = migrator.currentRows();
      if (!new HashSet<>(rows).equals(new HashSet<>(graph.heads()))) {
        problems.add(
            "Database is not on all head revisions: it is at "
                + (rows.isEmpty() ? "base" : String.join(", ", rows))
                + ", the heads are "
                + String.join(", ", graph.heads())
                + "; run 'migrate upgrade heads'");
      }
    }
    if (problems.isEmpty()) {
      out().println("No problems found.");
      return 0;
    }
    problems.forEach(out()::println);
    throw new MigrateException(
        "check found " + problems.size() + (problems.size() == 1 ? " problem" : " problems"), 1);
  }
}
