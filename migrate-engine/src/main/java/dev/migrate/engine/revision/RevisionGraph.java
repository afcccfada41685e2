package dev.migrate.engine.revision;

import dev.migrate.engine.MigrateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The revisions of a project as a graph, with Alembic's semantics: heads, bases, branch labels,
 * dependencies, target resolution, and the steps of upgrade, downgrade and stamp. Immutable and
 * free of any database access. See the reference ({@code alembic-semantics.md} §1–§5);
 * AlembicVectorsTest compares it with Alembic on thousands of random cases.
 *
 * <p>Where Alembic only warns or crashes we differ, on purpose:
 *
 * <ul>
 *   <li>a duplicate id, a missing parent, an unknown dependency, a walk past the end, {@code
 *       downgrade -N} from several current rows: clear errors (Alembic warns, raises KeyError or an
 *       assertion, or guesses the first row);
 *   <li>a dependency on one of the revision's own ancestors never holds a version row (Alembic
 *       tries to delete or update a row that is not there, or leaves a redundant row);
 *   <li>history ranges whose start only dependents reach are still ordered (Alembic asserts);
 *   <li>{@code downgrade <branch>@head} resolves that branch's head (Alembic resolves a bare {@code
 *       head}, which fails with several heads); a downgrade to an applied revision without children
 *       (one that only dependents sit on) does nothing (Alembic rejects it);
 *   <li>an ambiguous prefix lists every candidate, not the first three;
 *   <li>an unknown branch label is an error in every target form, also with a single root (Alembic
 *       ignores it there, so {@code downgrade typo@base} undoes everything), and {@code base-N}
 *       walks too far instead of walking down from the heads.
 * </ul>
 */
public final class RevisionGraph {
  private static final Pattern NEGATIVE_INT = Pattern.compile("^\\s*-\\d+\\s*$");

  private final Map<String, Node> nodes;
  private final Map<String, Node> labels;
  private final List<String> keys;
  private final List<String> heads;
  private final List<String> realHeads;
  private final List<String> bases;
  private final Traversal traversal;
  private final Targets targets;
  private final Planner planner;

  private RevisionGraph(GraphLoader loader) {
    this.nodes = loader.nodes;
    this.labels = loader.labels;
    List<String> allKeys = new ArrayList<>(nodes.keySet());
    allKeys.addAll(labels.keySet());
    this.keys = List.copyOf(allKeys);
    this.heads = select(nodes.values(), Node::isHead);
    this.realHeads = select(nodes.values(), Node::isRealHead);
    this.bases = select(nodes.values(), Node::isBase);
    this.traversal = new Traversal(nodes);
    this.targets = new Targets(this);
    this.planner = new Planner(this);
  }

  /**
   * Builds the graph. The given order is the insertion order (revision files sorted by file name)
   * that breaks ties where the graph leaves the order open.
   *
   * @throws MigrateException (exit 2) for an illegal id, a duplicate id, a self-loop, a missing
   *     parent, an unknown dependency, a reused branch label or a cycle
   */
  public static RevisionGraph of(List<RevisionScript> scriptsInFileOrder) {
    return new RevisionGraph(GraphLoader.load(scriptsInFileOrder));
  }

  private static List<String> select(Collection<Node> nodes, Predicate<Node> p) {
    return nodes.stream().filter(p).map(n -> n.id).toList();
  }

  // ---- structure ------------------------------------------------------------------------------

  /** Every revision, in insertion order. */
  public List<RevisionScript> revisions() {
    return nodes.values().stream().map(n -> n.script).toList();
  }

  public Optional<RevisionScript> find(String exactId) {
    Node node = nodes.get(exactId);
    return node == null ? Optional.empty() : Optional.of(node.script);
  }

  /** The revision with exactly this id; an error naming it if there is none. */
  public RevisionScript get(String exactId) {
    return find(exactId).orElseThrow(() -> unknown(exactId));
  }

  /** Revisions with no versioned child, including effective heads, in insertion order. */
  public List<String> heads() {
    return heads;
  }

  /** Revisions with no child and no dependent: what the version table holds at {@code heads}. */
  public List<String> realHeads() {
    return realHeads;
  }

  /** Revisions with no parent (they may have dependencies), in insertion order. */
  public List<String> bases() {
    return bases;
  }

  /** Declared and propagated branch labels of a revision. */
  public List<String> branchLabels(String id) {
    return List.copyOf(node(id).labels);
  }

  /** Versioned children (revisions that revise this one), in insertion order. */
  public List<String> children(String id) {
    return List.copyOf(node(id).nextrev);
  }

