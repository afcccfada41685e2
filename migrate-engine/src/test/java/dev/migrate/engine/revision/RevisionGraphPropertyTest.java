package dev.migrate.engine.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over seeded random revision graphs (roots, chains, branches, merges, dependencies on
 * ids and labels, shuffled file order). Every assertion names the seed; rerun one seed by narrowing
 * {@link #seeds()}.
 */
class RevisionGraphPropertyTest {

  static Stream<Long> seeds() {
    return LongStream.range(0, 200).boxed();
  }

  /** A random DAG; revisions are created parents-first, then shuffled into file order. */
  static List<RevisionScript> randomScripts(long seed) {
    Random random = new Random(seed);
    int count = 1 + random.nextInt(24);
    List<RevisionScript> created = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Set<String> heads = new LinkedHashSet<>();
    Map<String, String> labelOf = new java.util.HashMap<>();
    for (int i = 0; i < count; i++) {
      String id = "r" + i + Integer.toHexString(random.nextInt(4096));
      List<String> downs = new ArrayList<>();
      int choice = random.nextInt(100);
      if (i > 0 && choice >= 12) {
        if (choice < 30 && heads.size() >= 2) {
          List<String> candidates = new ArrayList<>(heads);
          Collections.shuffle(candidates, random);
          downs.addAll(candidates.subList(0, Math.min(candidates.size(), 2 + random.nextInt(2))));
        } else if (random.nextInt(100) < 65 && !heads.isEmpty()) {
          List<String> candidates = new ArrayList<>(heads);
          downs.add(candidates.get(random.nextInt(candidates.size())));
        } else {
          downs.add(ids.get(random.nextInt(ids.size())));
        }
      }
      List<String> deps = new ArrayList<>();
      if (i > 0 && random.nextInt(100) < 18) {
        String dep = ids.get(random.nextInt(ids.size()));
        if (!downs.contains(dep)) {
          deps.add(labelOf.containsKey(dep) && random.nextBoolean() ? labelOf.get(dep) : dep);
        }
      }
      List<String> labels = new ArrayList<>();
      if (random.nextInt(100) < 10) {
        labels.add("L" + i);
        labelOf.put(id, "L" + i);
      }
      created.add(new RevisionScript(id, downs, labels, deps, "m" + i, id + ".sql", null));
      ids.add(id);
      heads.removeAll(downs);
      heads.add(id);
    }
    List<RevisionScript> fileOrder = new ArrayList<>(created);
    Collections.shuffle(fileOrder, random);
    return fileOrder;
  }

  private static String describe(long seed, List<RevisionScript> scripts) {
    return "seed "
        + seed
        + ", graph "
        + scripts.stream()
            .map(s -> s.id() + "<" + s.downRevisions() + " deps" + s.dependsOn() + s.branchLabels())
            .collect(Collectors.joining(" "));
  }

  private static List<String> ids(List<MigrationStep> steps) {
    return Graphs.ids(steps);
  }

  /** Parents and resolved dependencies of every revision. */
  private static Map<String, Set<String>> requirements(RevisionGraph graph) {
    return graph.revisions().stream()
        .collect(
            Collectors.toMap(
                RevisionScript::id,
                s -> {
                  Set<String> all = new LinkedHashSet<>(s.downRevisions());
                  all.addAll(graph.resolvedDependencies(s.id()));
                  return all;
                }));
  }

  /** Everything the rows imply: the rows and all their ancestors over parents and deps. */
  private static Set<String> implied(RevisionGraph graph, Set<String> rows) {
    Set<String> result = new HashSet<>();
    rows.forEach(row -> result.addAll(graph.ancestors(row)));
    return result;
  }

  /**
   * Applies each step's version changes and checks that the rows then imply exactly the revisions
   * applied so far and that no row is an ancestor of another.
   */
  private static Set<String> replay(
      RevisionGraph graph,
      Set<String> rows,
      Set<String> applied,
      List<MigrationStep> steps,
      String ctx) {
    Set<String> current = new LinkedHashSet<>(rows);
    for (MigrationStep step : steps) {
      String id = step.revision().id();
      if (step.direction() == Direction.UPGRADE) {
        assertThat(applied.add(id)).as(ctx + ": %s applied twice", id).isTrue();
      } else {
        assertThat(applied.remove(id)).as(ctx + ": %s downgraded but not applied", id).isTrue();
      }
      current = Graphs.apply(current, step.versionChanges());
      assertThat(implied(graph, current))
          .as(
              ctx + ": rows %s after %s %s imply exactly the applied set",
              current,
              step.direction(),
              id)
          .isEqualTo(applied);
      for (String row : current) {
        for (String other : current) {
          assertThat(row.equals(other) || !graph.ancestors(row).contains(other))
              .as(ctx + ": row %s is an ancestor of row %s in %s", other, row, current)
              .isTrue();
        }
      }
    }
    return current;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void headsAndBasesMatchBruteForce(long seed) {
    List<RevisionScript> scripts = randomScripts(seed);
    String ctx = describe(seed, scripts);
    RevisionGraph graph = RevisionGraph.of(scripts);
    List<String> fileOrder = scripts.stream().map(RevisionScript::id).toList();
    Set<String> parents = new HashSet<>();
    Set<String> parentsOrDeps = new HashSet<>();
    for (RevisionScript s : scripts) {
      parents.addAll(s.downRevisions());
      parentsOrDeps.addAll(s.downRevisions());
      parentsOrDeps.addAll(graph.resolvedDependencies(s.id()));
    }
    assertThat(graph.heads())
        .as(ctx)
        .isEqualTo(fileOrder.stream().filter(id -> !parents.contains(id)).toList());
    assertThat(graph.realHeads())
        .as(ctx)
        .isEqualTo(fileOrder.stream().filter(id -> !parentsOrDeps.contains(id)).toList());
    assertThat(graph.bases())
        .as(ctx)
        .isEqualTo(
            scripts.stream()
                .filter(s -> s.downRevisions().isEmpty())
                .map(RevisionScript::id)
                .toList());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void upgradeToHeadsVisitsEachOnceAfterItsRequirementsThenDowngradeReverses(long seed) {
    List<RevisionScript> scripts = randomScripts(seed);
    String ctx = describe(seed, scripts);
    RevisionGraph graph = RevisionGraph.of(scripts);
    Map<String, Set<String>> requires = requirements(graph);

    List<MigrationStep> up = graph.upgrade(List.of(), "heads");
    List<String> order = ids(up);
    assertThat(order).as(ctx).doesNotHaveDuplicates();
    assertThat(order).as(ctx).containsExactlyInAnyOrderElementsOf(requires.keySet());
    for (int i = 0; i < order.size(); i++) {
      for (String needed : requires.get(order.get(i))) {
        assertThat(order.indexOf(needed))
            .as(ctx + ": %s must run before %s", needed, order.get(i))
            .isLessThan(i);
      }
    }
    Set<String> applied = new HashSet<>();
    Set<String> rows = replay(graph, Set.of(), applied, up, ctx);
    assertThat(rows).as(ctx).containsExactlyInAnyOrderElementsOf(graph.realHeads());
    assertThat(graph.current(rows)).as(ctx).containsExactlyInAnyOrderElementsOf(graph.heads());
    assertThat(graph.upgrade(rows, "heads")).as(ctx + ": second upgrade is a no-op").isEmpty();

    List<MigrationStep> down = graph.downgrade(rows, "base");
    List<String> downOrder = ids(down);
    assertThat(downOrder).as(ctx).doesNotHaveDuplicates();
    assertThat(downOrder).as(ctx).containsExactlyInAnyOrderElementsOf(order);
    for (int i = 0; i < downOrder.size(); i++) {
      for (String needed : requires.get(downOrder.get(i))) {
        assertThat(downOrder.indexOf(needed))
            .as(ctx + ": %s must be downgraded after %s", needed, downOrder.get(i))
            .isGreaterThan(i);
      }
    }
    Set<String> after = replay(graph, rows, applied, down, ctx);
    assertThat(after).as(ctx + ": no rows after downgrade to base").isEmpty();
    assertThat(applied).as(ctx).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void upgradeToRandomTargetThenHeadsNeverReapplies(long seed) {
    List<RevisionScript> scripts = randomScripts(seed);
    String ctx = describe(seed, scripts);
    RevisionGraph graph = RevisionGraph.of(scripts);
    Random random = new Random(seed * 31 + 7);
    String target = scripts.get(random.nextInt(scripts.size())).id();

    List<MigrationStep> first = graph.upgrade(List.of(), target);
    assertThat(ids(first))
        .as(ctx + ": upgrade to %s applies exactly its ancestors", target)
        .containsExactlyInAnyOrderElementsOf(graph.ancestors(target));
    Set<String> applied = new HashSet<>();
    Set<String> rows = replay(graph, Set.of(), applied, first, ctx);

    List<MigrationStep> rest = graph.upgrade(rows, "heads");
    Set<String> all = new HashSet<>(ids(first));
    for (String id : ids(rest)) {
      assertThat(all.add(id)).as(ctx + ": %s re-applied after upgrade to %s", id, target).isTrue();
    }
    assertThat(all).as(ctx).hasSize(scripts.size());
    rows = replay(graph, rows, applied, rest, ctx);
    assertThat(rows).as(ctx).containsExactlyInAnyOrderElementsOf(graph.realHeads());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void downgradeToRandomTargetDropsExactlyItsDescendants(long seed) {
    List<RevisionScript> scripts = randomScripts(seed);
    String ctx = describe(seed, scripts);
    RevisionGraph graph = RevisionGraph.of(scripts);
    Random random = new Random(seed * 17 + 3);
    String target = scripts.get(random.nextInt(scripts.size())).id();

    Set<String> applied = new HashSet<>();
    Set<String> rows = replay(graph, Set.of(), applied, graph.upgrade(List.of(), "heads"), ctx);
    List<MigrationStep> down = graph.downgrade(rows, target);
    Set<String> expected = new HashSet<>();
    graph.children(target).forEach(child -> expected.addAll(graph.descendants(child)));
    assertThat(ids(down))
        .as(ctx + ": downgrade to %s", target)
        .containsExactlyInAnyOrderElementsOf(expected);
    rows = replay(graph, rows, applied, down, ctx);
    assertThat(applied).as(ctx).contains(target);

    List<MigrationStep> again = graph.upgrade(rows, "heads");
    assertThat(ids(again)).as(ctx).containsExactlyInAnyOrderElementsOf(expected);
    rows = replay(graph, rows, applied, again, ctx);
    assertThat(rows).as(ctx).containsExactlyInAnyOrderElementsOf(graph.realHeads());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void historyListsEveryRevisionNewestFirst(long seed) {
    List<RevisionScript> scripts = randomScripts(seed);
    String ctx = describe(seed, scripts);
    RevisionGraph graph = RevisionGraph.of(scripts);
    Map<String, Set<String>> requires = requirements(graph);
    List<String> history = graph.history(null, List.of()).stream().map(RevisionScript::id).toList();
    assertThat(history).as(ctx).doesNotHaveDuplicates();
    assertThat(history).as(ctx).containsExactlyInAnyOrderElementsOf(requires.keySet());
    Map<String, Integer> position =
        history.stream().collect(Collectors.toMap(Function.identity(), history::indexOf));
    requires.forEach(
        (id, needed) ->
            needed.forEach(
                n ->
                    assertThat(position.get(n))
                        .as(ctx + ": %s listed after %s", n, id)
                        .isGreaterThan(position.get(id))));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void stampToHeadsMatchesUpgradeRows(long seed) {
    List<RevisionScript> scripts = randomScripts(seed);
    String ctx = describe(seed, scripts);
    RevisionGraph graph = RevisionGraph.of(scripts);
    Set<String> rows = Graphs.apply(Set.of(), graph.stamp(List.of(), List.of("heads"), false));
    assertThat(rows).as(ctx).containsExactlyInAnyOrderElementsOf(graph.realHeads());
    assertThat(Graphs.apply(rows, graph.stamp(rows, List.of("base"), false))).as(ctx).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void stampRandomRevisionThenUpgradeAppliesTheRest(long seed) {
    List<RevisionScript> scripts = randomScripts(seed);
    String ctx = describe(seed, scripts);
    RevisionGraph graph = RevisionGraph.of(scripts);
    Random random = new Random(seed * 13 + 5);
    String target = scripts.get(random.nextInt(scripts.size())).id();
    Set<String> rows = Graphs.apply(Set.of(), graph.stamp(List.of(), List.of(target), false));
    assertThat(rows).as(ctx).containsExactly(target);
    Set<String> applied = new HashSet<>(graph.ancestors(target));
    List<MigrationStep> rest = graph.upgrade(rows, "heads");
    Set<String> expected = new HashSet<>(requirements(graph).keySet());
    expected.removeAll(graph.ancestors(target));
    assertThat(ids(rest))
        .as(ctx + ": after stamp %s", target)
        .containsExactlyInAnyOrderElementsOf(expected);
    rows = replay(graph, rows, applied, rest, ctx);
    assertThat(rows).as(ctx).containsExactlyInAnyOrderElementsOf(graph.realHeads());
  }
}
