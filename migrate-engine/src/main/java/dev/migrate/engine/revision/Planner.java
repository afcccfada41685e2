package dev.migrate.engine.revision;

import dev.migrate.engine.MigrateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which revisions an upgrade, downgrade or history range covers, and in which order (Alembic's
 * {@code _collect_upgrade_revisions}, {@code _collect_downgrade_revisions}, {@code
 * iterate_revisions}).
 */
final class Planner {
  private static final String ROWS_OVERLAP =
      "the version table should hold only branch tips: reset it with `migrate stamp --purge"
          + " <rev>...`";

  private final RevisionGraph graph;
  private final Traversal traversal;

  Planner(RevisionGraph graph) {
    this.graph = graph;
    this.traversal = graph.traversal();
  }

  List<MigrationStep> upgrade(List<String> rows, String target) {
    if (target.equals("current")) {
      return List.of();
    }
    List<String> targets = graph.targets().parseUpgradeTarget(rows, target, true);
    traversal.checkOverlap(targets, false, true);
    Set<String> needs = traversal.ancestors(targets, true);
    traversal.checkOverlap(rows, false, true, ROWS_OVERLAP);
    needs.removeAll(traversal.ancestors(rows, true));
    List<String> order = new ArrayList<>(traversal.topologicalSort(needs, targets));
    Collections.reverse(order);
    return new VersionRows(graph).steps(rows, order, Direction.UPGRADE);
  }

  List<MigrationStep> downgrade(List<String> rows, String target) {
    if (target.equals("current")) {
      return List.of();
    }
    Targets.DowngradeTarget parsed = graph.targets().parseDowngradeTarget(rows, target, true);
    List<String> roots;
    if (parsed.revision() == null) {
      roots = graph.bases();
    } else {
      roots = List.copyOf(graph.node(parsed.revision()).nextrev);
    }
    if (parsed.branch() != null && roots.size() > 1) {
      String branchRevision = graph.resolveBranch(parsed.branch());
      Set<String> onBranch = traversal.ancestors(List.of(branchRevision), false);
      roots = roots.stream().filter(onBranch::contains).toList();
      if (roots.isEmpty()) {
        throw MigrateException.badInput(
            "Destination "
                + target
                + " is not a valid downgrade target from current heads: nothing above it is on"
                + " branch '"
                + parsed.branch()
                + "'");
      }
    }
    Set<String> drop = traversal.descendants(roots, true);
    Set<String> active = traversal.ancestors(rows, true);
    drop.retainAll(active);
    // Alembic also rejects an applied target with no children (an effective head, implied by a
    // dependent's row): nothing is above it to drop, so that is a no-op here.
    boolean appliedLeaf = roots.isEmpty() && active.contains(parsed.revision());
    if (parsed.revision() != null
        && drop.isEmpty()
        && !rows.contains(parsed.revision())
        && !appliedLeaf) {
      throw MigrateException.badInput(
          "Destination "
              + target
              + " is not a valid downgrade target from current head(s) ("
              + (rows.isEmpty() ? "none" : String.join(", ", rows))
              + "); it is not an ancestor of a current revision");
    }
    List<String> order = traversal.topologicalSort(drop, rows);
    return new VersionRows(graph).steps(rows, order, Direction.DOWNGRADE);
  }

  /** The one step that applies or undoes {@code id} alone from {@code rows}. */
  MigrationStep single(List<String> rows, String id, Direction direction) {
    traversal.checkOverlap(rows, false, true, ROWS_OVERLAP);
    Set<String> applied = traversal.ancestors(rows, true);
    if (direction == Direction.UPGRADE) {
      if (applied.contains(id)) {
        throw MigrateException.badInput(
            "Revision " + id + " is already applied (current: " + String.join(", ", rows) + ")");
      }
      List<String> missing =
          graph.node(id).normalizedDown().stream().filter(r -> !applied.contains(r)).toList();
      if (!missing.isEmpty()) {
        throw notAlone(id, "applied", missing, "below it", "not applied", "apply");
      }
    } else {
      if (!applied.contains(id)) {
        throw MigrateException.badInput(
            "Revision "
                + id
                + " is not applied (current: "
                + (rows.isEmpty() ? "none" : String.join(", ", rows))
                + "); nothing to undo");
      }
      Set<String> above = traversal.descendants(List.of(id), true);
      above.remove(id);
      above.retainAll(applied);
      if (!above.isEmpty()) {
        throw notAlone(id, "undone", above, "above it", "applied", "undo");
      }
    }
    return new VersionRows(graph).steps(rows, List.of(id), direction).get(0);
  }

