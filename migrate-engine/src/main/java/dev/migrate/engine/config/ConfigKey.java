package dev.migrate.engine.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * One configuration setting and its three spellings [contract]: the key in {@code
 * migrate.properties}, the environment variable and the command-line option.
 */
public enum ConfigKey {
  URL("url", "MIGRATE_URL", "--url"),
  USER("user", "MIGRATE_USER", "--user"),
  PASSWORD("password", "MIGRATE_PASSWORD", "--password"),
  /** The directory of SQL revision files, or {@code flyway:<dir>} for Flyway's migrations. */
  REVISIONS("revisions", "MIGRATE_REVISIONS", "--revisions"),
  /**
   * With {@code revisions=flyway:<dir>}: what a version without an undo file means, {@code error}
   * (the default) or {@code irreversible}.
   */
  FLYWAY_MISSING_UNDO(
      "flyway.missing_undo", "MIGRATE_FLYWAY_MISSING_UNDO", "--flyway-missing-undo"),
  JAVA_PACKAGE("java.package", "MIGRATE_JAVA_PACKAGE", "--java-package"),
  CLASSPATH("classpath", "MIGRATE_CLASSPATH", "--classpath"),
  VERSION_TABLE("version_table", "MIGRATE_VERSION_TABLE", "--version-table"),
  HISTORY_TABLE("history_table", "MIGRATE_HISTORY_TABLE", "--history-table"),
  /**
   * The models: a {@code .sql} file, {@code jpa:<package>}, {@code hibernate:<packages>} or {@code
   * dsl:<class>}.
   */
  MODELS("models", "MIGRATE_MODELS", "--models"),
  /**
   * Tables compared with the models: names or patterns separated by commas; the option is
   * repeatable and, given, replaces the configured list.
   */
  INCLUDE_TABLES("include_tables", "MIGRATE_INCLUDE_TABLES", "--include-table"),
  /** Tables left out of the comparison with the models, like {@link #INCLUDE_TABLES}. */
  EXCLUDE_TABLES("exclude_tables", "MIGRATE_EXCLUDE_TABLES", "--exclude-table"),
  /** {@code migrate verify}: the backends to verify on, separated by commas (default sqlite). */
  VERIFY_BACKENDS("verify.backends", "MIGRATE_VERIFY_BACKENDS", "--backends"),
  /**
   * {@code migrate verify}: an administrative URL of a PostgreSQL server for throwaway databases.
   */
  VERIFY_POSTGRESQL_URL("verify.postgresql_url", "MIGRATE_TEST_POSTGRESQL_URL", "--postgresql-url"),
  /** {@code migrate verify}: an administrative URL of a MySQL server for throwaway databases. */
  VERIFY_MYSQL_URL("verify.mysql_url", "MIGRATE_TEST_MYSQL_URL", "--mysql-url"),
  /** {@code migrate verify}: the seed of the generated rows. */
  VERIFY_SEED("verify.seed", "MIGRATE_VERIFY_SEED", "--seed"),
  /** {@code migrate verify}: {@code destructive} makes DESTRUCTIVE_CHANGE an error. */
  VERIFY_FAIL_ON("verify.fail_on", "MIGRATE_VERIFY_FAIL_ON", "--fail-on"),
  /** {@code migrate verify}: only these checks run, separated by commas (default: all). */
  VERIFY_CHECKS("verify.checks", "MIGRATE_VERIFY_CHECKS", "--checks"),
  /** {@code migrate verify}: checks skipped for every revision, {@code check: reason; ...}. */
  VERIFY_SKIP("verify.skip", "MIGRATE_VERIFY_SKIP", "--skip"),
  /**
   * {@code migrate verify}: a directory of {@code <revision>.before.sql} / {@code .at.sql} data.
   */
  VERIFY_FIXTURES("verify.fixtures", "MIGRATE_VERIFY_FIXTURES", "--fixtures"),
  /** {@code migrate verify}: revisions stamped instead of run, separated by commas. */
  VERIFY_STAMP("verify.stamp", "MIGRATE_VERIFY_STAMP", "--stamp"),
  /**
   * {@code migrate verify}: a database migrate upgraded, read (never written) to report applied
   * revisions whose files changed since ({@code CHECKSUM_MISMATCH}).
   */
  VERIFY_AGAINST_URL("verify.against_url", "MIGRATE_VERIFY_AGAINST_URL", "--against"),
  /** {@code migrate verify}: the revision below which history is not walked down. */
  VERIFY_MINIMUM_DOWNGRADE(
      "verify.minimum_downgrade", "MIGRATE_VERIFY_MINIMUM_DOWNGRADE", "--minimum-downgrade"),
  /**
   * {@code migrate verify}: at most how many parts a backend's walk is split into, walked at the
   * same time; {@code auto} (the default) for as many as the cores allow.
   */
  VERIFY_WALKERS("verify.walkers", "MIGRATE_VERIFY_WALKERS", "--walkers");

  private final String property;
  private final String environmentVariable;
  private final String option;

  ConfigKey(String property, String environmentVariable, String option) {
    this.property = property;
    this.environmentVariable = environmentVariable;
    this.option = option;
  }

  /** The key in {@code migrate.properties}. */
  public String property() {
    return property;
  }

  public String environmentVariable() {
    return environmentVariable;
  }

  public String option() {
    return option;
  }

  /** The three ways to set it, for messages: {@code --url, 'url' in FILE or MIGRATE_URL}. */
  public String howToSet(String fileName) {
    return option + ", '" + property + "' in " + fileName + " or " + environmentVariable;
  }

  public static Optional<ConfigKey> fromProperty(String property) {
    return Arrays.stream(values()).filter(k -> k.property.equals(property)).findFirst();
  }
}
