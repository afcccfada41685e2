package dev.migrate.engine.revision;

import dev.migrate.engine.MigrateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns upgrade and downgrade targets into revisions: absolute symbols go to {@link
 * RevisionGraph}'s resolution, relative ones ({@code +N}, {@code -N}, {@code <sym>±N}, {@code
 * <label>@±N}) are walked here.
 */
final class Targets {
  /** {@code [<label>@][<symbol>](+|-)N}, matched at the start of the target as Alembic does. */
  private static final Pattern RELATIVE =
      Pattern.compile("^(?:(.+?)@)?(\\w+)?([+-]\\d+)", Pattern.UNICODE_CHARACTER_CLASS);

  /** Where a walk stands: on a revision, below every base, or nowhere. */
  record Position(String id, boolean isBase) {
    static final Position NONE = new Position(null, false);
    static final Position BASE = new Position(null, true);

    static Position of(String id) {
      return id == null ? NONE : new Position(id, false);
    }

    boolean isNone() {
      return id == null && !isBase;
    }
  }

  /** A downgrade target: the revision to end at (null = base) and the branch it restricts to. */
  record DowngradeTarget(String branch, String revision) {}

  private record Relative(String label, String symbol, String relative, int steps) {}

  private final RevisionGraph graph;

  Targets(RevisionGraph graph) {
    this.graph = graph;
  }

  private static Relative relative(String target) {
    Matcher m = RELATIVE.matcher(target);
    if (!m.find()) {
      return null;
    }
    String label = m.group(1) == null || m.group(1).isEmpty() ? null : m.group(1);
    int steps;
    try {
      steps = Integer.parseInt(m.group(3));
    } catch (NumberFormatException e) {
      throw MigrateException.badInput("Relative revision " + m.group(3) + " is too large");
    }
    return new Relative(label, m.group(2), m.group(3), steps);
  }

  private static MigrateException didNotProduce(String relative, int steps) {
    return MigrateException.badInput(
        "Relative revision "
            + relative
            + " didn't produce "
            + Math.abs(steps)
            + " migrations; there are not that many revisions in that direction");
  }

  private static MigrateException walkedTooFar(String target) {
    return MigrateException.badInput(
        "Walked too far: '" + target + "' goes past the first or last revision of its branch");
  }

  /** The revisions an upgrade to {@code target} must reach, given the current version rows. */
  List<String> parseUpgradeTarget(List<String> current, String target, boolean assertLength) {
    Relative rel = relative(target);
    if (rel == null) {
      return graph.getRevisions(target);
    }
    if (rel.steps > 0) {
      if (rel.symbol == null) {
        List<String> starts = upgradeStarts(current, rel.label);
        if (starts.size() > 1) {
          throw MigrateException.badInput(
              "Ambiguous upgrade from multiple current revisions ("
                  + String.join(", ", starts)
                  + "); use '<branchname>@"
                  + rel.relative
                  + "' or a revision id");
        }
        Position end = walk(Position.of(starts.get(0)), rel.steps, rel.label, assertLength);
        if (end.isNone()) {
          throw didNotProduce(rel.relative, rel.steps);
        }
        return idsOf(end);
      }
      Position end = walk(at(rel.symbol), rel.steps, rel.label, assertLength);
      if (end.isNone()) {
        throw walkedTooFar(target);
      }
      return idsOf(end);
    }
    if (rel.symbol == null) {
      throw didNotProduce(rel.relative, rel.steps);
    }
    String symbol = rel.label == null ? rel.symbol : rel.label + "@" + rel.symbol;
    Position end = walk(at(symbol), rel.steps, null, assertLength);
    if (end.isNone()) {
      throw walkedTooFar(target);
    }
    return idsOf(end);
  }

  private List<String> upgradeStarts(List<String> current, String label) {
    if (current.isEmpty()) {
      List<String> none = new ArrayList<>();
      none.add(null);
      return none;
    }
    if (label == null) {
      return current;
    }
    List<String> starts = graph.filterForLineage(current, label, false);
    if (!starts.isEmpty()) {
      return starts;
    }
    // The label's branch has no current row: start from the tips of what is applied on it.
    List<String> active =
        graph.filterForLineage(
            List.copyOf(graph.traversal().ancestors(current, true)), label, false);
    Set<String> tips = new LinkedHashSet<>(active);
    for (String id : active) {
      tips.removeAll(graph.node(id).normalizedDown());
    }
    if (tips.isEmpty()) {
      List<String> none = new ArrayList<>();
      none.add(null);
      return none;
    }
    return List.copyOf(tips);
  }

