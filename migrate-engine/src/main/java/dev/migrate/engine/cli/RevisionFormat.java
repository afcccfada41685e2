package dev.migrate.engine.cli;

import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import java.util.List;
import java.util.Set;

/**
 * Renders revisions the way Alembic's commands print them [contract: alembic-semantics §6]: the
 * one-line form ({@code <down> -> <rev> (labels) (head), message}) and the verbose entry ({@code
 * Rev: ...}, {@code Parent: ...}, {@code Path: ...}, the message indented).
 */
final class RevisionFormat {
  private final RevisionGraph graph;
  private final Set<String> current;

  /**
   * @param current revisions to mark {@code (current)}; empty when not asked for
   */
  RevisionFormat(RevisionGraph graph, Set<String> current) {
    this.graph = graph;
    this.current = current;
  }

  /** What to include in a one-line form. */
  record Line(
      boolean parents,
      boolean branches,
      boolean doc,
      boolean headIndicators,
      boolean treeIndicators) {
    /** {@code history}: everything. */
    static final Line HISTORY = new Line(true, true, true, true, true);

    /** {@code current}: the id with head and tree markers. */
    static final Line CURRENT = new Line(false, false, false, true, true);

    /** {@code heads}: the id, labels and head markers. */
    static final Line HEADS = new Line(false, true, false, true, false);

    /** {@code branches}: the id, labels and every marker. */
    static final Line BRANCHES = new Line(false, true, false, true, true);

    Line withDoc(boolean doc) {
      return new Line(parents, branches, doc, headIndicators, treeIndicators);
    }
  }

  /** The verbose entry when {@code verbose}, else the one-line form. */
  String format(String id, boolean verbose, Line line) {
    return verbose ? entry(id) : line(id, line);
  }

  String line(String id, Line line) {
    RevisionScript script = graph.get(id);
    StringBuilder text = new StringBuilder();
    if (line.parents()) {
      text.append(downRevisions(script));
      if (!script.dependsOn().isEmpty()) {
        text.append(" (").append(String.join(", ", script.dependsOn())).append(')');
      }
      text.append(" -> ");
    }
    text.append(id);
    List<String> labels = graph.branchLabels(id);
    if (line.branches() && !labels.isEmpty()) {
      text.append(" (").append(String.join(", ", labels)).append(')');
    }
    if (line.headIndicators() || line.treeIndicators()) {
      if (graph.isEffectiveHead(id)) {
        text.append(" (effective head)");
      } else if (graph.isHead(id)) {
        text.append(" (head)");
      }
      if (current.contains(id)) {
        text.append(" (current)");
      }
    }
    if (line.treeIndicators()) {
      if (graph.isBranchPoint(id)) {
        text.append(" (branchpoint)");
      }
      if (graph.isMergePoint(id)) {
        text.append(" (mergepoint)");
      }
    }
    if (line.doc()) {
      text.append(", ").append(script.message());
    }
    return text.toString();
  }

  /**
   * The verbose entry, ending with a blank line: {@code Rev:}, {@code Parent:} or {@code Merges:},
   * {@code Also depends on:}, {@code Branches into:}, {@code Branch names:}, {@code Path:}, then
   * the message indented by four spaces.
   */
  String entry(String id) {
    RevisionScript script = graph.get(id);
    StringBuilder text = new StringBuilder("Rev: ").append(id);
    if (graph.isHead(id)) {
      text.append(" (head)");
    }
    if (graph.isBranchPoint(id)) {
      text.append(" (branchpoint)");
    }
    if (graph.isMergePoint(id)) {
      text.append(" (mergepoint)");
    }
    if (current.contains(id)) {
      text.append(" (current)");
    }
    text.append('\n');
    text.append(graph.isMergePoint(id) ? "Merges: " : "Parent: ")
        .append(downRevisions(script))
        .append('\n');
    if (!script.dependsOn().isEmpty()) {
      text.append("Also depends on: ").append(String.join(", ", script.dependsOn())).append('\n');
    }
    if (graph.isBranchPoint(id)) {
      text.append("Branches into: ").append(String.join(", ", graph.children(id))).append('\n');
    }
    List<String> labels = graph.branchLabels(id);
    if (!labels.isEmpty()) {
      text.append("Branch names: ").append(String.join(", ", labels)).append('\n');
    }
    text.append("Path: ").append(script.origin()).append('\n');
    text.append('\n');
    for (String docLine : script.message().split("\n", -1)) {
      text.append("    ").append(docLine).append('\n');
    }
    return text.toString();
  }

  private static String downRevisions(RevisionScript script) {
    return script.downRevisions().isEmpty() ? "<base>" : String.join(", ", script.downRevisions());
  }
}
