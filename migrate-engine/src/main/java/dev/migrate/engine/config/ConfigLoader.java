package dev.migrate.engine.config;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.SqliteUrl;
import dev.migrate.engine.revision.source.FlywayRevisions;
import dev.migrate.engine.runtime.Migrator;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds a {@link MigrateConfig} from {@code migrate.properties}, the environment and command-line
 * options, later ones winning. A relative path from the file resolves against the file's directory;
 * one from the environment or an option against the working directory. Blank values count as not
 * set. A malformed table name or pattern is an error naming where it came from. Everything it reads
 * is passed in, so tests need no real environment.
 */
public final class ConfigLoader {
  /** The file read from the working directory when {@code --config} is not given. */
  public static final String FILE_NAME = "migrate.properties";

  /** Environment variable naming the properties file, like {@code --config}. */
  public static final String CONFIG_VARIABLE = "MIGRATE_CONFIG";

  public static final String DEFAULT_REVISIONS = "versions";
  public static final String DEFAULT_VERSION_TABLE = "migrate_version";
  public static final String DEFAULT_HISTORY_TABLE = "migrate_history";

  /** A table name as written unquoted, with {@code *} and {@code ?} wildcards. */
  private static final Pattern TABLE_PATTERN = Pattern.compile("[\\p{L}\\p{N}_$*?]+");

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ConfigLoader() {}

  /**
   * Finds and reads the properties file, then merges it with the environment and the options.
   *
   * @param workingDir where relative option and environment paths resolve and where {@code
   *     migrate.properties} is looked for
   * @param configFile the {@code --config} option, or null; when given the file must exist
   * @param env the environment ({@code System.getenv()} in the CLI)
   * @param options values given on the command line
   */
  public static MigrateConfig load(
      Path workingDir, Path configFile, Map<String, String> env, Map<ConfigKey, String> options) {
    Path file = locate(workingDir, configFile, env);
    Map<ConfigKey, String> fileValues = file == null ? Map.of() : readFile(file);
    return merge(file, fileValues, env, options, workingDir);
  }

  /** The properties file to read, or null when there is none. */
  static Path locate(Path workingDir, Path configFile, Map<String, String> env) {
    if (configFile != null) {
      return existing(workingDir.resolve(configFile), "--config");
    }
    String fromEnv = blankToNull(env.get(CONFIG_VARIABLE));
    if (fromEnv != null) {
      return existing(workingDir.resolve(fromEnv), CONFIG_VARIABLE);
    }
    Path implicit = workingDir.resolve(FILE_NAME);
    return Files.isRegularFile(implicit) ? implicit.toAbsolutePath().normalize() : null;
  }

  private static Path existing(Path file, String source) {
    if (!Files.isRegularFile(file)) {
      throw MigrateException.badInput(
          "Configuration file " + file + " (given by " + source + ") does not exist");
    }
    return file.toAbsolutePath().normalize();
  }

