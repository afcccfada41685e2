package dev.migrate.engine.cli;

import dev.migrate.engine.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "heads",
    mixinStandardHelpOptions = true,
    description =
        "List the heads of the revision graph: <rev> (labels) (head), or (effective head) for a"
            + " revision that only dependencies build on.")
final class HeadsCommand extends MigrateCommand {
  @Option(
      names = {"-v", "--verbose"},
      description = "Print each head in full.")
  boolean verbose;

  @Option(
      names = "--resolve-dependencies",
      description = "List only real heads: revisions nothing builds on or depends on.")
  boolean resolveDependencies;

  @Override
  int execute() {
    RevisionGraph graph = graph();
    RevisionFormat format = format();
    for (String id : resolveDependencies ? graph.realHeads() : graph.heads()) {
      out().println(format.format(id, verbose, RevisionFormat.Line.HEADS));
    }
    return 0;
  }
}
