package dev.migrate.engine.cli;

import dev.migrate.engine.revision.MigrationStep;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.runtime.Migrator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "downgrade",
    mixinStandardHelpOptions = true,
    description = {
      "Revert revisions down to TARGET, printing 'Running downgrade <from> -> <to>, <message>' per"
          + " step.",
      "With --sql, print the SQL script for FROM:TO instead of connecting."
    })
final class DowngradeCommand extends MigrateCommand {
  @Parameters(
      index = "0",
      paramLabel = "TARGET",
      description = "base, an id or prefix, -N, <label>@-N, <rev>-N; with --sql FROM:TO.")
  String target;

  @Option(names = "--sql", description = "Print the SQL instead of running it (TARGET is FROM:TO).")
  boolean sql;

  @Mixin LockTimeoutOption lock = new LockTimeoutOption();

  @Override
  Duration lockTimeout() {
    return lock.timeout();
  }

  @Override
  boolean needsDatabase() {
    return true;
  }

  @Override
  DatabaseUse databaseUse() {
    return sql ? DatabaseUse.OFFLINE : DatabaseUse.WRITE;
  }

  @Override
  boolean runsRevisions() {
    return true;
  }

  @Override
  int execute() {
    Migrator migrator = migrator(false);
    if (sql) {
      printScript(migrator.downgradeSql(target));
    } else {
      warnOutsideBranch();
      migrator.downgrade(target);
    }
    return 0;
  }

  /**
   * {@code <label>@base} undoes everything above the branch's root, as Alembic does: with a root
   * shared with other branches that includes the shared ancestors and the other branches. Say so
   * before running it.
   */
  private void warnOutsideBranch() {
    if (!target.endsWith("@base")) {
      return;
    }
    String label = target.substring(0, target.length() - "@base".length());
    RevisionGraph graph = graph();
    List<String> outside = new ArrayList<>();
    for (MigrationStep step : graph.downgrade(currentRows(), target)) {
      String id = step.revision().id();
      if (!graph.branchLabels(id).contains(label)) {
        outside.add(id);
      }
    }
    if (!outside.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "Warning: downgrade "
              + target
              + " also undoes revisions outside branch '"
              + label
              + "' ("
              + String.join(", ", outside)
              + "): the branch grows from a revision other branches share, and everything above"
              + " that revision goes down with it");
      err.flush();
    }
  }
}
