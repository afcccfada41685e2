package dev.migrate.engine.cli;

import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "branches",
    mixinStandardHelpOptions = true,
    description =
        "List the branch points, newest first, each followed by the revisions it branches into.")
final class BranchesCommand extends MigrateCommand {
  @Option(
      names = {"-v", "--verbose"},
      description = "Print each branch point in full and the children with their messages.")
  boolean verbose;

  @Override
  int execute() {
    RevisionGraph graph = graph();
    RevisionFormat format = format();
    String indent;
    for (RevisionScript script : graph.history(null, java.util.List.of())) {
      String id = script.id();
      if (!graph.isBranchPoint(id)) {
        continue;
      }
      out().println(format.format(id, verbose, RevisionFormat.Line.BRANCHES));
      indent = " ".repeat(id.length());
      for (String child : graph.children(id)) {
        out()
            .println(
                indent
                    + " -> "
                    + format.line(child, RevisionFormat.Line.BRANCHES.withDoc(verbose)));
      }
      out().println();
    }
    return 0;
  }
}
