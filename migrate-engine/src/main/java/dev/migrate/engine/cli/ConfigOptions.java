package dev.migrate.engine.cli;

import dev.migrate.engine.config.ConfigKey;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command takes: where the configuration is and what overrides it. */
final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Properties file to read (default: migrate.properties in the working directory; env"
              + " MIGRATE_CONFIG).")
  Path config;

  @Option(
      names = "--url",
      paramLabel = "JDBC_URL",
      description =
          "JDBC URL of the database, e.g. jdbc:postgresql://localhost:5432/app (key url, env"
              + " MIGRATE_URL).")
  String url;

  @Option(
      names = "--user",
      paramLabel = "USER",
      description = "Database user (key user, env MIGRATE_USER).")
  String user;

  @Option(
      names = "--password",
      paramLabel = "PASSWORD",
      description =
          "Database password (key password, env MIGRATE_PASSWORD, which keeps it out of the"
              + " process list). Never printed.")
  String password;

  @Option(
      names = "--revisions",
      paramLabel = "DIR",
      description =
          "Directory of revision files, or flyway:<dir> for Flyway's V/U migrations (key"
              + " revisions, env MIGRATE_REVISIONS; default: versions next to the properties"
              + " file).")
  String revisions;

  @Option(
      names = "--flyway-missing-undo",
      paramLabel = "error|irreversible",
      description =
          "With --revisions flyway:<dir>: a version without an undo file is an IRREVERSIBLE"
              + " finding (error, the default) or declared irreversible (key flyway.missing_undo,"
              + " env MIGRATE_FLYWAY_MISSING_UNDO).")
  String flywayMissingUndo;

  @Option(
      names = "--java-package",
      paramLabel = "PACKAGE",
      description =
          "Package scanned for compiled @Revision classes (key java.package, env"
              + " MIGRATE_JAVA_PACKAGE).")
  String javaPackage;

  @Option(
      names = "--classpath",
      paramLabel = "PATH",
      description =
          "Directories and jars holding compiled Java revisions, separated by the platform's path"
              + " separator (key classpath, env MIGRATE_CLASSPATH).")
  String classpath;

  @Option(
      names = "--version-table",
      paramLabel = "NAME",
      description =
          "Name of the version table (key version_table, env MIGRATE_VERSION_TABLE; default:"
              + " migrate_version).")
  String versionTable;

  @Option(
      names = "--history-table",
      paramLabel = "NAME",
      description =
          "Name of the history table (key history_table, env MIGRATE_HISTORY_TABLE; default:"
              + " migrate_history).")
  String historyTable;

  @Option(
      names = "--models",
      paramLabel = "MODELS",
      description =
          "The schema the application expects: a .sql file, jpa:<package> of @Entity classes or"
              + " dsl:<class> implementing ModelsProvider (key models, env MIGRATE_MODELS).")
  String models;

  @Option(
      names = {"-X", "--debug"},
      description = "Print the stack trace of an error.")
  boolean debug;

  Map<ConfigKey, String> values() {
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    put(values, ConfigKey.URL, url);
    put(values, ConfigKey.USER, user);
    put(values, ConfigKey.PASSWORD, password);
    put(values, ConfigKey.REVISIONS, revisions);
    put(values, ConfigKey.FLYWAY_MISSING_UNDO, flywayMissingUndo);
    put(values, ConfigKey.JAVA_PACKAGE, javaPackage);
    put(values, ConfigKey.CLASSPATH, classpath);
    put(values, ConfigKey.VERSION_TABLE, versionTable);
    put(values, ConfigKey.HISTORY_TABLE, historyTable);
    put(values, ConfigKey.MODELS, models);
    return values;
  }

  private static void put(Map<ConfigKey, String> values, ConfigKey key, String value) {
    if (value != null) {
      values.put(key, value);
    }
  }
}
