package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description =
        "Create a merge revision whose parents are REVS (an SQL file with no statements).")
final class MergeCommand extends MigrateCommand {
  @Parameters(
      arity = "1..*",
      paramLabel = "REVS",
      description = "Revisions to merge: ids, prefixes, <label>@head, or heads for every head.")
  List<String> revisions;

  @Option(
      names = {"-m", "--message"},
      paramLabel = "MSG",
      description = "Message of the merge revision.")
  String message;

  @Option(
      names = "--branch-label",
      paramLabel = "L",
      description = "Branch label for the merge revision; repeatable.")
  List<String> branchLabels = new ArrayList<>();

  @Option(
      names = "--rev-id",
      paramLabel = "ID",
      description = "Id for the merge revision instead of a generated one.")
  String revId;

  @Option(names = "--splice", description = "Allow merging revisions that are not heads.")
  boolean splice;

  @Override
  boolean writesRevisions() {
    return true;
  }

  @Override
  int execute() {
    RevisionGraph graph = graph();
    List<String> parents = NewRevision.parents(graph, revisions, splice);
    if (parents.size() < 2) {
      throw MigrateException.badInput(
          "Nothing to merge: "
              + String.join(" ", revisions)
              + " resolves to "
              + (parents.isEmpty() ? "no revision" : "only " + parents.get(0))
              + "; name two or more revisions");
    }
    List<String> labels = NewRevision.branchLabels(graph, branchLabels);
    String id = NewRevision.id(graph, revId);
    String text = message == null ? NewRevision.DEFAULT_MESSAGE : message;
    Path written =
        RevisionWriter.writeSql(config().revisions(), id, text, parents, labels, List.of());
    out().println("Generating " + written.toAbsolutePath() + " ...  done");
    return 0;
  }
}
