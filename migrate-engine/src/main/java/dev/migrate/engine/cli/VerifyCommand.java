package dev.migrate.engine.cli;

import dev.migrate.engine.BadInputException;
import dev.migrate.engine.MigrateException;
import dev.migrate.engine.command.VerifyRun;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.config.MigrateConfig;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.report.HtmlReport;
import dev.migrate.engine.verify.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify every revision on throwaway databases: each goes up, down and up again with the"
          + " schema compared at every step, generated rows pushed through it, destructive"
          + " changes linted, and (with --models) the schema at the heads compared with the"
          + " models. Never touches the database of --url.",
      "Exits 0 when no error was found, 1 when one was, 2 for bad usage or input."
    })
final class VerifyCommand extends MigrateCommand {
  @Mixin TableFilters tables = new TableFilters();

  @Option(
      names = "--backends",
      paramLabel = "LIST",
      description =
          "Backends to verify on, separated by commas: sqlite, postgresql, mysql (key"
              + " verify.backends; default: sqlite).")
  String backends;

  @Option(
      names = "--postgresql-url",
      paramLabel = "JDBC_URL",
      description =
          "Administrative URL of a PostgreSQL server to make throwaway databases on (key"
              + " verify.postgresql_url, env MIGRATE_TEST_POSTGRESQL_URL).")
  String postgresqlUrl;

  @Option(
      names = "--mysql-url",
      paramLabel = "JDBC_URL",
      description =
          "Administrative URL of a MySQL server to make throwaway databases on (key"
              + " verify.mysql_url, env MIGRATE_TEST_MYSQL_URL).")
  String mysqlUrl;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output: text (default), json, junit (JUnit XML) or markdown.")
  String format = "text";

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Also write an HTML report to DIR/index.html.")
  Path report;

  @Option(
      names = "--fail-on",
      paramLabel = "WHAT",
      description =
          "'destructive' makes DESTRUCTIVE_CHANGE an error instead of a warning (key"
              + " verify.fail_on).")
  String failOn;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed of the generated rows; a report names the seed it used (key verify.seed).")
  String seed;

  @Option(
      names = "--checks",
      paramLabel = "LIST",
      description =
          "Run only these checks, separated by commas (finding codes in lower case, e.g."
              + " upgrade_failed,model_drift); the others are reported as skipped (key"
              + " verify.checks).")
  String checks;

  @Option(
      names = "--skip",
      paramLabel = "CHECK:REASON",
      description =
          "Skip a check for every revision, with the reason the report shows, e.g. --skip"
              + " 'data_loss: rows are reloaded nightly'; repeatable (key verify.skip, entries"
              + " separated by ';').")
  List<String> skip = new ArrayList<>();

  @Option(
      names = "--fixtures",
      paramLabel = "DIR",
      description =
          "Directory of data the revisions need: <revision>.before.sql runs before that"
              + " revision's upgrade, <revision>.at.sql right after it (key verify.fixtures).")
  String fixtures;

  @Option(
      names = "--stamp",
      paramLabel = "REVS",
      description =
          "Revisions stamped instead of run (a slow data load), separated by commas: their"
              + " version row is written, their checks are skipped (key verify.stamp).")
  String stamp;

  @Option(
      names = "--against",
      paramLabel = "JDBC_URL",
      description =
          "Also read this database (never written, no lock taken) and report each applied"
              + " revision whose file changed since it was applied as CHECKSUM_MISMATCH, as"
              + " upgrade would refuse it (key verify.against_url).")
  String against;

  @Option(
      names = "--minimum-downgrade",
      paramLabel = "REV",
      description =
          "Do not walk history below this revision down: it and its ancestors are only upgraded"
              + " (key verify.minimum_downgrade).")
  String minimumDowngrade;

  @Option(
      names = "--walkers",
      paramLabel = "N",
      description =
          "Walk a long history in at most N parts at the same time, each on databases of its own;"
              + " the findings are those of one walk. 1 walks it in one; default auto, as many"
              + " as the cores allow (key verify.walkers).")
  String walkers;

