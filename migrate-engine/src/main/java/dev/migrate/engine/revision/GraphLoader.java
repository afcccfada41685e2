package dev.migrate.engine.revision;

import dev.migrate.engine.MigrateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/** Builds and validates the nodes of a graph from revisions in file order. */
final class GraphLoader {
  private static final String ILLEGAL_ID_CHARS = "@-+:";
  private static final Set<String> RESERVED_IDS = Set.of("head", "heads", "base", "current");

  final Map<String, Node> nodes = new LinkedHashMap<>();
  final Map<String, Node> labels = new LinkedHashMap<>();
  private final Traversal traversal = new Traversal(nodes);

  static GraphLoader load(List<RevisionScript> scripts) {
    GraphLoader loader = new GraphLoader();
    loader.addNodes(scripts);
    loader.mapLabels();
    loader.resolveDependencies();
    loader.linkChildren();
    loader.normalizeDependencies();
    loader.detectCycles();
    loader.propagateLabels();
    return loader;
  }

  private void addNodes(List<RevisionScript> scripts) {
    for (RevisionScript script : scripts) {
      String id = script.id();
      if (id.isBlank() || !id.strip().equals(id) || id.chars().anyMatch(Character::isWhitespace)) {
        throw MigrateException.badInput(
            "Revision identifier '"
                + id
                + "' in "
                + script.origin()
                + " is empty or contains whitespace; use letters, digits and underscores");
      }
      Set<Character> illegal = new TreeSet<>();
      for (char c : id.toCharArray()) {
        if (ILLEGAL_ID_CHARS.indexOf(c) >= 0) {
          illegal.add(c);
        }
      }
      if (!illegal.isEmpty()) {
        List<String> chars = illegal.stream().map(String::valueOf).toList();
        throw MigrateException.badInput(
            "Character(s) '"
                + String.join(", ", chars)
                + "' not allowed in revision identifier '"
                + id
                + "' in "
                + script.origin()
                + "; revision ids may not contain @ - + :");
      }
      if (script.downRevisions().contains(id)) {
        throw MigrateException.badInput(
            "Self-loop is detected in revisions ("
                + id
                + "): "
                + script.origin()
                + " names its own id among the revisions it revises");
      }
      if (script.dependsOn().contains(id)) {
        throw MigrateException.badInput(
            "Dependency self-loop is detected in revisions ("
                + id
                + "): "
                + script.origin()
                + " depends on itself");
      }
      if (RESERVED_IDS.contains(id)) {
        throw MigrateException.badInput(
            "Revision identifier '"
                + id
                + "' in "
                + script.origin()
                + " is a reserved word (head, heads, base, current) that targets give another"
                + " meaning; give the revision another id");
      }
      Node previous = nodes.get(id);
      if (previous != null) {
        throw MigrateException.badInput(
            "Revision "
                + id
                + " is present more than once: in "
                + previous.script.origin()
                + " and in "
                + script.origin()
                + "; give one of them a new id (migrate revision generates fresh ones)");
      }
      nodes.put(id, new Node(script, nodes.size()));
    }
  }

  private void mapLabels() {
    for (Node node : nodes.values()) {
      for (String label : node.script.branchLabels()) {
        if (label.isBlank()
            || label.contains("@")
            || label.contains(":")
            || label.chars().anyMatch(Character::isWhitespace)) {
          throw MigrateException.badInput(
              "Branch label '"
                  + label
                  + "' of revision "
                  + node.id
                  + " ("
                  + node.script.origin()
                  + ") is empty or contains '@', ':' or whitespace; choose another label");
        }
        Node owner = nodes.containsKey(label) ? nodes.get(label) : labels.get(label);
        if (owner != null) {
          throw MigrateException.badInput(
              "Branch name '"
                  + label
                  + "' in revision "
                  + node.id
                  + " ("
                  + node.script.origin()
                  + ") already used by revision "
                  + owner.id
                  + " ("
                  + owner.script.origin()
                  + "); branch labels must be unique and differ from revision ids");
        }
        labels.put(label, node);
      }
    }
  }

