package dev.migrate.engine.revision;

import static dev.migrate.engine.revision.Graphs.chain;
import static dev.migrate.engine.revision.Graphs.depending;
import static dev.migrate.engine.revision.Graphs.graph;
import static dev.migrate.engine.revision.Graphs.ids;
import static dev.migrate.engine.revision.Graphs.labelledBranches;
import static dev.migrate.engine.revision.Graphs.rev;
import static dev.migrate.engine.revision.Graphs.rowsAfter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.revision.VersionChange.Delete;
import dev.migrate.engine.revision.VersionChange.Insert;
import dev.migrate.engine.revision.VersionChange.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Version-table effects of each step (reference §4, Alembic's HeadMaintainer). */
class VersionRowsTest {
  private final RevisionGraph merge =
      graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("m", "b1", "b2"));

  /** a1 -> a2; b1 -> b2 (depends on a2). */
  private final RevisionGraph dependency =
      graph(rev("a1"), rev("a2", "a1"), rev("b1"), depending("b2", List.of("a2"), "b1"));

  private static List<List<VersionChange>> changes(List<MigrationStep> steps) {
    return steps.stream().map(MigrationStep::versionChanges).toList();
  }

  @Test
  void linearUpgradeInsertsThenUpdates() {
    List<MigrationStep> steps = chain("a", "b", "c").upgrade(List.of(), "head");
    assertThat(changes(steps))
        .containsExactly(
            List.of(new Insert("a")), List.of(new Update("a", "b")), List.of(new Update("b", "c")));
  }

  @Test
  void linearDowngradeUpdatesThenDeletes() {
    List<MigrationStep> steps = chain("a", "b", "c").downgrade(List.of("c"), "base");
    assertThat(changes(steps))
        .containsExactly(
            List.of(new Update("c", "b")), List.of(new Update("b", "a")), List.of(new Delete("a")));
  }

  @Test
  void branchingInsertsARowForTheSecondBranch() {
    List<MigrationStep> steps = labelledBranches().upgrade(List.of(), "heads");
    assertThat(ids(steps)).containsExactly("a", "b", "c2", "d2", "c1", "d1");
    assertThat(changes(steps))
        .containsExactly(
            List.of(new Insert("a")),
            List.of(new Update("a", "b")),
            List.of(new Update("b", "c2")),
            List.of(new Update("c2", "d2")),
            List.of(new Insert("c1")),
            List.of(new Update("c1", "d1")));
    assertThat(rowsAfter(List.of(), steps)).containsExactlyInAnyOrder("d1", "d2");
  }

  @Test
  void mergeDeletesAllButOneParentAndUpdatesTheLast() {
    List<MigrationStep> steps = merge.upgrade(List.of("b1", "b2"), "heads");
    assertThat(changes(steps)).containsExactly(List.of(new Delete("b1"), new Update("b2", "m")));
  }

  @Test
  void fullUpgradeThroughMergeEndsWithOneRow() {
    List<MigrationStep> steps = merge.upgrade(List.of(), "heads");
    assertThat(ids(steps)).containsExactly("a", "b2", "b1", "m");
    assertThat(rowsAfter(List.of(), steps)).containsExactly("m");
  }

  @Test
  void mergeWithOneParentAlreadyImpliedUpdatesThePresentParent() {
    // c sits on b1, so b1 is not a row: merging only moves b2
    RevisionGraph g =
        graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("m", "b1", "b2"), rev("c", "b1"));
    List<MigrationStep> steps = g.upgrade(List.of("c", "b2"), "m");
    assertThat(changes(steps)).containsExactly(List.of(new Update("b2", "m")));
  }

  @Test
  void unmergeRestoresBothParents() {
    List<MigrationStep> steps = merge.downgrade(List.of("m"), "b1");
    assertThat(ids(steps)).containsExactly("m");
    assertThat(changes(steps)).containsExactly(List.of(new Insert("b1"), new Update("m", "b2")));
  }

  @Test
  void downgradeThroughMergeToBase() {
    List<MigrationStep> steps = merge.downgrade(List.of("m"), "base");
    assertThat(ids(steps)).containsExactly("m", "b1", "b2", "a");
    assertThat(changes(steps))
        .containsExactly(
            List.of(new Insert("b1"), new Update("m", "b2")),
            List.of(new Delete("b1")),
            List.of(new Update("b2", "a")),
            List.of(new Delete("a")));
  }

  @Test
  void dependencyRowDisappearsOnceImplied() {
    List<MigrationStep> steps = dependency.upgrade(List.of(), "heads");
    assertThat(ids(steps)).containsExactly("a1", "a2", "b1", "b2");
    assertThat(steps.get(3).versionChanges())
        .containsExactly(new Delete("b1"), new Update("a2", "b2"));
    assertThat(rowsAfter(List.of(), steps)).containsExactly("b2");
    assertThat(dependency.current(List.of("b2"))).containsExactly("a2", "b2");
  }

  @Test
  void downgradingTheDependentReinsertsTheDependency() {
    List<MigrationStep> steps = dependency.downgrade(List.of("b2"), "b1");
    assertThat(ids(steps)).containsExactly("b2");
    assertThat(steps.get(0).versionChanges())
        .containsExactly(new Insert("b1"), new Update("b2", "a2"));
    assertThat(rowsAfter(List.of("b2"), steps)).containsExactlyInAnyOrder("a2", "b1");
  }

  @Test
  void upgradingTheDependentPullsInTheDependency() {
    List<MigrationStep> steps = dependency.upgrade(List.of("b1"), "b2");
    assertThat(ids(steps)).containsExactly("a1", "a2", "b2");
    assertThat(rowsAfter(List.of("b1"), steps)).containsExactly("b2");
  }

  @Test
  void downgradeToBaseFromDependentRemovesEverything() {
    List<MigrationStep> steps = dependency.downgrade(List.of("b2"), "base");
    assertThat(ids(steps)).containsExactlyInAnyOrder("a1", "a2", "b1", "b2");
    assertThat(ids(steps).get(0)).isEqualTo("b2");
    assertThat(rowsAfter(List.of("b2"), steps)).isEmpty();
  }

  @Test
  void dependencyOnOwnAncestorNeverHoldsARow() {
    // m merges b1 and b2 and also depends on a, an ancestor of both: Alembic would try to delete
    // a row for a that is not there; a never holds a row, so the merge only joins b1 and b2
    RevisionGraph g =
        graph(
            rev("a"),
            rev("b1", "a"),
            rev("b2", "a"),
            Graphs.rev("m", List.of("b1", "b2"), List.of(), List.of("a")));
    List<MigrationStep> steps = g.upgrade(List.of(), "heads");
    assertThat(steps.get(3).versionChanges())
        .containsExactly(new Delete("b1"), new Update("b2", "m"));
    assertThat(rowsAfter(List.of(), steps)).containsExactly("m");
    List<MigrationStep> down = g.downgrade(List.of("m"), "base");
    assertThat(rowsAfter(List.of("m"), down)).isEmpty();
  }

  @Test
  void downgradeToAnEffectiveHeadImpliedByRowsIsANoOp() {
    // a2 is only implied by b2's dependency; it is applied, so there is nothing to drop
    assertThat(dependency.downgrade(List.of("b2"), "a2")).isEmpty();
  }
}