  /** Revisions that depend on this one without revising it, in insertion order. */
  public List<String> dependents(String id) {
    Node node = node(id);
    List<String> result = new ArrayList<>(node.allNextrev);
    result.removeAll(node.nextrev);
    return result;
  }

  /** depends_on of a revision resolved to revision ids (labels replaced by their revision). */
  public List<String> resolvedDependencies(String id) {
    return node(id).resolvedDeps;
  }

  /** Parents plus the dependencies not already implied by an ancestor's dependencies. */
  public List<String> normalizedDownRevisions(String id) {
    return node(id).normalizedDown();
  }

  public boolean isHead(String id) {
    return node(id).isHead();
  }

  /** A head only because dependents, not children, are above it. */
  public boolean isEffectiveHead(String id) {
    Node node = node(id);
    return node.isHead() && !node.isRealHead();
  }

  public boolean isBranchPoint(String id) {
    return node(id).isBranchPoint();
  }

  public boolean isMergePoint(String id) {
    return node(id).isMergePoint();
  }

  /** The revision and all its ancestors over parents and dependencies. */
  public Set<String> ancestors(String id) {
    node(id);
    return traversal.ancestors(List.of(id), true);
  }

  /** The revision and all its descendants over children and dependents. */
  public Set<String> descendants(String id) {
    node(id);
    return traversal.descendants(List.of(id), true);
  }

  // ---- resolution -----------------------------------------------------------------------------

  /**
   * Exactly one revision for {@code identifier}: an id, a unique prefix, a branch label, {@code
   * head}, {@code label@head}, {@code rev@head}, {@code label@rev}, or {@code -N}/{@code label@-N}
   * (walked down from the heads).
   */
  public RevisionScript resolve(String identifier) {
    List<String> ids = resolveAll(identifier);
    if (ids.size() > 1) {
      throw multipleHeads(identifier, ids);
    }
    if (ids.isEmpty()) {
      throw MigrateException.badInput(
          "'" + identifier + "' names no revision (it means base); name a revision id or label");
    }
    return node(ids.get(0)).script;
  }

  /** Every revision {@code identifier} names ({@code heads} gives several, {@code base} none). */
  public List<String> resolveAll(String identifier) {
    return getRevisions(identifier);
  }

  /** The current rows plus the dependencies they imply, reduced to the tips of their branches. */
  public List<String> current(Collection<String> rows) {
    return allCurrent(checkRows(rows));
  }

  // ---- planning -------------------------------------------------------------------------------

  /** The steps that take the database from {@code currentRows} up to {@code target}. */
  public List<MigrationStep> upgrade(Collection<String> currentRows, String target) {
    return planner.upgrade(checkRows(currentRows), requireTarget(target));
  }

  /** The steps that take the database from {@code currentRows} down to {@code target}. */
  public List<MigrationStep> downgrade(Collection<String> currentRows, String target) {
    return planner.downgrade(checkRows(currentRows), requireTarget(target));
  }

  /**
   * Exactly one revision up from {@code currentRows}: the step that applies {@code revision} alone
   * (its parents and dependencies must be applied, it must not be), with its version-row changes.
   */
  public MigrationStep stepUp(Collection<String> currentRows, String revision) {
    return planner.single(checkRows(currentRows), resolve(revision).id(), Direction.UPGRADE);
  }

  /**
   * Exactly one revision down from {@code currentRows}: the step that undoes {@code revision} alone
   * (it must be applied, nothing applied may stand on it). A merge or branch-point revision can be
   * undone this way without touching the branches below it.
   */
  public MigrationStep stepDown(Collection<String> currentRows, String revision) {
    return planner.single(checkRows(currentRows), resolve(revision).id(), Direction.DOWNGRADE);
  }

  /**
   * The version-table changes that set the rows to {@code targets} without running migrations. With
   * {@code purge} every current row is deleted first (and unknown rows are allowed).
   */
  public List<VersionChange> stamp(
      Collection<String> currentRows, List<String> targets, boolean purge) {
    targets = targets.stream().map(RevisionGraph::requireTarget).toList();
    if (purge) {
      List<VersionChange> changes = new ArrayList<>();
      new LinkedHashSet<>(currentRows).forEach(id -> changes.add(new VersionChange.Delete(id)));
      changes.addAll(new VersionRows(this).stamp(List.of(), targets));
      return changes;
    }
    return new VersionRows(this).stamp(checkRows(currentRows), targets);
  }

