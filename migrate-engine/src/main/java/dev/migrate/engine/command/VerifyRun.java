package dev.migrate.engine.command;

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
import dev.migrate.engine.verify.Progress;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.Verifier;
import dev.migrate.engine.verify.VerifyOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code migrate verify} as configured: the {@code verify.*} settings of a {@link MigrateConfig}
 * read into the backends and {@link VerifyOptions} the {@link Verifier} takes, and the run on
 * throwaway databases. A malformed setting is a bad-input error naming how to set it.
 */
public final class VerifyRun {
  private final MigrateConfig config;
  private final List<DatabaseKind> backends;
  private final VerifyOptions options;

  private VerifyRun(MigrateConfig config, List<DatabaseKind> backends, VerifyOptions options) {
    this.config = config;
    this.backends = backends;
    this.options = options;
  }

  /** Reads the settings; nothing connects yet. */
  public static VerifyRun of(MigrateConfig config) {
    return new VerifyRun(config, backends(config), options(config));
  }

  /** The backends to verify on, in the order given (default: sqlite). */
  public List<DatabaseKind> backends() {
    return backends;
  }

  public VerifyOptions options() {
    return options;
  }

  /** The result to report when the revisions could not be read into a graph. */
  public VerificationResult graphInvalid(String message) {
    return Verifier.graphInvalid(message, backends, options.seed());
  }

  /** Whether it opens SQLite databases: a backend, or the database of {@code --against}. */
  public boolean usesSqlite() {
    String against = config.verify().get(ConfigKey.VERIFY_AGAINST_URL);
    return backends.contains(DatabaseKind.SQLITE)
        || (against != null && DatabaseKind.fromJdbcUrl(against) == DatabaseKind.SQLITE);
  }

  /**
   * Verifies {@code graph} on every backend and closes the throwaway databases' servers after.
   *
   * @param loader where Java revisions' and the models' classes are
   * @param settings reads {@code MIGRATE_TEST_REQUIRE}: a required backend that is unavailable is a
   *     failure before anything runs
   * @param log progress lines and notes (leftover databases dropped); called from several threads
   */
  public VerificationResult run(
      RevisionGraph graph,
      ClassLoader loader,
      Function<String, String> settings,
      Consumer<String> log) {
    return run(graph, loader, settings, log, step -> log.accept(step.line()));
  }

  /**
   * {@link #run(RevisionGraph, ClassLoader, Function, Consumer)} with the progress apart from the
   * notes in {@code log}. With {@code verify.against_url}, that database is read first (never
   * written) and its applied revisions' checksums are reported too.
   */
  public VerificationResult run(
      RevisionGraph graph,
      ClassLoader loader,
      Function<String, String> settings,
      Consumer<String> log,
      Consumer<Progress> progress) {
    List<CheckResult> applied = applied(graph);
    Verifier verifier = Verifier.of(graph, models(loader), options.withProgress(progress));
    List<Verifier.Backend> ready = new ArrayList<>();
    List<Sandbox> sandboxes = new ArrayList<>();
    try {
      for (DatabaseKind kind : backends) {
        Verifier.Backend backend = backend(kind, settings, log);
        if (backend.sandbox() != null) {
          sandboxes.add(backend.sandbox());
        }
        ready.add(backend);
      }
      return verifier.run(ready).plus(applied);
    } finally {
      sandboxes.forEach(Sandbox::close);
    }
  }

  /** The checks of {@code verify.against_url}'s database; none without that setting. */
  private List<CheckResult> applied(RevisionGraph graph) {
    String url = config.verify().get(ConfigKey.VERIFY_AGAINST_URL);
    if (url == null || options.skips().containsKey(Check.CHECKSUM_UNCHANGED)) {
      return List.of();
    }
    return AppliedChecksums.against(graph, url, config.versionTable(), config.historyTable());
  }

  private Verifier.Backend backend(
      DatabaseKind kind, Function<String, String> settings, Consumer<String> log) {
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
      if (ServerSettings.required(kind, settings)) {
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
      log.accept(
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
  private Verifier.ExpectedModels models(ClassLoader loader) {
    if (config.models() == null) {
      return null;
    }
    return ModelsAtHead.of(config.models(), config.fileName(), loader, this::adminUrl);
  }

  private String adminUrl(DatabaseKind kind) {
    return config
        .verify()
        .get(
            kind == DatabaseKind.POSTGRESQL
                ? ConfigKey.VERIFY_POSTGRESQL_URL
                : ConfigKey.VERIFY_MYSQL_URL);
  }

  private static List<DatabaseKind> backends(MigrateConfig config) {
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

  private static VerifyOptions options(MigrateConfig config) {
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
                  .collect(Collectors.toSet()));
    }
    String fixtureDir = v.get(ConfigKey.VERIFY_FIXTURES);
    if (fixtureDir != null) {
      options = options.withFixtures(Fixture.load(Path.of(fixtureDir)));
    }
    return options.withWalkers(walkers(v.get(ConfigKey.VERIFY_WALKERS), config));
  }

  /** A whole number of 1 or more, or {@code auto} (0). */
  private static int walkers(String value, MigrateConfig config) {
    if (value == null || value.strip().equalsIgnoreCase("auto")) {
      return 0;
    }
    try {
      int walkers = Integer.parseInt(value.strip());
      if (walkers >= 1) {
        return walkers;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw MigrateException.badInput(
        "Walkers '"
            + value
            + "' is neither a whole number of 1 or more nor 'auto'; fix "
            + ConfigKey.VERIFY_WALKERS.howToSet(config.fileName()));
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
}
