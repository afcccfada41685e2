package dev.migrate.engine.cli;

import dev.migrate.engine.revision.RevisionScript;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "List revisions newest first: <down> -> <rev> (labels) (head), <message>.",
      "Needs the database only for -i or a range with 'current'."
    })
final class HistoryCommand extends MigrateCommand {
  @Option(
      names = {"-r", "--rev-range"},
      paramLabel = "[START]:[END]",
      description = "Range to list; START defaults to base, END to heads; either may be 'current'.")
  String range;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print each revision in full.")
  boolean verbose;

  @Option(
      names = {"-i", "--indicate-current"},
      description = "Mark the revisions the database is at with (current).")
  boolean indicateCurrent;

  @Override
  boolean needsDatabase() {
    return indicateCurrent || (range != null && range.contains("current"));
  }

  @Override
  int execute() {
    List<String> rows = needsDatabase() ? currentRows() : List.of();
    // an id no revision defines would otherwise just go unmarked
    graph().current(rows);
    RevisionFormat format = format(indicateCurrent ? rows : List.of());
    for (RevisionScript script : graph().history(range, rows)) {
      out().println(format.format(script.id(), verbose, RevisionFormat.Line.HISTORY));
    }
    return 0;
  }
}
