package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.command.ModelComparison;
import dev.migrate.engine.command.ProjectRevisions;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.config.ConfigLoader;
import dev.migrate.engine.config.MigrateConfig;
import dev.migrate.engine.dialect.SqliteUrl;
import dev.migrate.engine.dialect.UrlSyntax;
import dev.migrate.engine.dialect.Urls;
import dev.migrate.engine.diff.Difference;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.runtime.Migrator;
import dev.migrate.engine.schema.Schema;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the configuration options, loading the configuration and the revision
 * graph once, connecting to the database, and the output stream.
 */
abstract class MigrateCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Mixin ConfigOptions options = new ConfigOptions();

  private MigrateConfig config;
  private RevisionGraph graph;
  private URLClassLoader classLoader;

  @Override
  public final Integer call() throws Exception {
    try {
      if (writesRevisions()) {
        refuseWritingIntoFlyway();
      }
      if (needsDatabase()) {
        String url = config().requireUrl();
        checkDatabase(url);
        if (main.ownProcess && url.startsWith("jdbc:sqlite:")) {
          ProcessSetup.beforeSqlite(main.env);
        }
      }
      return execute();
    } finally {
      out().flush();
      if (classLoader != null) {
        classLoader.close();
      }
    }
  }

  /**
   * Whether this command runs or checks revisions (verify, upgrade, downgrade, check), so that what
   * a Flyway directory holds but migrate does not run concerns it.
   */
  boolean runsRevisions() {
    return false;
  }

  /** Whether this command writes a revision file, which a Flyway directory never gets. */
  boolean writesRevisions() {
    return false;
  }

  /** Whether this run connects to the database, so a missing URL is reported before anything. */
  boolean needsDatabase() {
    return false;
  }

  /** How a run that {@link #needsDatabase() needs the database} uses it. */
  enum DatabaseUse {
    /** Reads it: a missing SQLite file is an error, never created. */
    READ,
    /** Changes it, or may start from an empty one: a missing SQLite file is created. */
    WRITE,
    /** Prints SQL for it without connecting. */
    OFFLINE
  }

  DatabaseUse databaseUse() {
    return DatabaseUse.READ;
  }

  /**
   * A read-only run must not create a missing SQLite file (nor read an in-memory database, which is
   * always empty when a command starts); a run that writes to an in-memory database is told that it
   * lasts only this one command.
   */
  private void checkDatabase(String url) {
    DatabaseUse use = databaseUse();
    if (use == DatabaseUse.OFFLINE) {
      return;
    }
    UrlSyntax.check(url);
    if (SqliteUrl.isInMemory(url)) {
      if (use == DatabaseUse.READ) {
        throw MigrateException.badInput(
            Urls.mask(url)
                + " is an in-memory database: every command starts with an empty one, so '"
                + spec.name()
                + "' has nothing to read; use a database file such as jdbc:sqlite:app.db");
      }
      toStderr()
          .accept(
              "Note: "
                  + Urls.mask(url)
                  + " is an in-memory database; it lasts for this one command and is gone when"
                  + " it ends");
      return;
    }
    Optional<Path> file = SqliteUrl.file(url);
    if (use == DatabaseUse.READ && file.isPresent() && !Files.exists(file.get())) {
      throw MigrateException.badInput(
          "SQLite database file "
              + file.get()
              + " does not exist; check "
              + ConfigKey.URL.howToSet(config().fileName())
              + " (a relative path in a properties file is relative to that file's directory),"
              + " or create the database with 'migrate upgrade'");
    }
  }

  /** How long to wait for the migration lock; null for the default. */
  Duration lockTimeout() {
    return null;
  }

  /** Runs the command; returns its exit code. */
  abstract int execute() throws Exception;

  /** Configuration values given by this command's own options, beyond {@link ConfigOptions}. */
  Map<ConfigKey, String> commandValues() {
    return Map.of();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  MigrateConfig config() {
    if (config == null) {
      Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
      values.putAll(main.options.values());
      values.putAll(options.values());
      values.putAll(commandValues());
      Path file = options.config != null ? options.config : main.options.config;
      config = ConfigLoader.load(main.workingDir, file, main.env, values);
      main.config = config;
    }
    return config;
  }

  /** The revision graph of the configured revisions directory and Java package. */
  RevisionGraph graph() {
    return graph(false);
  }

  /**
   * The revision graph; with {@code packageMayBeMissing} a Java package that has no classes yet
   * counts as empty (for writing the first Java revision) instead of being an error.
   */
  RevisionGraph graph(boolean packageMayBeMissing) {
    if (graph == null) {
      // what a Flyway directory holds but does not run is told by the commands that run revisions
      Consumer<String> err = toStderr();
      graph =
          ProjectRevisions.graph(
              config(),
              classLoader(),
              packageMayBeMissing,
              notice -> {
                if (runsRevisions()) {
                  err.accept("Note: " + notice);
                }
              });
    }
    return graph;
  }

  /**
   * Refuses a command that writes a revision when the revisions are Flyway's: migrate only reads a
   * Flyway directory.
   */
  private void refuseWritingIntoFlyway() {
    if (config().flyway().isPresent()) {
      throw MigrateException.badInput(
          "'migrate "
              + spec.name()
              + "' writes a revision, but the revisions are the Flyway directory "
              + config().revisions()
              + ", which migrate only reads; add the next V<version>__<description>.sql (and its"
              + " U<version>__<description>.sql undo) there yourself");
    }
  }

  /** The class loader of the configured classpath (created once), for revisions and models. */
  ClassLoader classLoader() {
    if (classLoader != null) {
      return classLoader;
    }
    ClassLoader parent = Main.class.getClassLoader();
    List<Path> entries = config().classpath();
    if (entries.isEmpty()) {
      return parent;
    }
    List<URL> urls = new ArrayList<>();
    for (Path entry : entries) {
      if (!Files.exists(entry)) {
        throw MigrateException.badInput(
            "Classpath entry "
                + entry
                + " does not exist; check "
                + ConfigKey.CLASSPATH.howToSet(config().fileName()));
      }
      try {
        urls.add(entry.toUri().toURL());
      } catch (MalformedURLException e) {
        throw MigrateException.badInput("Classpath entry " + entry + " is not usable: " + e);
      }
    }
    classLoader = new URLClassLoader(urls.toArray(URL[]::new), parent);
    return classLoader;
  }

  /** A migrator for the configured database; its step lines go to standard output. */
  Migrator migrator(boolean ignoreChecksums) {
    MigrateConfig config = config();
    String url = config.requireUrl();
    PrintWriter out = out();
    Migrator.Builder builder =
        Migrator.builder(graph())
            .url(url, config.user(), config.password())
            .versionTable(config.versionTable())
            .historyTable(config.historyTable())
            .ignoreChecksums(ignoreChecksums)
            .output(
                line -> {
                  out.println(line);
                  out.flush();
                });
    Duration lockTimeout = lockTimeout();
    if (lockTimeout != null) {
      builder.lockTimeout(lockTimeout);
    }
    return builder.build();
  }

  /** The differences between the models and {@code actual}, the database's schema now. */
  List<Difference> modelDifferences(Migrator migrator, Schema actual) {
    return ModelComparison.differences(
        config(), migrator.databaseKind(), actual, classLoader(), toStderr());
  }

  /** Lines to standard error, each flushed as it is written. */
  Consumer<String> toStderr() {
    PrintWriter err = spec.commandLine().getErr();
    return line -> {
      err.println(line);
      err.flush();
    };
  }

  /** Prints an offline SQL script, ending with a newline. */
  void printScript(String script) {
    out().print(script);
    if (!script.isEmpty() && !script.endsWith("\n")) {
      out().println();
    }
  }

  /** The rows of the version table. */
  List<String> currentRows() {
    return migrator(false).currentRows();
  }

  RevisionFormat format(Collection<String> current) {
    return new RevisionFormat(graph(), Set.copyOf(current));
  }

  RevisionFormat format() {
    return format(Set.of());
  }
}
