package dev.migrate.engine.cli;

import dev.migrate.engine.runtime.Migrator;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "upgrade",
    mixinStandardHelpOptions = true,
    description = {
      "Apply revisions up to TARGET, printing 'Running upgrade <from> -> <to>, <message>' per step.",
      "With --sql, print the SQL script instead of connecting."
    })
final class UpgradeCommand extends MigrateCommand {
  @Parameters(
      index = "0",
      paramLabel = "TARGET",
      description =
          "head, heads, <label>@head, an id or prefix, +N, <rev>+N; with --sql also FROM:TO.")
  String target;

  @Option(
      names = "--sql",
      description = "Print the SQL (with the version-table statements) instead of running it.")
  boolean sql;

  @Option(
      names = "--ignore-checksums",
      description = "Upgrade even when an applied revision was edited since it was applied.")
  boolean ignoreChecksums;

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
    Migrator migrator = migrator(ignoreChecksums);
    if (sql) {
      printScript(migrator.upgradeSql(target));
    } else {
      migrator.upgrade(target);
    }
    return 0;
  }
}
