package dev.migrate.engine.cli;

import dev.migrate.engine.diff.SchemaDiff;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which tables a comparison with the models looks at, for tables the models do not own. */
final class TableFilters {
  @Option(
      names = "--include-table",
      paramLabel = "PATTERN",
      description =
          "Compare only tables matching this name pattern ('*' any run, '?' one character,"
              + " case-insensitive); repeatable. Default: every table.")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude-table",
      paramLabel = "PATTERN",
      description =
          "Leave tables matching this name pattern out of the comparison, e.g. 'audit_*';"
              + " repeatable.")
  List<String> exclude = new ArrayList<>();

  SchemaDiff.Options options() {
    return new SchemaDiff.Options(include, exclude);
  }
}
