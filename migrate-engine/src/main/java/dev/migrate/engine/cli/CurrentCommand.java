package dev.migrate.engine.cli;

import dev.migrate.engine.dialect.Urls;
import dev.migrate.engine.revision.RevisionGraph;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "current",
    mixinStandardHelpOptions = true,
    description =
        "Show the revisions the database is at, one per line: <rev> (head) (branchpoint)"
            + " (mergepoint). Prints nothing for an empty database.")
final class CurrentCommand extends MigrateCommand {
  @Option(
      names = {"-v", "--verbose"},
      description = "Print the database URL (password hidden) and each revision in full.")
  boolean verbose;

  @Override
  boolean needsDatabase() {
    return true;
  }

  @Override
  int execute() {
    RevisionGraph graph = graph();
    List<String> rows = currentRows();
    if (verbose) {
      out().println("Current revision(s) for " + Urls.mask(config().url()) + ":");
    }
    RevisionFormat format = format();
    for (String id : graph.current(rows)) {
      out().println(format.format(id, verbose, RevisionFormat.Line.CURRENT));
    }
    return 0;
  }
}