  private void resolveDependencies() {
    for (Node node : nodes.values()) {
      Set<String> resolved = new LinkedHashSet<>();
      for (String dependency : node.script.dependsOn()) {
        Node target =
            nodes.containsKey(dependency) ? nodes.get(dependency) : labels.get(dependency);
        if (target == null) {
          throw MigrateException.badInput(
              "Revision "
                  + node.id
                  + " ("
                  + node.script.origin()
                  + ") depends on '"
                  + dependency
                  + "', which is neither a revision id nor a branch label; correct its depends-on");
        }
        if (target == node) {
          throw MigrateException.badInput(
              "Dependency self-loop is detected in revisions ("
                  + node.id
                  + "): "
                  + node.script.origin()
                  + " depends on its own branch label '"
                  + dependency
                  + "'");
        }
        resolved.add(target.id);
      }
      node.resolvedDeps = List.copyOf(resolved);
    }
  }

  private void linkChildren() {
    for (Node node : nodes.values()) {
      for (String down : node.allDown()) {
        Node parent = nodes.get(down);
        if (parent == null) {
          throw MigrateException.badInput(
              "Revision "
                  + down
                  + " referenced from "
                  + node.id
                  + " ("
                  + node.script.origin()
                  + ") is not present; add the missing revision or correct what "
                  + node.id
                  + " revises");
        }
        parent.allNextrev.add(node.id);
        if (node.down.contains(down)) {
          parent.nextrev.add(node.id);
        }
      }
    }
  }

  private void normalizeDependencies() {
    for (Node node : nodes.values()) {
      if (node.resolvedDeps.isEmpty()) {
        continue;
      }
      Set<String> normalized = new LinkedHashSet<>(node.resolvedDeps);
      for (String ancestor : traversal.ancestors(List.of(node.id), false)) {
        if (!ancestor.equals(node.id)) {
          normalized.removeAll(nodes.get(ancestor).resolvedDeps);
        }
      }
      node.normalizedDeps = List.copyOf(normalized);
    }
  }

  private void detectCycles() {
    if (nodes.isEmpty()) {
      return;
    }
    List<String> heads = select(Node::isHead);
    List<String> bases = select(Node::isBase);
    checkCycles("Cycle", heads, bases, n -> n.down, n -> n.nextrev);
    List<String> realHeads = select(Node::isRealHead);
    List<String> realBases = select(Node::isRealBase);
    checkCycles("Dependency cycle", realHeads, realBases, Node::allDown, n -> n.allNextrev);
  }

  private void checkCycles(
      String kind,
      List<String> heads,
      List<String> bases,
      Function<Node, Collection<String>> downEdges,
      Function<Node, Collection<String>> upEdges) {
    Collection<String> broken;
    if (heads.isEmpty() || bases.isEmpty()) {
      broken = nodes.keySet();
    } else {
      Set<String> space = new LinkedHashSet<>(traversal.related(heads, downEdges));
      space.retainAll(traversal.related(bases, upEdges));
      broken = new TreeSet<>(nodes.keySet());
      broken.removeAll(space);
    }
    if (!broken.isEmpty()) {
      throw MigrateException.badInput(
          kind
              + " is detected in revisions ("
              + String.join(", ", broken.stream().map(this::withOrigin).toList())
              + "); each of them is its own ancestor or descends from one that is: fix what they"
              + (kind.equals("Cycle") ? " revise" : " revise or depend on"));
    }
  }

  private String withOrigin(String id) {
    String origin = nodes.get(id).script.origin();
    return origin.equals(id) ? id : id + " in " + origin;
  }

  private List<String> select(Predicate<Node> test) {
    return nodes.values().stream().filter(test).map(n -> n.id).toList();
  }

  /**
   * A label applies to its revision, every versioned descendant, and the ancestors below the last
   * descendant visited until a real branch point or merge point (Alembic's {@code _add_branches}).
   */
  private void propagateLabels() {
    for (Node node : nodes.values()) {
      if (node.script.branchLabels().isEmpty()) {
        continue;
      }
      List<String> toAdd = new ArrayList<>(node.labels);
      String last = node.id;
      for (String descendant : traversal.descendants(List.of(node.id), false)) {
        nodes.get(descendant).labels.addAll(toAdd);
        last = descendant;
      }
      Node parent = nodes.get(last);
      while (parent != null && !parent.isRealBranchPoint() && !parent.isMergePoint()) {
        parent.labels.addAll(toAdd);
        parent = parent.down.isEmpty() ? null : nodes.get(parent.down.get(0));
      }
    }
  }
}
