package dev.migrate.engine.cli;

import dev.migrate.engine.revision.RevisionGraph;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show revision REV in full: parents, dependencies, branches, file, message.")
final class ShowCommand extends MigrateCommand {
  @Parameters(
      index = "0",
      paramLabel = "REV",
      description =
          "An id or prefix, head, heads, <label>@head, or current (the database's revisions).")
  String revision;

  @Override
  boolean needsDatabase() {
    return revision.equals("current");
  }

  @Override
  int execute() {
    RevisionGraph graph = graph();
    List<String> ids;
    if (revision.equals("current")) {
      ids = currentRows();
      graph.current(ids); // an id no revision defines is an error that says how to fix it
    } else {
      ids = graph.resolveAll(revision);
    }
    RevisionFormat format = format();
    for (String id : ids) {
      out().println(format.entry(id));
    }
    return 0;
  }
}
