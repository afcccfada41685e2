package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.command.DatabaseCheck;
import dev.migrate.engine.config.ConfigKey;
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
    DatabaseCheck check =
        DatabaseCheck.run(config(), graph(), migrator(false), classLoader(), toStderr());
    check.warnings().forEach(w -> out().println("Warning: " + w));
    List<String> problems = check.problems();
    if (problems.isEmpty()) {
      out().println("No problems found.");
      return 0;
    }
    problems.forEach(out()::println);
    throw MigrateException.failed(
        "check found " + problems.size() + (problems.size() == 1 ? " problem" : " problems"), null);
  }
}