  /** Reads a properties file; a key that is not a {@link ConfigKey} is an error naming it. */
  public static Map<ConfigKey, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw MigrateException.badInput("Cannot read configuration file " + file + ": " + e);
    }
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    for (String name : properties.stringPropertyNames().stream().sorted().toList()) {
      ConfigKey key =
          ConfigKey.fromProperty(name)
              .orElseThrow(
                  () ->
                      MigrateException.badInput(
                          "Unknown key '"
                              + name
                              + "' in configuration file "
                              + file
                              + "; known keys: "
                              + Arrays.stream(ConfigKey.values())
                                  .map(ConfigKey::property)
                                  .collect(Collectors.joining(", "))));
      values.put(key, properties.getProperty(name));
    }
    return values;
  }

  /**
   * Merges the three sources: options over environment over file.
   *
   * @param file the properties file the values came from, or null
   */
  public static MigrateConfig merge(
      Path file,
      Map<ConfigKey, String> fileValues,
      Map<String, String> env,
      Map<ConfigKey, String> options,
      Path workingDir) {
    Path cwd = workingDir.toAbsolutePath().normalize();
    Path fileDir = file == null ? cwd : file.toAbsolutePath().getParent();
    String fileName = file == null ? FILE_NAME : file.toString();
    Map<ConfigKey, Setting> settings = new EnumMap<>(ConfigKey.class);
    for (ConfigKey key : ConfigKey.values()) {
      Setting setting = null;
      String fromFile = "'" + key.property() + "' in " + fileName;
      String value = blankToNull(expand(fileValues.get(key), env, fromFile));
      if (value != null) {
        setting = new Setting(value, fileDir, fromFile);
      }
      value = blankToNull(env.get(key.environmentVariable()));
      if (value != null) {
        setting = new Setting(value, cwd, key.environmentVariable());
      }
      value = blankToNull(options.get(key));
      if (value != null) {
        setting = new Setting(value, cwd, key.option());
      }
      if (setting != null) {
        settings.put(key, setting);
      }
    }
    Setting revisions =
        settings.getOrDefault(
            ConfigKey.REVISIONS, new Setting(DEFAULT_REVISIONS, fileDir, "the default"));
    Optional<String> flywayDir = FlywayRevisions.directory(revisions.value());
    return new MigrateConfig(
        url(settings.get(ConfigKey.URL)),
        value(settings, ConfigKey.USER),
        value(settings, ConfigKey.PASSWORD),
        revisions.path(flywayDir.orElse(revisions.value())),
        flyway(flywayDir.isPresent(), settings.get(ConfigKey.FLYWAY_MISSING_UNDO), revisions),
        value(settings, ConfigKey.JAVA_PACKAGE),
        classpath(settings.get(ConfigKey.CLASSPATH)),
        tableName(settings.get(ConfigKey.VERSION_TABLE), "version table", DEFAULT_VERSION_TABLE),
        tableName(settings.get(ConfigKey.HISTORY_TABLE), "history table", DEFAULT_HISTORY_TABLE),
        Optional.ofNullable(file).map(f -> f.toAbsolutePath().normalize()),
        models(settings.get(ConfigKey.MODELS)),
        tablePatterns(settings.get(ConfigKey.INCLUDE_TABLES)),
        tablePatterns(settings.get(ConfigKey.EXCLUDE_TABLES)),
        verifySettings(settings));
  }

  /** What a Flyway version without an undo file means, when the revisions are Flyway's. */
  private static Optional<FlywayRevisions.MissingUndo> flyway(
      boolean isFlyway, Setting missingUndo, Setting revisions) {
    if (!isFlyway) {
      if (missingUndo != null) {
        throw MigrateException.badInput(
            ConfigKey.FLYWAY_MISSING_UNDO.property()
                + " is set ("
                + missingUndo.source()
                + "), but the revisions ("
                + revisions.source()
                + ") are not Flyway's; write revisions=flyway:<dir> or remove the setting");
      }
      return Optional.empty();
    }
    return Optional.of(
        missingUndo == null
            ? FlywayRevisions.MissingUndo.ERROR
            : FlywayRevisions.MissingUndo.of(missingUndo.value(), missingUndo.source()));
  }

  private static Map<ConfigKey, String> verifySettings(Map<ConfigKey, Setting> settings) {
    Map<ConfigKey, String> verify = new EnumMap<>(ConfigKey.class);
    settings.forEach(
        (key, setting) -> {
          if (key == ConfigKey.VERIFY_FIXTURES) {
            verify.put(key, setting.path(setting.value()).toString());
          } else if (key == ConfigKey.VERIFY_AGAINST_URL) {
            verify.put(key, SqliteUrl.resolve(setting.value(), setting.baseDir()));
          } else if (key.property().startsWith("verify.")) {
            verify.put(key, setting.value());
          }
        });
    return verify;
  }

  /** The URL, with a relative SQLite database file resolved like any other path. */
  private static String url(Setting setting) {
    return setting == null ? null : SqliteUrl.resolve(setting.value(), setting.baseDir());
  }

  /**
   * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in a value from the file with the
   * environment variable (the default when it is unset or empty); {@code $$} stands for one {@code
   * $}. An unset variable without a default is an error naming the key and the variable.
   */
  static String expand(String value, Map<String, String> env, String source) {
    if (value == null || value.indexOf('$') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c != '$' || i + 1 == value.length()) {
        out.append(c);
        i++;
      } else if (value.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (value.charAt(i + 1) == '{') {
        int close = value.indexOf('}', i);
        if (close < 0) {
          throw MigrateException.badInput(
              "Unclosed ${ in " + source + ": write ${NAME} or ${NAME:-default}");
        }
        out.append(reference(value.substring(i + 2, close), env, source));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String reference(String reference, Map<String, String> env, String source) {
    int dash = reference.indexOf(":-");
    String name = dash < 0 ? reference : reference.substring(0, dash);
    if (!VARIABLE_NAME.matcher(name).matches()) {
      throw MigrateException.badInput(
          "Malformed ${...} reference in "
              + source
              + ": write ${NAME} or ${NAME:-default}, NAME being letters, digits and '_' (write $$"
              + " for a literal $)");
    }
    String value = env.get(name);
    if (value != null && !value.isEmpty()) {
      return value;
    }
    if (dash >= 0) {
      return reference.substring(dash + 2);
    }
    if (value != null) {
      return value;
    }
    throw MigrateException.badInput(
        source
            + " refers to ${"
            + name
            + "}, but the environment variable "
            + name
            + " is not set; set it or give a default: ${"
            + name
            + ":-value}");
  }

  private static String tableName(Setting setting, String what, String defaultName) {
    if (setting == null) {
      return defaultName;
    }
    if (!Migrator.isValidTableName(setting.value())) {
      throw MigrateException.badInput(
          "Invalid "
              + what
              + " name '"
              + setting.value()
              + "' in "
              + setting.source()
              + ": "
              + Migrator.TABLE_NAME_RULE);
    }
    return setting.value();
  }

  /** Comma-separated table names or patterns ({@code audit_*}); empty when not set. */
  private static List<String> tablePatterns(Setting setting) {
    if (setting == null) {
      return List.of();
    }
    List<String> patterns = new ArrayList<>();
    for (String part : setting.value().split(",", -1)) {
      String pattern = part.trim();
      if (pattern.isEmpty()) {
        throw MigrateException.badInput(
            "Empty table pattern in "
                + setting.source()
                + ": give table names or patterns such as audit_*, separated by commas");
      }
      if (!TABLE_PATTERN.matcher(pattern).matches()) {
        throw MigrateException.badInput(
            "Invalid table pattern '"
                + pattern
                + "' in "
                + setting.source()
                + ": use letters, digits, '_' and '$', with '*' for any run of characters and"
                + " '?' for one; separate patterns with commas");
      }
      patterns.add(pattern);
    }
    return patterns;
  }

  /**
   * {@code jpa:}, {@code hibernate:} and {@code dsl:} values as given; anything else is a file path
   * made absolute.
   */
  private static String models(Setting setting) {
    if (setting == null) {
      return null;
    }
    String value = setting.value();
    if (value.startsWith("jpa:") || value.startsWith("hibernate:") || value.startsWith("dsl:")) {
      return value;
    }
    return setting.path(value).toString();
  }

  private static List<Path> classpath(Setting setting) {
    if (setting == null) {
      return List.of();
    }
    List<Path> entries = new ArrayList<>();
    for (String entry : setting.value().split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(setting.path(entry.trim()));
      }
    }
    return entries;
  }

  private static String value(Map<ConfigKey, Setting> settings, ConfigKey key) {
    Setting setting = settings.get(key);
    return setting == null ? null : setting.value();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /**
   * A value, the directory its relative paths resolve against, and where it came from for messages
   * ({@code --url}, {@code MIGRATE_URL} or {@code 'url' in FILE}).
   */
  private record Setting(String value, Path baseDir, String source) {
    Path path(String text) {
      return baseDir.resolve(text).toAbsolutePath().normalize();
    }
  }
}
