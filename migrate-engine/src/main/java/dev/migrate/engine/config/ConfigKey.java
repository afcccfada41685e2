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
  /** The models: a {@code .sql} file, {@code jpa:<package>} or {@code dsl:<class>}. */
  MODELS("models", "MIGRATE_MODELS", "--models");

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