  /**
   * Revisions of a history range {@code start:end} ({@code :end}, {@code start:}, or null for all),
   * newest first; {@code current} on either side stands for {@code currentRows}.
   */
  public List<RevisionScript> history(String range, Collection<String> currentRows) {
    return planner.history(range, currentRows).stream().map(id -> node(id).script).toList();
  }

  // ---- package internals ----------------------------------------------------------------------

  Node node(String id) {
    Node node = nodes.get(id);
    if (node == null) {
      throw unknown(id);
    }
    return node;
  }

  Traversal traversal() {
    return traversal;
  }

  Targets targets() {
    return targets;
  }

  private static String requireTarget(String target) {
    if (target == null || target.isBlank()) {
      throw MigrateException.badInput(
          "No target revision given; name one, e.g. 'head', 'heads', 'base', '+1' or a revision id");
    }
    return target.strip();
  }

  private MigrateException unknown(String id) {
    return MigrateException.badInput(
        "Can't locate revision identified by '" + id + "': no such revision");
  }

  /** Validates version rows: each must be the exact id of a known revision. */
  List<String> checkRows(Collection<String> rows) {
    List<String> result = new ArrayList<>();
    if (rows == null) {
      return result;
    }
    for (String row : new LinkedHashSet<>(rows)) {
      if (!nodes.containsKey(row)) {
        throw MigrateException.badInput(
            "The version table holds revision '"
                + row
                + "', which no revision file defines; restore that revision, or reset the table"
                + " with `migrate stamp --purge <rev>` naming the revision the database is at");
      }
      result.add(row);
    }
    return result;
  }

  static MigrateException multipleHeads(String argument, List<String> heads) {
    int at = argument.lastIndexOf('@');
    String symbol = at >= 0 ? argument.substring(at + 1) : argument;
    return MigrateException.badInput(
        "Multiple head revisions are present for given argument '"
            + argument
            + "'; please specify a specific target revision, '<branchname>@"
            + symbol
            + "' to narrow to a specific head, or 'heads' for all heads (heads: "
            + String.join(", ", heads)
            + ")");
  }

  /** Alembic's {@code _resolve_revision_number}: symbolic ids and the branch they name. */
  record Symbol(List<String> ids, String branch) {}

  Symbol resolveNumber(String identifier) {
    String branch = null;
    String rest = identifier;
    int at = identifier.indexOf('@');
    if (at >= 0) {
      branch = identifier.substring(0, at);
      rest = identifier.substring(at + 1);
      if (branch.isEmpty()) {
        branch = null;
      } else {
        // Alembic checks the branch only where several roots make it matter; a misspelt label
        // must never widen a downgrade to everything.
        resolveBranch(branch);
      }
    }
    return switch (rest) {
      case "heads" ->
          new Symbol(branch == null ? realHeads : filterForLineage(heads, branch, false), branch);
      case "head" -> {
        String head = currentHead(branch);
        yield new Symbol(head == null ? List.of() : List.of(head), branch);
      }
      case "base" -> new Symbol(List.of(), branch);
      default -> new Symbol(List.of(rest), branch);
    };
  }

  /** The single head (on {@code branch}'s lineage if given); null when there is none. */
  String currentHead(String branch) {
    List<String> candidates = branch == null ? heads : filterForLineage(heads, branch, false);
    if (candidates.size() > 1) {
      throw multipleHeads(branch == null ? "head" : branch + "@head", candidates);
    }
    return candidates.isEmpty() ? null : candidates.get(0);
  }

  /** Alembic's {@code get_revisions} for one identifier; base contributes nothing. */
  List<String> getRevisions(String identifier) {
    Symbol symbol = resolveNumber(identifier);
    if (symbol.ids().size() == 1 && NEGATIVE_INT.matcher(symbol.ids().get(0)).matches()) {
      int steps;
      try {
        steps = Integer.parseInt(symbol.ids().get(0).strip());
      } catch (NumberFormatException e) {
        throw MigrateException.badInput("Relative revision " + identifier + " is too large");
      }
      List<String> result = new ArrayList<>();
      for (String head : realHeads) {
        if (symbol.branch() != null && !node(head).labels.contains(symbol.branch())) {
          continue;
        }
        Targets.Position end = targets.walk(Targets.Position.of(head), steps, null, true);
        if (end.isNone()) {
          throw MigrateException.badInput(
              "Relative revision "
                  + identifier
                  + " didn't produce "
                  + Math.abs(steps)
                  + " migrations; there are not that many revisions below "
                  + head);
        }
        if (end.id() != null) {
          result.add(end.id());
        }
      }
      return result;
    }
    List<String> result = new ArrayList<>();
    for (String id : symbol.ids()) {
      result.add(revisionForIdent(id, symbol.branch()));
    }
    return result;
  }

