package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.runtime.Migrator;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "stamp",
    mixinStandardHelpOptions = true,
    description =
        "Set the version table to TARGET(s) without running any revision, e.g. after creating the"
            + " schema another way, or to replace an id that no revision file defines.")
final class StampCommand extends MigrateCommand {
  @Parameters(
      arity = "1..*",
      paramLabel = "TARGET",
      description = "Revisions to record: ids, prefixes, head, heads, <label>@head, or base.")
  List<String> targets;

  @Option(
      names = "--purge",
      description = "Delete every row of the version table first (also unknown ids).")
  boolean purge;

  @Option(
      names = "--sql",
      description =
          "Print the SQL instead of running it; a target may be FROM:TO to start from FROM.")
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
    if (sql && purge) {
      throw MigrateException.badInput("Can't use --purge with --sql mode");
    }
    Migrator migrator = migrator(false);
    if (sql) {
      printScript(migrator.stampSql(targets));
      return 0;
    }
    migrator.stamp(targets, purge);
    return 0;
  }
}
