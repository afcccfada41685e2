package dev.migrate.engine.revision;

import static dev.migrate.engine.revision.Graphs.assertBadInput;
import static dev.migrate.engine.revision.Graphs.chain;
import static dev.migrate.engine.revision.Graphs.graph;
import static dev.migrate.engine.revision.Graphs.ids;
import static dev.migrate.engine.revision.Graphs.labelledBranches;
import static dev.migrate.engine.revision.Graphs.rev;
import static dev.migrate.engine.revision.Graphs.rowsAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.migrate.engine.MigrateException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of the reference, §2.7 and §3.3. */
class UpgradeDowngradeTest {
  private final RevisionGraph branches = labelledBranches();
  private final RevisionGraph linear = chain("a", "b", "c", "d", "e");

  // ---- §2.7, upgrade ----

  @Test
  void labelHeadMinusOneFromB() {
    assertThat(ids(branches.upgrade(List.of("b"), "c2branch@head-1"))).containsExactly("c2");
  }

  @Test
  void labelPlusOneFromOtherBranchBacktracksToBranchPoint() {
    assertThat(ids(branches.upgrade(List.of("c1"), "c2branch@+1"))).containsExactly("c2");
  }

  @Test
  void labelPlusOneFromBothBranches() {
    assertThat(ids(branches.upgrade(List.of("c1", "c2"), "c2branch@+1"))).containsExactly("d2");
  }

  @Test
  void plusOneFromTwoRowsIsAmbiguous() {
    assertBadInput(() -> branches.upgrade(List.of("c1", "c2"), "+1"))
        .hasMessageContaining("Ambiguous upgrade from multiple current revisions");
  }

  @Test
  void plusOneFromEmptyRunsBase() {
    assertThat(ids(branches.upgrade(List.of(), "base+1"))).containsExactly("a");
    assertThat(ids(branches.upgrade(List.of(), "+1"))).containsExactly("a");
    assertThat(ids(linear.upgrade(List.of("a"), "+2"))).containsExactly("b", "c");
  }

  @Test
  void symbolPlusAndMinus() {
    assertThat(ids(linear.upgrade(List.of("a"), "b+2"))).containsExactly("b", "c", "d");
    assertThat(ids(linear.upgrade(List.of("a"), "d-2"))).containsExactly("b");
  }

  @Test
  void upgradeErrorsForRelativeWalks() {
    assertBadInput(() -> linear.upgrade(List.of("c"), "+5"))
        .hasMessageContaining("Relative revision +5 didn't produce 5 migrations");
    assertBadInput(() -> linear.upgrade(List.of("c"), "-2"))
        .hasMessageContaining("Relative revision -2 didn't produce 2 migrations");
    assertBadInput(() -> linear.upgrade(List.of("a"), "c+5"))
        .hasMessageContaining("Walked too far");
    assertBadInput(() -> branches.upgrade(List.of("a"), "b+1"))
        .hasMessageContaining("Ambiguous walk")
        .hasMessageContaining("c1, c2");
  }

  @Test
  void upgradeHeadWithTwoHeadsFails() {
    assertBadInput(() -> branches.upgrade(List.of(), "head"))
        .hasMessageContaining("Multiple head revisions are present for given argument 'head'")
        .hasMessageContaining("'heads' for all heads");
  }

  @Test
  void upgradeToOlderOrSiblingIsNoOpOrThatBranch() {
    assertThat(branches.upgrade(List.of("d1"), "b")).isEmpty();
    assertThat(ids(branches.upgrade(List.of("d1"), "c2"))).containsExactly("c2");
    assertThat(linear.upgrade(List.of("e"), "head")).isEmpty();
    assertThat(linear.upgrade(List.of("c"), "current")).isEmpty();
  }