  private static MigrateException notAlone(
      String id,
      String done,
      Collection<String> blocking,
      String where,
      String state,
      String verb) {
    boolean one = blocking.size() == 1;
    return MigrateException.badInput(
        "Revision "
            + id
            + " cannot be "
            + done
            + " alone: "
            + String.join(", ", blocking)
            + " "
            + where
            + (one ? " is " : " are ")
            + state
            + "; "
            + verb
            + (one ? " it" : " them")
            + " first");
  }

  /** Revision ids of a history range, newest first. */
  List<String> history(String range, Collection<String> currentRows) {
    String start = "base";
    String end = "heads";
    if (range != null) {
      String trimmed = range.strip();
      int colon = trimmed.indexOf(':');
      if (colon < 0 || trimmed.indexOf(':', colon + 1) >= 0) {
        throw MigrateException.badInput(
            "History range requires [start]:[end], [start]:, or :[end] (got '" + range + "')");
      }
      if (colon > 0) {
        start = trimmed.substring(0, colon);
      }
      if (colon < trimmed.length() - 1) {
        end = trimmed.substring(colon + 1);
      }
    }
    boolean needsRows = start.equals("current") || end.equals("current");
    List<String> rows = needsRows ? graph.checkRows(currentRows) : List.of();

    List<String> lower = start.equals("current") ? rows : historyLower(start);
    List<String> targets =
        end.equals("current") ? rows : graph.targets().parseUpgradeTarget(lower, end, false);
    int at = start.indexOf('@');
    if (!start.equals("current") && at > 0) {
      String label = branchLabelOf(start.substring(0, at));
      targets = targets.stream().filter(t -> graph.node(t).labels.contains(label)).toList();
    }
    traversal.checkOverlap(targets, false, true);
    Set<String> needs = traversal.ancestors(targets, true);
    for (String revision : lower) {
      if (!needs.contains(revision)) {
        throw MigrateException.badInput(
            "Requested range "
                + start
                + ":"
                + end
                + " does not refer to ancestor/descendant revisions along the same branch");
      }
    }
    traversal.checkOverlap(lower, false, true);
    Set<String> below = traversal.ancestors(lower, true);
    below.removeAll(lower);
    needs.removeAll(below);
    if (!lower.isEmpty()) {
      traversal.checkOverlap(lower, true, false);
      needs.retainAll(traversal.descendants(lower, false));
    }
    return traversal.topologicalSort(needs, targets);
  }

  /** The start of a history range; a relative start that walks below base means base. */
  private List<String> historyLower(String start) {
    try {
      return graph.getRevisions(start);
    } catch (MigrateException e) {
      if (start.matches("^(?:.+?@)?-\\d+$")) {
        return List.of();
      }
      throw e;
    }
  }

  /** The label in {@code <label>@base}; a revision id given there stands for its one label. */
  private String branchLabelOf(String branch) {
    String revision = graph.getRevision(branch);
    if (revision != null && revision.equals(branch)) {
      Set<String> labels = new LinkedHashSet<>(graph.node(revision).labels);
      if (labels.size() != 1) {
        throw MigrateException.badInput(
            "Revision "
                + revision
                + " carries "
                + (labels.isEmpty() ? "no branch label" : "several branch labels " + labels)
                + "; name a branch label before '@'");
      }
      return labels.iterator().next();
    }
    return branch;
  }
}
