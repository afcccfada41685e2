package dev.migrate.maven;

import dev.migrate.engine.BadInputException;
import dev.migrate.engine.MigrateException;
import dev.migrate.engine.command.ProjectRevisions;
import dev.migrate.engine.config.ConfigKey;
import dev.migrate.engine.config.ConfigLoader;
import dev.migrate.engine.config.MigrateConfig;
import dev.migrate.engine.dialect.SqliteUrl;
import dev.migrate.engine.dialect.Urls;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.runtime.Migrator;
import dev.migrate.engine.sandbox.ServerSettings;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the settings of {@code migrate.properties} in the project's base
 * directory (when present), overridden by the environment as in the CLI, overridden by the POM's
 * configuration; a class loader over the project's test classpath (test and main classes, every
 * dependency) for Java revisions and model classes; and messages with passwords hidden.
 */
abstract class MigrateMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** Skips the goal. */
  @Parameter(property = "migrate.skip", defaultValue = "false")
  boolean skip;

  /** Properties file to read instead of {@code migrate.properties} in the base directory. */
  @Parameter(property = "migrate.config")
  File config;

  /** Directory of revision files (default: {@code versions} next to the properties file). */
  @Parameter(property = "migrate.revisions")
  String revisions;

  /** Package scanned for compiled {@code @Revision} classes on the test classpath. */
  @Parameter(property = "migrate.javaPackage")
  String javaPackage;

  /** The models: a {@code .sql} file, {@code jpa:<package>} or {@code dsl:<class>}. */
  @Parameter(property = "migrate.models")
  String models;

  /** JDBC URL of the database ({@code check}, {@code upgrade}, {@code info}). */
  @Parameter(property = "migrate.url")
  String url;

  @Parameter(property = "migrate.user")
  String user;

  /** Database password; never logged. Prefer {@code MIGRATE_PASSWORD} in the environment. */
  @Parameter(property = "migrate.password")
  String password;

  @Parameter(property = "migrate.versionTable")
  String versionTable;

  @Parameter(property = "migrate.historyTable")
  String historyTable;

  /** Tables compared with the models: names or patterns separated by commas. */
  @Parameter(property = "migrate.includeTables")
  String includeTables;

  /** Tables left out of the comparison with the models. */
  @Parameter(property = "migrate.excludeTables")
  String excludeTables;

  private MigrateConfig loaded;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping migrate:" + goal() + " (skip is set)");
      return;
    }
    registerDrivers();
    try (URLClassLoader loader = projectClassLoader()) {
      run(loader);
    } catch (BadInputException e) {
      throw new MojoExecutionException(shownWithTrace(e));
    } catch (MigrateException e) {
      throw new MojoFailureException(shownWithTrace(e));
    } catch (IOException e) {
      throw new MojoExecutionException(shownWithTrace(e));
    }
  }

  /**
   * The message of {@code e}, shown; its stack trace goes to the debug log ({@code mvn -X}) with
   * the same masking, and is not chained to the build's exception, which {@code mvn -e} would print
   * as it is.
   */
  private String shownWithTrace(Exception e) {
    if (getLog().isDebugEnabled()) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      getLog().debug(shown(trace.toString()));
    }
    return shown(e instanceof MigrateException ? e.getMessage() : e.toString());
  }

  /**
   * Loads the plugin's JDBC drivers, each of which registers itself with {@link
   * java.sql.DriverManager}. DriverManager looks for drivers once per JVM, with the class loader
   * current then, and hands a caller only drivers its own class loader sees: when another plugin of
   * the build came first, it found that plugin's drivers, not these.
   */
  private void registerDrivers() {
    ServiceLoader.load(Driver.class, getClass().getClassLoader()).stream()
        .forEach(ServiceLoader.Provider::get);
  }

  /** The goal's name, for messages. */
  abstract String goal();

  /** Runs the goal with the project's classes in {@code loader}. */
  abstract void run(ClassLoader loader) throws MojoExecutionException, MojoFailureException;

  /** The POM's values for this goal's own settings, beyond the shared ones. */
  Map<ConfigKey, String> goalValues() {
    return Map.of();
  }

  /** The merged settings, read once. */
  final MigrateConfig config() {
    if (loaded == null) {
      Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
      put(values, ConfigKey.REVISIONS, revisions);
      put(values, ConfigKey.JAVA_PACKAGE, javaPackage);
      put(values, ConfigKey.MODELS, models);
      put(values, ConfigKey.URL, url);
      put(values, ConfigKey.USER, user);
      put(values, ConfigKey.PASSWORD, password);
      put(values, ConfigKey.VERSION_TABLE, versionTable);
      put(values, ConfigKey.HISTORY_TABLE, historyTable);
      put(values, ConfigKey.INCLUDE_TABLES, includeTables);
      put(values, ConfigKey.EXCLUDE_TABLES, excludeTables);
      values.putAll(goalValues());
      Path file = config == null ? null : config.toPath();
      loaded = ConfigLoader.load(project.getBasedir().toPath(), file, environment(), values);
    }
    return loaded;
  }

  static void put(Map<ConfigKey, String> values, ConfigKey key, String value) {
    if (value != null && !value.isBlank()) {
      values.put(key, value);
    }
  }

  /**
   * The environment as the engine reads it: a system property (a {@code -D} on Maven's command
   * line) wins over the environment variable of the same name.
   */
  static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("MIGRATE_"))
        .forEach(name -> env.put(name, System.getProperty(name)));
    return env;
  }

  /** {@code MIGRATE_TEST_REQUIRE} and the like, read as {@link ServerSettings} reads them. */
  static String setting(String name) {
    return environment().get(name);
  }

  final RevisionGraph graph(ClassLoader loader) {
    return ProjectRevisions.graph(config(), loader, false, notice -> getLog().info(notice));
  }

  /**
   * A migrator for the configured database; its step lines go to the build log. Unless {@code
   * creates}, a SQLite database file must exist (a goal that only reads never creates one).
   */
  final Migrator migrator(RevisionGraph graph, boolean creates) {
    MigrateConfig settings = config();
    String databaseUrl = settings.requireUrl();
    Optional<Path> file = SqliteUrl.file(databaseUrl);
    if (!creates && file.isPresent() && !Files.exists(file.get())) {
      throw MigrateException.badInput(
          "SQLite database file "
              + file.get()
              + " does not exist; check "
              + ConfigKey.URL.howToSet(settings.fileName())
              + ", or create the database with migrate:upgrade");
    }
    return Migrator.builder(graph)
        .url(databaseUrl, settings.user(), settings.password())
        .versionTable(settings.versionTable())
        .historyTable(settings.historyTable())
        .output(line -> getLog().info(shown(line)))
        .build();
  }

  /**
   * {@code text} as the build log shows it: {@link #masked masked}, and each setting named as the
   * POM spells it ({@code <postgresqlUrl>}) where the engine names the CLI's option ({@code
   * --postgresql-url, 'verify.postgresql_url' in ...}).
   */
  final String shown(String text) {
    String shown = masked(text);
    if (shown == null) {
      return null;
    }
    for (ConfigKey key : ConfigKey.values()) {
      String element = pomElement(key);
      if (element != null) {
        shown = shown.replace(key.option() + ",", "<" + element + ">,");
      }
    }
    return shown;
  }

  /** {@code text} with the credentials of every configured URL and the password masked. */
  final String masked(String text) {
    if (text == null) {
      return null;
    }
    if (loaded == null) {
      return Urls.hide(text, null, List.of());
    }
    String hidden = Urls.hide(text, loaded.url(), Arrays.asList(loaded.password()));
    for (String server : loaded.verify().values()) {
      hidden = Urls.hide(hidden, server, List.of());
    }
    return hidden;
  }

  /**
   * The POM element of a setting: its property key in camel case without {@code verify.} ({@code
   * verify.postgresql_url} is {@code postgresqlUrl}); null for {@code classpath}, which the test
   * classpath replaces.
   */
  static String pomElement(ConfigKey key) {
    if (key == ConfigKey.CLASSPATH) {
      return null;
    }
    if (key == ConfigKey.VERIFY_SKIP) {
      return "skipChecks";
    }
    String[] words = key.property().replaceFirst("^verify\\.", "").split("[._]");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }

  /**
   * The project's test classpath (its test and main output directories and every dependency) over
   * the plugin's own classes, which win: the engine's annotations and interfaces the project's
   * revisions use are then the ones the engine reads.
   */
  private URLClassLoader projectClassLoader() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    try {
      for (String element : project.getTestClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException(
          "Cannot read the test classpath of " + project.getId() + ": " + e.getMessage(), e);
    }
    return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }
}