  @Test
  void upgradeByPrefixAndLabelHead() {
    RevisionGraph g = chain("1a2b3c4d5e6f", "548bbb905360", "77cc00dd11ee");
    assertThat(ids(g.upgrade(List.of(), "548"))).containsExactly("1a2b3c4d5e6f", "548bbb905360");
    assertThat(ids(branches.upgrade(List.of(), "c1branch@head")))
        .containsExactly("a", "b", "c1", "d1");
    assertThat(ids(branches.upgrade(List.of(), "c2@head"))).containsExactly("a", "b", "c2", "d2");
  }

  @Test
  void unknownRowAndUnknownTarget() {
    assertBadInput(() -> linear.upgrade(List.of("zzz999"), "heads"))
        .hasMessageContaining("The version table holds revision 'zzz999'")
        .hasMessageContaining("migrate stamp --purge <rev>");
    assertBadInput(() -> linear.upgrade(List.of(), "nope"))
        .hasMessageContaining("Can't locate revision identified by 'nope'");
  }

  @Test
  void overlappingTargetsAndRows() {
    assertBadInput(() -> linear.upgrade(List.of("a", "e"), "heads"))
        .hasMessageContaining("Requested revision e overlaps with other requested revisions a")
        .hasMessageContaining("migrate stamp --purge");
    RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("x"));
    assertThat(ids(g.upgrade(List.of(), "heads"))).containsExactlyInAnyOrder("a", "b", "c", "x");
  }

  // ---- §2.7, downgrade ----

  @Test
  void downgradeBasePlusTwoFromBothHeads() {
    List<MigrationStep> steps = branches.downgrade(List.of("d2", "d1"), "base+2");
    assertThat(ids(steps)).containsExactly("d1", "c1", "d2", "c2");
    assertThat(rowsAfter(List.of("d2", "d1"), steps)).containsExactly("b");
  }

  @Test
  void downgradeLabelBasePlusTwo() {
    List<MigrationStep> steps = branches.downgrade(List.of("d2", "d1"), "c2branch@base+2");
    assertThat(ids(steps)).containsExactly("d2", "c2");
    assertThat(rowsAfter(List.of("d2", "d1"), steps)).containsExactly("d1");
  }

  @Test
  void downgradeLabelMinusOne() {
    assertThat(ids(branches.downgrade(List.of("d1", "d2"), "c1branch@-1"))).containsExactly("d1");
  }

  @Test
  void downgradeSymbolMinusOne() {
    assertThat(ids(branches.downgrade(List.of("d1", "d2"), "d2-1"))).containsExactly("d2");
  }

  @Test
  void downgradeLabelAtRevisionDropsOnlyThatBranch() {
    List<MigrationStep> c2 = branches.downgrade(List.of("d1", "d2"), "c2@b");
    assertThat(ids(c2)).containsExactly("d2", "c2");
    assertThat(rowsAfter(List.of("d1", "d2"), c2)).containsExactly("d1");
    List<MigrationStep> d1 = branches.downgrade(List.of("d1", "d2"), "d1@b");
    assertThat(ids(d1)).containsExactly("d1", "c1");
    assertThat(rowsAfter(List.of("d1", "d2"), d1)).containsExactly("d2");
  }

  @Test
  void downgradeMinusOneFromSeveralHeadsIsAnError() {
    // Alembic warns "downgrade -1 from multiple heads is ambiguous" and picks the first row
    assertBadInput(() -> branches.downgrade(List.of("d2", "d1"), "-1"))
        .hasMessageContaining("downgrade -1 from multiple heads is ambiguous")
        .hasMessageContaining("'<branchname>@-1'");
  }

  @Test
  void downgradeMinusOneFromSingleRow() {
    assertThat(ids(linear.downgrade(List.of("e"), "-2"))).containsExactly("e", "d");
    assertBadInput(() -> linear.downgrade(List.of(), "-1"))
        .hasMessageContaining("Relative revision -1 didn't produce 1 migrations");
    assertBadInput(() -> linear.downgrade(List.of("b"), "-3"))
        .hasMessageContaining("Relative revision -3 didn't produce 3 migrations");
    assertBadInput(() -> linear.downgrade(List.of("b"), "+1"))
        .hasMessageContaining("Relative revision +1 didn't produce 1 migrations");
    assertBadInput(() -> linear.downgrade(List.of("e"), "b-5"))
        .hasMessageContaining("Walked too far");
  }

  @Test
  void downgradeToCurrentRowRunsNothing() {
    assertThat(branches.downgrade(List.of("d1", "c2"), "c2")).isEmpty();
    assertThat(branches.downgrade(List.of("d1", "c2"), "current")).isEmpty();
  }

  @Test
  void downgradeLinear() {
    assertThat(ids(linear.downgrade(List.of("d"), "a+2"))).containsExactly("d");
    List<MigrationStep> all = linear.downgrade(List.of("e"), "base");
    assertThat(ids(all)).containsExactly("e", "d", "c", "b", "a");
    assertThat(rowsAfter(List.of("e"), all)).isEmpty();
  }

  @Test
  void downgradeToNonAncestorIsAnError() {
    RevisionGraph g = chain("1a2b3c4d5e6f", "548bbb905360", "77cc00dd11ee");
    assertBadInput(() -> g.downgrade(List.of("1a2b3c4d5e6f"), "548"))
        .hasMessageContaining(
            "Destination 548 is not a valid downgrade target from current head(s)");
    assertBadInput(() -> branches.downgrade(List.of("d1"), "c2"))
        .hasMessageContaining("Destination c2 is not a valid downgrade target");
  }

  @Test
  void downgradeLabelBaseWithSharedBaseDropsEverything() {
    // both branches grow from a, the only base, so c1branch@base takes everything down
    List<MigrationStep> steps = branches.downgrade(List.of("d1", "d2"), "c1branch@base");
    assertThat(ids(steps)).containsExactly("d1", "c1", "d2", "c2", "b", "a");
    assertThat(rowsAfter(List.of("d1", "d2"), steps)).isEmpty();
  }

  @Test
  void downgradeLabelBaseWithSeparateBasesDropsOnlyThatBranch() {
    RevisionGraph g =
        graph(
            Graphs.labelled("a1", "A", new String[0]),
            rev("a2", "a1"),
            Graphs.labelled("b1", "B", new String[0]),
            rev("b2", "b1"));
    List<MigrationStep> steps = g.downgrade(List.of("a2", "b2"), "A@base");
    assertThat(ids(steps)).containsExactly("a2", "a1");
    assertThat(rowsAfter(List.of("a2", "b2"), steps)).containsExactly("b2");
    assertThat(ids(g.upgrade(List.of("b2"), "A@head"))).containsExactly("a1", "a2");
    assertThat(ids(g.upgrade(List.of("a2"), "B@+1"))).containsExactly("b1");
  }

  @Test
  void downgradeLabelAtHeadIsThatBranchHead() {
    assertThat(branches.downgrade(List.of("d1", "d2"), "c1branch@head")).isEmpty();
    assertBadInput(() -> branches.downgrade(List.of("d1", "d2"), "head"))
        .hasMessageContaining("Multiple head revisions are present for given argument 'head'");
  }

  // ---- §3.3 ----

  @Test
  void topologicalOrderFollowsInsertionOrder() {
    RevisionGraph g =
        graph(
            rev("a"),
            rev("b", "a"),
            rev("c1", "b"),
            rev("d1", "c1"),
            rev("c2", "b"),
            rev("d2", "c2"));
    assertThat(ids(g.upgrade(List.of("a"), "heads"))).containsExactly("b", "c2", "d2", "c1", "d1");
    assertThat(ids(g.downgrade(List.of("d1", "d2"), "a")))
        .containsExactly("d1", "c1", "d2", "c2", "b");
  }

  @Test
  void insertionOrderBreaksTiesNotNames() {
    // same graph, second branch inserted first
    RevisionGraph g =
        graph(
            rev("a"),
            rev("b", "a"),
            rev("c2", "b"),
            rev("d2", "c2"),
            rev("c1", "b"),
            rev("d1", "c1"));
    assertThat(ids(g.upgrade(List.of("a"), "heads"))).containsExactly("b", "c1", "d1", "c2", "d2");
  }

  @Test
  void dependenciesOfOtherRootsArePulledIn() {
    // base2 -> a2 -> b2 -> c2 -> d2 (label b_2 on b2), d2 depends on a3; base3 -> a3
    RevisionGraph g =
        graph(
            rev("base2"),
            rev("a2", "base2"),
            Graphs.labelled("b2", "b_2", "a2"),
            rev("c2", "b2"),
            Graphs.depending("d2", List.of("a3"), "c2"),
            rev("base3"),
            rev("a3", "base3"));
    List<MigrationStep> steps = g.upgrade(List.of(), "b_2@head");
    assertThat(ids(steps))
        .containsExactlyInAnyOrder("base2", "a2", "b2", "c2", "d2", "base3", "a3");
    assertThat(ids(steps).indexOf("a3")).isLessThan(ids(steps).indexOf("d2"));
    assertThat(rowsAfter(List.of(), steps)).containsExactly("d2");
  }

  @Test
  void describeLinesMatchAlembicLogFormat() {
    List<MigrationStep> up = linear.upgrade(List.of(), "b");
    assertThat(up.get(0).describe()).isEqualTo("Running upgrade  -> a, msg a");
    assertThat(up.get(1).describe()).isEqualTo("Running upgrade a -> b, msg b");
    List<MigrationStep> down = linear.downgrade(List.of("b"), "base");
    assertThat(down.get(0).describe()).isEqualTo("Running downgrade b -> a, msg b");
    assertThat(down.get(1).describe()).isEqualTo("Running downgrade a -> , msg a");
    RevisionGraph merge = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("m", "b1", "b2"));
    List<MigrationStep> steps = merge.upgrade(List.of("b1", "b2"), "heads");
    assertThat(steps.get(0).describe()).isEqualTo("Running upgrade b1, b2 -> m, msg m");
    RevisionScript bare = new RevisionScript("x", List.of(), List.of(), List.of(), "", null, null);
    assertThat(RevisionGraph.of(List.of(bare)).upgrade(List.of(), "x").get(0).describe())
        .isEqualTo("Running upgrade  -> x");
  }

  @Test
  void missingTargetIsRejected() {
    assertBadInput(() -> linear.upgrade(List.of(), " ")).hasMessageContaining("No target revision");
  }

  @Test
  void anUnknownBranchLabelIsBadInputInEveryTargetForm() {
    for (String target : List.of("typo@base", "typo@head", "typo@heads", "typo@-1", "typo@a")) {
      assertThat(catchThrowable(() -> linear.downgrade(List.of("e"), target)))
          .as(target)
          .isInstanceOf(MigrateException.class)
          .hasMessageContaining("'typo'");
    }
    for (String target : List.of("typo@base", "typo@head", "typo@heads", "typo@+1", "typo@e")) {
      assertThat(catchThrowable(() -> linear.upgrade(List.of("a"), target)))
          .as(target)
          .isInstanceOf(MigrateException.class)
          .hasMessageContaining("'typo'");
    }
    assertBadInput(() -> linear.history("typo@base:", List.of())).hasMessageContaining("typo");
  }

  @Test
  void walkingBelowBaseIsWalkingTooFar() {
    assertBadInput(() -> linear.upgrade(List.of("a"), "base-1"))
        .hasMessageContaining("Walked too far");
    assertBadInput(() -> linear.downgrade(List.of("e"), "base-2"))
        .hasMessageContaining("Walked too far");
    assertBadInput(() -> branches.downgrade(List.of("d1", "d2"), "c1branch@base-1"))
        .hasMessageContaining("Walked too far");
  }

  @Test
  void walkingDownAMergePointSuggestsAParentId() {
    RevisionGraph merge = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("m", "b1", "b2"));
    assertBadInput(() -> merge.downgrade(List.of("m"), "-1"))
        .hasMessageContaining("Ambiguous walk: revision m has several parents (b1, b2)")
        .hasMessageContaining("name the parent to go to by id, e.g. 'b1'")
        .hasMessageNotContaining("<branchname>@");
  }
}
