package dev.migrate.engine.cli;

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
    if (!include.isEmpty()) {
      values.put(ConfigKey.INCLUDE_TABLES, String.join(",", include));
    }
    if (!exclude.isEmpty()) {
      values.put(ConfigKey.EXCLUDE_TABLES, String.join(",", exclude));
    }
    return values;
  }
}