  /** Alembic's {@code get_revision}: one revision or null for base; several is an error. */
  String getRevision(String identifier) {
    Symbol symbol = resolveNumber(identifier);
    if (symbol.ids().size() > 1) {
      throw multipleHeads(identifier, symbol.ids());
    }
    return symbol.ids().isEmpty() ? null : revisionForIdent(symbol.ids().get(0), symbol.branch());
  }

  private String exactKey(String key) {
    Node node = nodes.containsKey(key) ? nodes.get(key) : labels.get(key);
    return node == null ? null : node.id;
  }

  /** An id, label or unique prefix (of more than 3-character keys), checked against a branch. */
  String revisionForIdent(String ident, String branch) {
    String branchRevision = branch == null ? null : resolveBranch(branch);
    if (ident.isEmpty()) {
      throw MigrateException.badInput(
          "Empty revision identifier" + (branch == null ? "" : " after '" + branch + "@'"));
    }
    String found = exactKey(ident);
    if (found == null) {
      List<String> candidates = new ArrayList<>();
      Set<String> revisionsSeen = new LinkedHashSet<>();
      for (String key : keys) {
        if (key.length() > 3 && key.startsWith(ident) && revisionsSeen.add(exactKey(key))) {
          candidates.add(key);
        }
      }
      if (branchRevision != null) {
        candidates = filterForLineage(candidates, branch, false);
      }
      if (candidates.isEmpty()) {
        throw MigrateException.badInput(
            "Can't locate revision identified by '"
                + ident
                + "': no such revision or branch '"
                + ident
                + "'"
                + (ident.length() < 4
                    ? "; please ensure at least four characters are present for partial revision"
                        + " identifier matches"
                    : "")
                + (branch == null ? "" : " on branch '" + branch + "'")
                + "; `migrate history` lists the revisions");
      }
      if (candidates.size() > 1) {
        throw MigrateException.badInput(
            "Multiple revisions start with '"
                + ident
                + "': "
                + String.join(", ", candidates.stream().map(c -> "'" + c + "'").toList())
                + "; give more characters to pick one");
      }
      found = exactKey(candidates.get(0));
    }
    if (branchRevision != null && !sharesLineage(found, List.of(branchRevision), false)) {
      throw MigrateException.badInput(
          "Revision " + found + " is not a member of branch '" + branch + "'");
    }
    return found;
  }

  /** A branch given as label, id or prefix. */
  String resolveBranch(String branch) {
    String exact = exactKey(branch);
    if (exact != null) {
      return exact;
    }
    try {
      return revisionForIdent(branch, null);
    } catch (MigrateException e) {
      throw MigrateException.badInput(
          "No such branch: '" + branch + "'; name a branch label or a revision id");
    }
  }

  /**
   * The members of {@code candidates} (ids or labels) that are ancestors or descendants of what
   * {@code checkAgainst} names (a label, revision, {@code label@head}, ...).
   */
  List<String> filterForLineage(
      Collection<String> candidates, String checkAgainst, boolean includeDependencies) {
    Symbol symbol = resolveNumber(checkAgainst);
    List<String> shares = new ArrayList<>();
    if (symbol.branch() != null) {
      shares.add(symbol.branch());
    }
    shares.addAll(symbol.ids());
    List<String> against = new ArrayList<>();
    for (String share : shares) {
      against.add(revisionForIdent(share, null));
    }
    List<String> result = new ArrayList<>();
    for (String candidate : candidates) {
      if (sharesLineage(exactKey(candidate), against, includeDependencies)) {
        result.add(candidate);
      }
    }
    return result;
  }

  boolean sharesLineage(String id, Collection<String> against, boolean includeDependencies) {
    if (against.isEmpty()) {
      return true;
    }
    Set<String> lineage = traversal.descendants(List.of(id), includeDependencies);
    lineage.addAll(traversal.ancestors(List.of(id), includeDependencies));
    return against.stream().anyMatch(lineage::contains);
  }

  /** Alembic's {@code _get_all_current}: rows and implied revisions reduced to branch tips. */
  List<String> allCurrent(Collection<String> rows) {
    Set<String> top = traversal.ancestors(rows, true);
    List<String> result = new ArrayList<>();
    for (Node node : nodes.values()) {
      if (!top.contains(node.id)) {
        continue;
      }
      Set<String> above = traversal.descendants(List.of(node.id), false);
      above.remove(node.id);
      above.retainAll(top);
      if (above.isEmpty()) {
        result.add(node.id);
      }
    }
    return result;
  }
}
