package dev.migrate.engine.cli;

import dev.migrate.engine.BadInputException;
import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.config.MigrateConfig;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.diff.SchemaDiff;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.sandbox.ServerSettings;
import dev.migrate.engine.verify.AppliedChecksums;
import dev.migrate.engine.verify.Check;
import dev.migrate.engine.verify.CheckResult;
import dev.migrate.engine.verify.Fixture;
import dev.migrate.engine.verify.ModelsAtHead;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.Verifier;
import dev.migrate.engine.verify.VerifyOptions;
import dev.migrate.engine.verify.report.HtmlReport;
import dev.migrate.engine.verify.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    List<DatabaseKind> kinds = backends(config);
    VerifyOptions options = options(config);
    RevisionGraph graph;
    try {
      graph = graph();
    } catch (BadInputException e) {
      // The finding is reported as any other, and the exit code is bad input's.
      write(output, Verifier.graphInvalid(e.getMessage(), kinds, options.seed()));
      throw e;
    }
    List<CheckResult> applied = applied(graph, config, options);
    List<Verifier.Backend> ready = new ArrayList<>();
    List<Sandbox> sandboxes = new ArrayList<>();
    try {
      for (DatabaseKind kind : kinds) {
        Verifier.Backend backend = backend(kind, config);
        if (backend.sandbox() != null) {
          sandboxes.add(backend.sandbox());
        }
        ready.add(backend);
      }
      LiveProgress live = output == ReportFormat.TEXT && main.terminal ? live(ready, graph) : null;
      if (live != null) {
        options = options.withProgress(live);
      }
      Verifier verifier = Verifier.of(graph, models(config), options);
      VerificationResult result;
      if (live == null) {
        result = verifier.run(ready);
      } else {
        live.redraw();
        // the clock moves while a slow revision runs
        ScheduledExecutorService clock =
            Executors.newSingleThreadScheduledExecutor(
                task -> {
                  Thread thread = new Thread(task, "migrate-verify-progress");
                  thread.setDaemon(true);
                  return thread;
                });
        clock.scheduleAtFixedRate(live::redraw, 1, 1, TimeUnit.SECONDS);
        try {
          result = verifier.run(ready);
        } finally {
          clock.shutdownNow();
          live.clear();
        }
      }
      result = result.plus(applied);
      write(output, result);
      return result.hasErrors() ? ExitCodes.PROBLEM : ExitCodes.OK;
    } finally {
      sandboxes.forEach(Sandbox::close);
    }
  }

  /** The one progress line rewritten in place on standard error, for a terminal. */
  private LiveProgress live(List<Verifier.Backend> ready, RevisionGraph graph) {
    long started = System.nanoTime();
    return new LiveProgress(
        spec.commandLine().getErr(),
        ready.stream().filter(b -> b.sandbox() != null).map(b -> b.kind().id()).toList(),
        graph.revisions().size(),
        () -> java.time.Duration.ofNanos(System.nanoTime() - started));
  }

  /** The checks of {@code --against}'s database, read before anything else runs. */
  private List<CheckResult> applied(
      RevisionGraph graph, MigrateConfig config, VerifyOptions options) {
    String url = config.verify().get(ConfigKey.VERIFY_AGAINST_URL);
    if (url == null || options.skips().containsKey(Check.CHECKSUM_UNCHANGED)) {
      return List.of();
    }
    if (DatabaseKind.fromJdbcUrl(url) == DatabaseKind.SQLITE && main.ownProcess) {
      ProcessSetup.beforeSqlite(main.env);
    }
    return AppliedChecksums.against(graph, url, config.versionTable(), config.historyTable());
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

  private List<DatabaseKind> backends(MigrateConfig config) {
    String value = config.verify().getOrDefault(ConfigKey.VERIFY_BACKENDS, "sqlite");
    Set<DatabaseKind> kinds = new LinkedHashSet<>();
    for (String name : value.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      try {
        kinds.add(DatabaseKind.fromId(name.strip()));
      } catch (MigrateException e) {
        throw MigrateException.badInput(
            "Unknown backend '"
                + name.strip()
                + "' in "
                + ConfigKey.VERIFY_BACKENDS.howToSet(config.fileName())
                + "; expected sqlite, postgresql or mysql separated by commas");
      }
    }
    if (kinds.isEmpty()) {
      throw MigrateException.badInput(
          "No backend given in "
              + ConfigKey.VERIFY_BACKENDS.howToSet(config.fileName())
              + "; name sqlite, postgresql or mysql");
    }
    return List.copyOf(kinds);
  }

  private VerifyOptions options(MigrateConfig config) {
    Map<ConfigKey, String> v = config.verify();
    VerifyOptions options =
        VerifyOptions.defaults()
            .withTables(new SchemaDiff.Options(config.includeTables(), config.excludeTables()))
            .withMinimumDowngrade(v.get(ConfigKey.VERIFY_MINIMUM_DOWNGRADE));
    String seedValue = v.get(ConfigKey.VERIFY_SEED);
    if (seedValue != null) {
      try {
        options = options.withSeed(Long.parseLong(seedValue.strip()));
      } catch (NumberFormatException e) {
        throw MigrateException.badInput(
            "Seed '"
                + seedValue
                + "' is not a whole number; fix "
                + ConfigKey.VERIFY_SEED.howToSet(config.fileName()));
      }
    }
    String fail = v.get(ConfigKey.VERIFY_FAIL_ON);
    if (fail != null) {
      for (String what : fail.split(",")) {
        if (!what.strip().equalsIgnoreCase("destructive")) {
          throw MigrateException.badInput(
              "Unknown value '"
                  + what.strip()
                  + "' for "
                  + ConfigKey.VERIFY_FAIL_ON.howToSet(config.fileName())
                  + "; expected 'destructive'");
        }
      }
      options = options.withFailOnDestructive(true);
    }
    options = options.withSkips(skips(v.get(ConfigKey.VERIFY_SKIP), config));
    String stamped = v.get(ConfigKey.VERIFY_STAMP);
    if (stamped != null) {
      options =
          options.withStamped(
              Arrays.stream(stamped.split("[,\\s]+"))
                  .filter(id -> !id.isBlank())
                  .collect(java.util.stream.Collectors.toSet()));
    }
    String fixtureDir = v.get(ConfigKey.VERIFY_FIXTURES);
    if (fixtureDir != null) {
      options = options.withFixtures(Fixture.load(Path.of(fixtureDir)));
    }
    PrintWriter err = spec.commandLine().getErr();
    return options.withProgress(
        step -> {
          synchronized (err) {
            err.println(step.line());
            err.flush();
          }
        });
  }

  /** {@code data_loss: reason; downgrade_leaves_trace: reason}. */
  private static Map<Check, String> skips(String value, MigrateConfig config) {
    Map<Check, String> skips = new EnumMap<>(Check.class);
    String only = config.verify().get(ConfigKey.VERIFY_CHECKS);
    if (only != null) {
      Set<Check> chosen = new LinkedHashSet<>();
      for (String name : only.split("[,\\s]+")) {
        if (!name.isBlank()) {
          chosen.add(check(name, ConfigKey.VERIFY_CHECKS, config));
        }
      }
      for (Check check : Check.values()) {
        if (!chosen.contains(check) && check != Check.GRAPH_VALID && check != Check.SINGLE_HEAD) {
          skips.put(check, "not among the checks chosen by " + ConfigKey.VERIFY_CHECKS.option());
        }
      }
    }
    if (value == null) {
      return skips;
    }
    for (String entry : value.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      String name = colon < 0 ? entry.strip() : entry.substring(0, colon).strip();
      String reason = colon < 0 ? "" : entry.substring(colon + 1).strip();
      Check check = check(name, ConfigKey.VERIFY_SKIP, config);
      if (reason.isEmpty()) {
        throw MigrateException.badInput(
            "Skipping "
                + name
                + " needs a reason ('"
                + name
                + ": why it does not apply') in "
                + ConfigKey.VERIFY_SKIP.howToSet(config.fileName()));
      }
      skips.put(check, reason);
    }
    return skips;
  }

  private static Check check(String name, ConfigKey setting, MigrateConfig config) {
    return Check.byId(name)
        .orElseThrow(
            () ->
                MigrateException.badInput(
                    "Unknown check '"
                        + name
                        + "' in "
                        + setting.howToSet(config.fileName())
                        + "; expected one of "
                        + Check.ids()));
  }

  private Verifier.Backend backend(DatabaseKind kind, MigrateConfig config) {
    if (kind == DatabaseKind.SQLITE && main.ownProcess) {
      ProcessSetup.beforeSqlite(main.env);
    }
    ConfigKey key =
        kind == DatabaseKind.POSTGRESQL
            ? ConfigKey.VERIFY_POSTGRESQL_URL
            : ConfigKey.VERIFY_MYSQL_URL;
    Verifier.Backend backend =
        Verifier.Backend.on(
            kind,
            config.verify().get(key),
            "no server URL; set " + key.howToSet(config.fileName()));
    if (backend.sandbox() == null) {
      if (ServerSettings.required(kind, main.env::get)) {
        throw MigrateException.failed(
            kind.id()
                + " is required by MIGRATE_TEST_REQUIRE but unavailable: "
                + backend.unavailable(),
            null);
      }
      return backend;
    }
    List<String> leftovers = backend.sandbox().leftoversDropped();
    if (!leftovers.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "Dropped "
                  + leftovers.size()
                  + " throwaway "
                  + kind.id()
                  + " database(s) left by earlier runs more than 24 hours ago: "
                  + String.join(", ", leftovers));
    }
    return backend;
  }

  /** The models for each backend, or null when none are configured. */
  private Verifier.ExpectedModels models(MigrateConfig config) {
    if (config.models() == null) {
      return null;
    }
    return ModelsAtHead.of(
        config.models(), config.fileName(), classLoader(), kind -> adminUrl(kind, config));
  }

  private static String adminUrl(DatabaseKind kind, MigrateConfig config) {
    return config
        .verify()
        .get(
            kind == DatabaseKind.POSTGRESQL
                ? ConfigKey.VERIFY_POSTGRESQL_URL
                : ConfigKey.VERIFY_MYSQL_URL);
  }
}
