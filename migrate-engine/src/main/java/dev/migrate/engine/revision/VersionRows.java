package dev.migrate.engine.revision;

import dev.migrate.engine.MigrateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Simulates the version table step by step (Alembic's {@code HeadMaintainer}) to tell the runtime
 * which rows each step inserts, deletes or updates, and plans stamps ({@code _stamp_revs}).
 */
final class VersionRows {
  private final RevisionGraph graph;
  private final Traversal traversal;
  private final Set<String> rows = new LinkedHashSet<>();
  private List<VersionChange> changes = new ArrayList<>();

  VersionRows(RevisionGraph graph) {
    this.graph = graph;
    this.traversal = graph.traversal();
  }

  /** Steps for {@code order}, each with its row changes, starting from {@code initialRows}. */
  List<MigrationStep> steps(Collection<String> initialRows, List<String> order, Direction dir) {
    rows.addAll(initialRows);
    List<MigrationStep> steps = new ArrayList<>();
    for (String id : order) {
      Node node = graph.node(id);
      changes = new ArrayList<>();
      if (dir == Direction.UPGRADE) {
        upgrade(node);
        steps.add(new MigrationStep(node.script, dir, node.down, List.of(id), changes));
      } else {
        downgrade(node);
        steps.add(new MigrationStep(node.script, dir, List.of(id), node.down, changes));
      }
    }
    return steps;
  }

  /**
   * The step's down revisions (parents and normalized dependencies) without those that are
   * ancestors of another one: a dependency on an ancestor never holds a row of its own. Alembic
   * keeps them and then fails to delete or update a row that is not there.
   */
  private List<String> down(Node node) {
    List<String> down = node.normalizedDown();
    if (down.size() < 2) {
      return down;
    }
    List<String> result = new ArrayList<>();
    for (String candidate : down) {
      boolean implied = false;
      for (String other : down) {
        if (!other.equals(candidate)
            && traversal.ancestors(List.of(other), true).contains(candidate)) {
          implied = true;
          break;
        }
      }
      if (!implied) {
        result.add(candidate);
      }
    }
    return result;
  }

  private void upgrade(Node node) {
    List<String> down = down(node);
    List<String> present = down.stream().filter(rows::contains).toList();
    if (present.isEmpty()) {
      insert(node.id);
    } else if (down.size() > 1 && present.size() > 1) {
      Set<String> others = new LinkedHashSet<>(rows);
      others.removeAll(down);
      List<String> from = new ArrayList<>(down);
      if (!others.isEmpty()) {
        from.removeAll(traversal.ancestors(others, true));
      }
      for (String merged : from.subList(0, from.size() - 1)) {
        delete(merged);
      }
      update(from.get(from.size() - 1), node.id);
    } else {
      update(down.size() == 1 ? down.get(0) : single(node, present), node.id);
    }
  }

  private void downgrade(Node node) {
    List<String> down = down(node);
    boolean present = rows.contains(node.id);
    if (present && (down.isEmpty() || unmergeTargets(node).isEmpty())) {
      delete(node.id);
    } else if (present && down.size() > 1) {
      List<String> to = unmergeTargets(node);
      for (String restored : to.subList(0, to.size() - 1)) {
        insert(restored);
      }
      update(node.id, to.get(to.size() - 1));
    } else {
      List<String> present2 = down.stream().filter(rows::contains).toList();
      update(node.id, down.size() == 1 ? down.get(0) : single(node, present2));
    }
  }

  /** The parents that become rows again when {@code node} is removed from the rows. */
  private List<String> unmergeTargets(Node node) {
    List<String> down = down(node);
    Set<String> others = new LinkedHashSet<>(rows);
    others.remove(node.id);
    if (others.isEmpty() && down.size() == 1) {
      return down; // a lone parent is never its own strict ancestor
    }
    Set<String> implied = new LinkedHashSet<>();
    if (!others.isEmpty()) {
      implied.addAll(traversal.ancestors(others, true));
    } else {
      for (String parent : down) {
        Set<String> below = traversal.ancestors(List.of(parent), true);
        below.remove(parent);
        implied.addAll(below);
      }
    }
    List<String> to = new ArrayList<>(down);
    to.removeAll(implied);
    return to;
  }

  private String single(Node node, List<String> present) {
    if (present.size() != 1) {
      throw inconsistent("cannot tell which of " + down(node) + " to replace for " + node.id);
    }
    return present.get(0);
  }

  /** Version-table changes that set the rows to {@code targets} without running migrations. */
  List<VersionChange> stamp(List<String> initialRows, List<String> targets) {
    rows.addAll(initialRows);
    List<String> args = new ArrayList<>();
    for (String target : targets) {
      if (target != null && !target.isBlank()) {
        args.add(target.strip());
      }
    }
    if (args.isEmpty()) {
      args.add("base");
    }
    Set<String> filtered = new LinkedHashSet<>();
    List<String> dests = new ArrayList<>();
    for (String arg : args) {
      filtered.addAll(graph.filterForLineage(initialRows, arg, true));
      dests.addAll(graph.getRevisions(arg));
    }
    if (dests.isEmpty()) {
      for (String row : filtered) {
        stampStep(List.of(row), null, false, true);
      }
    }
    for (String dest : dests) {
      if (filtered.contains(dest)) {
        continue;
      }
      Set<String> above = traversal.descendants(List.of(dest), true);
      Set<String> below = traversal.ancestors(List.of(dest), true);
      boolean rowsAbove = filtered.stream().anyMatch(above::contains);
      boolean rowsBelow = filtered.stream().anyMatch(below::contains);
      if (rowsAbove && rowsBelow) {
        throw MigrateException.badInput(
            "Cannot stamp "
                + dest
                + ": current revisions "
                + String.join(", ", filtered)
                + " lie both above and below it on its branch; stamp with --purge to start over");
      }
      if (rowsAbove) {
        stampStep(List.copyOf(filtered), dest, false, false);
      } else if (rowsBelow) {
        stampStep(List.copyOf(filtered), dest, true, false);
      } else {
        stampStep(List.of(), dest, true, true);
      }
    }
    return changes;
  }

  /** Alembic's StampStep applied through the HeadMaintainer rules. */
  private void stampStep(List<String> from, String to, boolean upgrade, boolean branchMove) {
    if (!upgrade && branchMove) {
      delete(from.get(0));
    } else if (upgrade
        && (branchMove || !rows.containsAll(from))
        && to != null
        && !rows.contains(to)) {
      insert(to);
    } else if (from.size() > 1) {
      for (String merged : from.subList(0, from.size() - 1)) {
        delete(merged);
      }
      update(from.get(from.size() - 1), to);
    } else if (from.size() == 1 && to != null) {
      update(from.get(0), to);
    }
    // else: the target row is already present; nothing to do
  }

  private void insert(String id) {
    if (!rows.add(id)) {
      throw inconsistent("row " + id + " would be inserted twice");
    }
    changes.add(new VersionChange.Insert(id));
  }

  private void delete(String id) {
    if (!rows.remove(id)) {
      throw inconsistent("row " + id + " to delete is not present");
    }
    changes.add(new VersionChange.Delete(id));
  }

  private void update(String from, String to) {
    if (!rows.contains(from) || rows.contains(to)) {
      throw inconsistent("cannot update row " + from + " to " + to);
    }
    // keep the row's position so that row order stays stable for callers
    List<String> ordered = new ArrayList<>(rows);
    ordered.set(ordered.indexOf(from), to);
    rows.clear();
    rows.addAll(ordered);
    changes.add(new VersionChange.Update(from, to));
  }

  private MigrateException inconsistent(String detail) {
    return MigrateException.badInput(
        "The version table rows do not fit the revision graph: "
            + detail
            + " (rows: "
            + String.join(", ", rows)
            + "); check them with `migrate current` and fix them with `migrate stamp`");
  }
}
