package dev.migrate.engine.cli;

import dev.migrate.engine.runtime.Migrator;
import java.time.Duration;
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
  int execute() {
    Migrator migrator = migrator(false);
    if (sql) {
      printScript(migrator.downgradeSql(target));
    } else {
      migrator.downgrade(target);
    }
    return 0;
  }
}
