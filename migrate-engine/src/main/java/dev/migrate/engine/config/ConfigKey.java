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
  REVISIONS("revisions", "MIGRATE_REVISIONS", "--revisions"),
  JAVA_PACKAGE("java.package", "MIGRATE_JAVA_PACKAGE", "--java-package"),
  CLASSPATH("classpath", "MIGRATE_CLASSPATH", "--classpath"),
  VERSION_TABLE("version_table", "MIGRATE_VERSION_TABLE", "--version-table"),
  HISTORY_TABLE("history_table", "MIGRATE_HISTORY_TABLE", "--history-table"),
  /** The models: a {@code .sql} file, {@code jpa:<package>} or {@code dsl:<class>}. */
  MODELS("models", "MIGRATE_MODELS", "--models"),
  /**
   * Tables compared with the models: names or patterns separated by commas; the option is
   * repeatable and, given, replaces the configured list.
   */
  INCLUDE_TABLES("include_tables", "MIGRATE_INCLUDE_TABLES", "--include-table"),
  /** Tables left out of the comparison with the models, like {@link #INCLUDE_TABLES}. */
  EXCLUDE_TABLES("exclude_tables", "MIGRATE_EXCLUDE_TABLES", "--exclude-table");

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
