package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.config.ConfigKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which tables a comparison with the models looks at, for tables the models do not own. Given, an
 * option replaces the configured {@code include_tables} / {@code exclude_tables}.
 */
final class TableFilters {
  @Option(
      names = "--include-table",
      paramLabel = "PATTERN",
      description =
          "Compare only tables matching this name pattern ('*' any run, '?' one character,"
              + " case-insensitive); repeatable, or separated by commas. Default: every table"
              + " (key include_tables, env MIGRATE_INCLUDE_TABLES).")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude-table",
      paramLabel = "PATTERN",
      description =
          "Leave tables matching this name pattern out of the comparison, e.g. 'audit_*';"
              + " repeatable, or separated by commas (key exclude_tables, env"
              + " MIGRATE_EXCLUDE_TABLES).")
  List<String> exclude = new ArrayList<>();

  /** The options given, as comma-separated configuration values. */
  Map<ConfigKey, String> values() {
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    requireNoEmptyPattern(include, ConfigKey.INCLUDE_TABLES);
    requireNoEmptyPattern(exclude, ConfigKey.EXCLUDE_TABLES);
    if (!include.isEmpty()) {
      values.put(ConfigKey.INCLUDE_TABLES, String.join(",", include));
    }
    if (!exclude.isEmpty()) {
      values.put(ConfigKey.EXCLUDE_TABLES, String.join(",", exclude));
    }
    return values;
  }

  /** An empty option value would read as "not given" once joined; it is an error instead. */
  private static void requireNoEmptyPattern(List<String> patterns, ConfigKey key) {
    if (patterns.stream().anyMatch(String::isBlank)) {
      throw MigrateException.badInput(
          "Empty table pattern in "
              + key.option()
              + ": give table names or patterns such as audit_*, or leave the option out");
    }
  }
}
