package dev.migrate.engine.cli;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionIds;
import dev.migrate.engine.revision.RevisionScript;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks {@code revision} and {@code merge} make before writing a file, with Alembic's rules
 * and messages (alembic-semantics §6 "revision").
 */
final class NewRevision {
  static final String DEFAULT_MESSAGE = "empty message";

  private NewRevision() {}

  /**
   * The parents named by {@code specs} ({@code base}, {@code head}, {@code heads}, {@code
   * label@head}, ids and prefixes), in order.
   */
  static List<String> parents(RevisionGraph graph, List<String> specs, boolean splice) {
    List<String> parents = new ArrayList<>();
    for (String spec : specs) {
      if (spec.equals("base")) {
        continue;
      }
      if (spec.equals("head") && graph.heads().size() > 1) {
        throw MigrateException.badInput(
            "Multiple heads are present; please specify the head revision on which the new"
                + " revision should be based, or perform a merge. Heads: "
                + String.join(", ", graph.heads()));
      }
      parents.addAll(graph.resolveAll(spec));
    }
    if (new LinkedHashSet<>(parents).size() != parents.size()) {
      throw MigrateException.badInput(
          "Duplicate head revisions specified: " + String.join(", ", parents));
    }
    if (!splice) {
      for (String parent : parents) {
        if (!graph.isHead(parent)) {
          throw MigrateException.badInput(
              "Revision "
                  + parent
                  + " is not a head revision; please specify --splice to create a new branch from"
                  + " this revision");
        }
      }
    }
    return parents;
  }

  /** Each dependency as written: a branch label stays a label, an id or prefix becomes the id. */
  static List<String> dependsOn(RevisionGraph graph, List<String> given) {
    List<String> resolved = new ArrayList<>();
    for (String dependency : given) {
      if (declaredLabel(graph, dependency).isPresent()) {
        resolved.add(dependency);
        continue;
      }
      try {
        resolved.add(graph.resolve(dependency).id());
      } catch (MigrateException e) {
        throw MigrateException.badInput(
            "Can't locate revision identified by '"
                + dependency
                + "' (given by --depends-on): "
                + e.getMessage());
      }
    }
    return resolved;
  }

  /** The id to use: {@code --rev-id} checked for forbidden characters and clashes, or a new one. */
  static String id(RevisionGraph graph, String requested) {
    if (requested == null) {
      String id;
      do {
        id = RevisionIds.generate();
      } while (exists(graph, id));
      return id;
    }
    if (requested.isBlank() || requested.chars().anyMatch(Character::isWhitespace)) {
      throw MigrateException.badInput(
          "Revision id '" + requested + "' given by --rev-id must be a non-blank word");
    }
    Set<String> forbidden = new TreeSet<>();
    for (char c : requested.toCharArray()) {
      if ("@-+:".indexOf(c) >= 0) {
        forbidden.add(String.valueOf(c));
      }
    }
    if (!forbidden.isEmpty()) {
      throw MigrateException.badInput(
          "Character(s) '"
              + String.join(", ", forbidden)
              + "' not allowed in revision identifier '"
              + requested
              + "'");
    }
    if (exists(graph, requested)) {
      throw MigrateException.badInput(
          "Revision "
              + requested
              + " already exists in "
              + graph.get(requested).origin()
              + "; choose another --rev-id");
    }
    return requested;
  }

  /** Labels checked: one word each, not already declared by another revision. */
  static List<String> branchLabels(RevisionGraph graph, List<String> labels) {
    for (String label : labels) {
      if (label.isBlank()
          || label.chars().anyMatch(c -> Character.isWhitespace(c) || c == '@' || c == ':')) {
        throw MigrateException.badInput(
            "Branch label '" + label + "' must be one word without '@' or ':'");
      }
      Optional<RevisionScript> owner = declaredLabel(graph, label);
      if (owner.isPresent()) {
        throw MigrateException.badInput(
            "Branch name '"
                + label
                + "' is already used by revision "
                + owner.get().id()
                + " ("
                + owner.get().origin()
                + "); choose another --branch-label");
      }
      if (exists(graph, label)) {
        throw MigrateException.badInput(
            "Branch name '" + label + "' is the id of a revision; choose another --branch-label");
      }
    }
    return List.copyOf(labels);
  }

  private static boolean exists(RevisionGraph graph, String id) {
    return graph.revisions().stream().anyMatch(r -> r.id().equals(id));
  }

  private static Optional<RevisionScript> declaredLabel(RevisionGraph graph, String label) {
    return graph.revisions().stream().filter(r -> r.branchLabels().contains(label)).findFirst();
  }
}
