package dev.migrate.engine.revision;

import dev.migrate.engine.MigrateException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Walks over the graph's edges: ancestors, descendants, overlap checks, topological order. */
final class Traversal {
  private final Map<String, Node> nodes;

  Traversal(Map<String, Node> nodes) {
    this.nodes = nodes;
  }

  /**
   * Depth-first closure over {@code edges}, starts included, in the order Alembic's {@code
   * _iterate_related_revisions} yields them (a stack; edges pushed in their own order).
   */
  Set<String> related(Collection<String> starts, Function<Node, Collection<String>> edges) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String start : starts) {
      todo.push(start);
      while (!todo.isEmpty()) {
        String id = todo.pop();
        if (!seen.add(id)) {
          continue;
        }
        for (String next : edges.apply(nodes.get(id))) {
          todo.push(next);
        }
      }
    }
    return seen;
  }

  /** The revisions and all their ancestors, over parents (and dependencies if asked). */
  Set<String> ancestors(Collection<String> ids, boolean includeDependencies) {
    return related(ids, includeDependencies ? Node::normalizedDown : n -> n.down);
  }

  /** The revisions and all their descendants, over children (and dependents if asked). */
  Set<String> descendants(Collection<String> ids, boolean includeDependencies) {
    return related(ids, includeDependencies ? n -> n.allNextrev : n -> n.nextrev);
  }

  /**
   * Fails when one of {@code ids} lies among the ancestors (or descendants) of another: asking for
   * both a revision and its ancestor makes no sense.
   */
  void checkOverlap(List<String> ids, boolean upward, boolean includeDependencies) {
    checkOverlap(ids, upward, includeDependencies, "name only one of them");
  }

  void checkOverlap(
      List<String> ids, boolean upward, boolean includeDependencies, String whatToDo) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    for (String id : distinct) {
      Set<String> reach =
          upward
              ? descendants(List.of(id), includeDependencies)
              : ancestors(List.of(id), includeDependencies);
      List<String> overlaps = new ArrayList<>();
      for (String other : distinct) {
        if (!other.equals(id) && reach.contains(other)) {
          overlaps.add(other);
        }
      }
      if (!overlaps.isEmpty()) {
        throw MigrateException.badInput(
            "Requested revision "
                + id
                + " overlaps with other requested revisions "
                + String.join(", ", overlaps)
                + "; "
                + (upward ? "a descendant" : "an ancestor")
                + " of a requested revision is implied by it; "
                + whatToDo);
      }
    }
  }

  /**
   * Orders {@code revisions} newest first so that every revision comes before its parents and
   * dependencies, walking depth first from each of {@code heads} (sorted by insertion order) and
   * emitting an ancestor shared by several heads only after all of them (Alembic's {@code
   * _topological_sort}).
   */
  List<String> topologicalSort(Collection<String> revisions, Collection<String> heads) {
    Set<String> todo = new HashSet<>(revisions);
    List<String> output = new ArrayList<>();
    sortFrom(heads, todo, output);
    while (!todo.isEmpty()) {
      // Some revisions are not reachable from the heads through revisions of the set (history
      // ranges over dependencies); Alembic fails an assertion here. Continue from their tips.
      Set<String> tips = new LinkedHashSet<>(todo);
      for (String id : todo) {
        tips.removeAll(nodes.get(id).normalizedDown());
      }
      if (tips.isEmpty()) {
        throw new IllegalStateException("topological sort cannot order " + todo);
      }
      sortFrom(tips, todo, output);
    }
    return output;
  }

  private void sortFrom(Collection<String> heads, Set<String> todo, List<String> output) {
    List<String> current =
        new ArrayList<>(
            heads.stream()
                .filter(todo::contains)
                .distinct()
                .sorted(Comparator.comparingInt(id -> nodes.get(id).order))
                .toList());
    List<Set<String>> ancestorsByIndex = new ArrayList<>();
    for (String head : current) {
      ancestorsByIndex.add(ancestors(List.of(head), true));
    }
    int index = 0;
    long guard = 4L * (nodes.size() + 1) * (nodes.size() + 1) + 16;
    while (!current.isEmpty()) {
      if (guard-- < 0) {
        throw new IllegalStateException("topological sort did not terminate for " + heads);
      }
      String candidate = current.get(index);
      int blocker = -1;
      for (int other = 0; other < ancestorsByIndex.size(); other++) {
        if (other != index && ancestorsByIndex.get(other).contains(candidate)) {
          blocker = other;
          break;
        }
      }
      if (blocker >= 0) {
        // another branch still needs this revision: walk that branch down first
        index = blocker;
        continue;
      }
      if (todo.remove(candidate)) {
        output.add(candidate);
      }
      Node node = nodes.get(candidate);
      List<String> toAdd = new ArrayList<>();
      for (String down : node.normalizedDown()) {
        if (todo.contains(down) && !current.contains(down)) {
          toAdd.add(down);
        }
      }
      if (toAdd.isEmpty()) {
        current.remove(index);
        ancestorsByIndex.remove(index);
        index = Math.max(index - 1, 0);
      } else if (node.normalizedDeps.isEmpty() && node.down.size() == 1) {
        current.set(index, toAdd.get(0));
        ancestorsByIndex.get(index).remove(candidate);
      } else {
        current.set(index, toAdd.get(0));
        ancestorsByIndex.set(index, ancestors(List.of(toAdd.get(0)), true));
        for (String extra : toAdd.subList(1, toAdd.size())) {
          current.add(extra);
          ancestorsByIndex.add(ancestors(List.of(extra), true));
        }
      }
    }
  }
}
