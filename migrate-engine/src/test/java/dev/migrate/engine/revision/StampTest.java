package dev.migrate.engine.revision;

import static dev.migrate.engine.revision.Graphs.assertBadInput;
import static dev.migrate.engine.revision.Graphs.chain;
import static dev.migrate.engine.revision.Graphs.depending;
import static dev.migrate.engine.revision.Graphs.graph;
import static dev.migrate.engine.revision.Graphs.labelledBranches;
import static dev.migrate.engine.revision.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.engine.revision.VersionChange.Delete;
import dev.migrate.engine.revision.VersionChange.Insert;
import dev.migrate.engine.revision.VersionChange.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stamp (reference §5): version-table changes without running migrations. */
class StampTest {
  private final RevisionGraph linear = chain("a", "b", "c", "d", "e");
  private final RevisionGraph branches = labelledBranches();
  private final RevisionGraph merge =
      graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("m", "b1", "b2"));

  @Test
  void stampOnEmptyInsertsTarget() {
    assertThat(linear.stamp(List.of(), List.of("c"), false)).containsExactly(new Insert("c"));
    assertThat(branches.stamp(List.of(), List.of("heads"), false))
        .containsExactly(new Insert("d1"), new Insert("d2"));
  }

  @Test
  void stampDependentInsertsOnlyItsRow() {
    RevisionGraph g =
        graph(rev("a1"), rev("a2", "a1"), rev("b1"), depending("b2", List.of("a2"), "b1"));
    assertThat(g.stamp(List.of(), List.of("b2"), false)).containsExactly(new Insert("b2"));
    assertThat(g.stamp(List.of(), List.of("heads"), false)).containsExactly(new Insert("b2"));
  }

  @Test
  void stampDownAndUpUpdatesTheRow() {
    assertThat(linear.stamp(List.of("d"), List.of("b"), false))
        .containsExactly(new Update("d", "b"));
    assertThat(linear.stamp(List.of("b"), List.of("d"), false))
        .containsExactly(new Update("b", "d"));
    assertThat(linear.stamp(List.of("b"), List.of("head"), false))
        .containsExactly(new Update("b", "e"));
  }

  @Test
  void stampToCurrentRowDoesNothing() {
    assertThat(linear.stamp(List.of("c"), List.of("c"), false)).isEmpty();
  }

  @Test
  void stampBaseDeletesRows() {
    assertThat(branches.stamp(List.of("d1", "d2"), List.of("base"), false))
        .containsExactly(new Delete("d1"), new Delete("d2"));
    assertThat(branches.stamp(List.of("d1", "d2"), List.of(), false))
        .containsExactly(new Delete("d1"), new Delete("d2"));
  }

  @Test
  void stampMergeJoinsParentRows() {
    assertThat(merge.stamp(List.of("b1", "b2"), List.of("m"), false))
        .containsExactly(new Delete("b1"), new Update("b2", "m"));
  }

  @Test
  void stampDownToBranchPointMovesBothRowsInOneStep() {
    assertThat(merge.stamp(List.of("b1", "b2"), List.of("a"), false))
        .containsExactly(new Delete("b1"), new Update("b2", "a"));
  }

  @Test
  void stampUnrelatedBranchAddsARow() {
    assertThat(branches.stamp(List.of("d1"), List.of("d2"), false))
        .containsExactly(new Insert("d2"));
  }

  @Test
  void stampSeveralTargetsOnNothingInsertsEach() {
    RevisionGraph g = graph(rev("a"), rev("e"), rev("f"));
    assertThat(g.stamp(List.of(), List.of("a", "e", "f"), false))
        .containsExactly(new Insert("a"), new Insert("e"), new Insert("f"));
  }

  @Test
  void purgeDeletesUnknownRowsFirst() {
    assertThat(linear.stamp(List.of("zzz999"), List.of("b"), true))
        .containsExactly(new Delete("zzz999"), new Insert("b"));
    assertBadInput(() -> linear.stamp(List.of("zzz999"), List.of("b"), false))
        .hasMessageContaining("'zzz999'")
        .hasMessageContaining("migrate stamp --purge <rev>");
  }

  @Test
  void stampHeadWithSeveralHeadsFails() {
    assertBadInput(() -> branches.stamp(List.of(), List.of("head"), false))
        .hasMessageContaining("Multiple head revisions are present for given argument 'head'");
  }

  @Test
  void anEmptyStampTargetIsBadInputNotBase() {
    assertBadInput(() -> linear.stamp(List.of("e"), List.of(""), false))
        .hasMessageContaining("No target revision");
    assertBadInput(() -> linear.stamp(List.of("e"), List.of(" "), true))
        .hasMessageContaining("No target revision");
  }
}