  @Override
  Map<ConfigKey, String> commandValues() {
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    values.putAll(tables.values());
    put(values, ConfigKey.VERIFY_BACKENDS, backends);
    put(values, ConfigKey.VERIFY_POSTGRESQL_URL, postgresqlUrl);
    put(values, ConfigKey.VERIFY_MYSQL_URL, mysqlUrl);
    put(values, ConfigKey.VERIFY_FAIL_ON, failOn);
    put(values, ConfigKey.VERIFY_SEED, seed);
    put(values, ConfigKey.VERIFY_SKIP, skip.isEmpty() ? null : String.join(";", skip));
    put(values, ConfigKey.VERIFY_CHECKS, checks);
    put(values, ConfigKey.VERIFY_MINIMUM_DOWNGRADE, minimumDowngrade);
    put(values, ConfigKey.VERIFY_FIXTURES, fixtures);
    put(values, ConfigKey.VERIFY_STAMP, stamp);
    put(values, ConfigKey.VERIFY_AGAINST_URL, against);
    put(values, ConfigKey.VERIFY_WALKERS, walkers);
    return values;
  }

  private static void put(Map<ConfigKey, String> values, ConfigKey key, String value) {
    if (value != null) {
      values.put(key, value);
    }
  }

  @Override
  boolean runsRevisions() {
    return true;
  }

  @Override
  int execute() {
    MigrateConfig config = config();
    ReportFormat output =
        ReportFormat.byId(format)
            .orElseThrow(
                () ->
                    MigrateException.badInput(
                        "Unknown --format '"
                            + format
                            + "'; expected text, json, junit or markdown"));
    VerifyRun run = VerifyRun.of(config);
    RevisionGraph graph;
    try {
      graph = graph();
    } catch (BadInputException e) {
      // The finding is reported as any other, and the exit code is bad input's.
      write(output, run.graphInvalid(e.getMessage()));
      throw e;
    }
    if (main.ownProcess && run.usesSqlite()) {
      ProcessSetup.beforeSqlite(main.env);
    }
    PrintWriter err = spec.commandLine().getErr();
    Consumer<String> log =
        line -> {
          synchronized (err) {
            err.println(line);
            err.flush();
          }
        };
    VerificationResult result;
    if (output != ReportFormat.TEXT || !main.terminal) {
      result = run.run(graph, classLoader(), main.env::get, log, step -> log.accept(step.line()));
    } else {
      result = withLiveProgress(run, graph, log);
    }
    write(output, result);
    return result.hasErrors() ? ExitCodes.PROBLEM : ExitCodes.OK;
  }

  /**
   * On a terminal: one progress line on standard error, rewritten in place as the backends go and
   * as the clock moves, erased before the report.
   */
  private VerificationResult withLiveProgress(
      VerifyRun run, RevisionGraph graph, Consumer<String> log) {
    long started = System.nanoTime();
    LiveProgress live =
        new LiveProgress(
            spec.commandLine().getErr(),
            run.backends().stream().map(DatabaseKind::id).toList(),
            () -> Duration.ofNanos(System.nanoTime() - started));
    live.redraw();
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "migrate-verify-progress");
              thread.setDaemon(true);
              return thread;
            });
    clock.scheduleAtFixedRate(live::redraw, 1, 1, TimeUnit.SECONDS);
    try {
      // a note (leftover databases dropped) goes on a line of its own, the progress line after it
      return run.run(
          graph,
          classLoader(),
          main.env::get,
          line -> {
            live.clear();
            log.accept(line);
            live.resume();
          },
          live);
    } finally {
      clock.shutdownNow();
      live.clear();
    }
  }

  private void write(ReportFormat output, VerificationResult result) {
    out().print(output.render(result));
    out().flush();
    if (report != null) {
      Path dir = main.workingDir.resolve(report);
      try {
        Path file = HtmlReport.write(result, dir);
        spec.commandLine().getErr().println("HTML report: " + file);
      } catch (IOException e) {
        throw MigrateException.badInput(
            "Cannot write the HTML report to " + dir + ": " + e + "; check --report");
      }
    }
  }
}