  /** The revision a downgrade to {@code target} ends at, given the current version rows. */
  DowngradeTarget parseDowngradeTarget(List<String> current, String target, boolean assertLength) {
    Relative rel = relative(target);
    if (rel == null) {
      int at = target.lastIndexOf('@');
      String branch = at > 0 ? target.substring(0, at) : null;
      String symbol = target.substring(at + 1);
      if (branch != null) {
        graph.resolveBranch(branch);
      }
      // Alembic resolves a bare "head" here and fails on several heads; the branch narrows it.
      boolean branchHead = branch != null && symbol.equals("head");
      return new DowngradeTarget(branch, graph.getRevision(branchHead ? target : symbol));
    }
    if (rel.steps >= 0) {
      if (rel.symbol == null) {
        throw didNotProduce(rel.relative, rel.steps);
      }
      Position end = walk(at(rel.symbol), rel.steps, rel.label, assertLength);
      if (end.isNone()) {
        throw walkedTooFar(target);
      }
      return new DowngradeTarget(rel.label, end.id());
    }
    String branch = rel.label;
    String symbol = rel.symbol;
    boolean fromCurrent = symbol == null;
    if (fromCurrent) {
      if (branch != null) {
        symbol = currentOnBranch(current, branch);
      } else {
        if (current.isEmpty()) {
          throw didNotProduce(rel.relative, rel.steps);
        }
        if (new LinkedHashSet<>(current).size() > 1) {
          // Alembic only warns here and picks the first row, whose order the database decides.
          throw MigrateException.badInput(
              "downgrade "
                  + rel.relative
                  + " from multiple heads is ambiguous (current revisions: "
                  + String.join(", ", current)
                  + "); use '<branchname>@"
                  + rel.relative
                  + "' or '<revision>"
                  + rel.relative
                  + "' to choose the branch");
        }
        symbol = current.get(0);
        branch = symbol;
      }
    }
    Position end =
        walk(at(branch == null ? symbol : branch + "@" + symbol), rel.steps, null, assertLength);
    if (end.isNone()) {
      if (fromCurrent) {
        throw didNotProduce(rel.relative, rel.steps);
      }
      throw walkedTooFar(target);
    }
    return new DowngradeTarget(branch, end.id());
  }

  private String currentOnBranch(List<String> current, String branch) {
    List<String> onBranch = graph.filterForLineage(current, branch, false);
    if (onBranch.isEmpty()) {
      onBranch = graph.filterForLineage(graph.allCurrent(current), branch, false);
    }
    if (onBranch.size() != 1) {
      throw MigrateException.badInput(
          onBranch.isEmpty()
              ? "No current revision is on branch '" + branch + "'; there is nothing to downgrade"
              : "Several current revisions are on branch '"
                  + branch
                  + "' ("
                  + String.join(", ", onBranch)
                  + "); downgrade from one of them by id, e.g. '"
                  + onBranch.get(0)
                  + "-1'");
    }
    return onBranch.get(0);
  }

  /**
   * Walks {@code steps} up (positive: children, restricted to {@code label}'s lineage) or down
   * (negative: parents) from {@code start}. Returns {@link Position#NONE} when it runs off the
   * graph and {@code noOverwalk}, else stops at the edge.
   */
  Position walk(Position start, int steps, String label, boolean noOverwalk) {
    Position current = start;
    for (int i = 0; i < Math.abs(steps); i++) {
      List<Position> next = new ArrayList<>();
      if (steps > 0) {
        Collection<String> up =
            current.id() == null ? graph.bases() : graph.node(current.id()).nextrev;
        List<String> children = List.copyOf(up);
        if (label != null) {
          children = graph.filterForLineage(children, label, false);
        }
        children.forEach(id -> next.add(Position.of(id)));
      } else if (!current.isBase()) {
        List<String> down = current.id() == null ? graph.heads() : graph.node(current.id()).down;
        down.forEach(id -> next.add(Position.of(id)));
        if (next.isEmpty()) {
          next.add(Position.BASE);
        }
      }
      if (next.isEmpty()) {
        return noOverwalk ? Position.NONE : current;
      }
      if (next.size() > 1) {
        throw MigrateException.badInput(
            "Ambiguous walk: "
                + (current.id() == null ? "the graph" : "revision " + current.id())
                + " has several "
                + (steps > 0 ? "children" : "parents")
                + " ("
                + String.join(", ", next.stream().map(p -> p.id()).toList())
                + (steps > 0
                    ? "); name the revision or '<branchname>@' to choose one"
                    : "); a merge point belongs to every branch it joins, so name the parent to go"
                        + " to by id, e.g. '"
                        + next.get(0).id()
                        + "'"));
      }
      current = next.get(0);
    }
    return current;
  }

  /** Where {@code symbol} stands: on its revision, or below every base for {@code base}. */
  private Position at(String symbol) {
    String id = graph.getRevision(symbol);
    return id == null ? Position.BASE : Position.of(id);
  }

  private static List<String> idsOf(Position position) {
    return position.id() == null ? List.of() : List.of(position.id());
  }
}
