package dev.migrate.engine.revision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A revision inside the graph plus what the graph derives about it (children, labels, deps). */
final class Node {
  final RevisionScript script;
  final String id;
  final int order;

  /** Versioned parents (down revisions), deduplicated, in declaration order. */
  final List<String> down;

  /** depends_on resolved to revision ids, in declaration order. */
  List<String> resolvedDeps = List.of();

  /** resolvedDeps minus those already a dependency of a versioned ancestor. */
  List<String> normalizedDeps = List.of();

  /** Versioned children, in insertion order. */
  final Set<String> nextrev = new LinkedHashSet<>();

  /** Children including dependents, in insertion order. */
  final Set<String> allNextrev = new LinkedHashSet<>();

  /** Declared plus propagated branch labels. */
  final Set<String> labels = new LinkedHashSet<>();

  Node(RevisionScript script, int order) {
    this.script = script;
    this.id = script.id();
    this.order = order;
    this.down = List.copyOf(new LinkedHashSet<>(script.downRevisions()));
    this.labels.addAll(script.branchLabels());
  }

  /** Parents plus all resolved dependencies. */
  List<String> allDown() {
    return dedupe(down, resolvedDeps);
  }

  /** Parents plus the dependencies not implied by an ancestor: the edges traversal follows. */
  List<String> normalizedDown() {
    return dedupe(down, normalizedDeps);
  }

  boolean isHead() {
    return nextrev.isEmpty();
  }

  boolean isRealHead() {
    return allNextrev.isEmpty();
  }

  boolean isBase() {
    return down.isEmpty();
  }

  boolean isRealBase() {
    return down.isEmpty() && script.dependsOn().isEmpty();
  }

  boolean isBranchPoint() {
    return nextrev.size() > 1;
  }

  boolean isRealBranchPoint() {
    return allNextrev.size() > 1;
  }

  boolean isMergePoint() {
    return down.size() > 1;
  }

  private static List<String> dedupe(List<String> first, List<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return new ArrayList<>(all);
  }
}
