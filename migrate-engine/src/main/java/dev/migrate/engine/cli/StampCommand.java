package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.runtime.ChecksumMismatch;
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
            + " schema another way, or to replace an id that no revision file defines. With"
            + " --accept-checksums (and no TARGET), accept edits to applied revisions instead.")
final class StampCommand extends MigrateCommand {
  @Parameters(
      arity = "0..*",
      paramLabel = "TARGET",
      description = "Revisions to record: ids, prefixes, head, heads, <label>@head, or base.")
  List<String> targets;

  @Option(
      names = "--purge",
      description = "Delete every row of the version table first (also unknown ids).")
  boolean purge;

  @Option(
      names = "--accept-checksums",
      description =
          "Record the current checksums of applied revisions that were edited since they were"
              + " applied, so that upgrades go on; runs nothing and leaves the version table as"
              + " it is.")
  boolean acceptChecksums;

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
  DatabaseUse databaseUse() {
    return sql ? DatabaseUse.OFFLINE : DatabaseUse.WRITE;
  }

  @Override
  int execute() {
    if (sql && purge) {
      throw MigrateException.badInput("Can't use --purge with --sql mode");
    }
    if (acceptChecksums) {
      if (targets != null && !targets.isEmpty() || purge || sql) {
        throw MigrateException.badInput(
            "--accept-checksums takes no TARGET and cannot be combined with --purge or --sql");
      }
      List<ChecksumMismatch> accepted = migrator(false).acceptChecksums();
      if (accepted.isEmpty()) {
        out().println("No applied revision was changed; nothing to accept.");
      }
      accepted.forEach(m -> out().println("Accepted: " + m.describe()));
      return 0;
    }
    if (targets == null || targets.isEmpty()) {
      throw MigrateException.badInput(
          "Missing TARGET: name the revision(s) to record, or give --accept-checksums");
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
