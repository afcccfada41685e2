package dev.migrate.engine.revision;

import static dev.migrate.engine.revision.Graphs.assertBadInput;
import static dev.migrate.engine.revision.Graphs.chain;
import static dev.migrate.engine.revision.Graphs.labelledBranches;
import static dev.migrate.engine.revision.Graphs.revisionIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** History ranges, newest first (reference §3, §6). */
class HistoryTest {
  private final RevisionGraph linear = chain("a", "b", "c", "d", "e");
  private final RevisionGraph branches = labelledBranches();

  private static List<String> history(RevisionGraph g, String range, List<String> rows) {
    return revisionIds(g.history(range, rows));
  }

  @Test
  void everythingNewestFirst() {
    assertThat(history(linear, null, List.of())).containsExactly("e", "d", "c", "b", "a");
    assertThat(history(branches, null, List.of()))
        .containsExactly("d1", "c1", "d2", "c2", "b", "a");
  }

  @Test
  void rangesAreInclusive() {
    assertThat(history(linear, "b:d", List.of())).containsExactly("d", "c", "b");
    assertThat(history(linear, ":c", List.of())).containsExactly("c", "b", "a");
    assertThat(history(linear, "c:", List.of())).containsExactly("e", "d", "c");
    assertThat(history(linear, "base:heads", List.of())).containsExactly("e", "d", "c", "b", "a");
  }

  @Test
  void currentOnEitherSide() {
    assertThat(history(linear, "current:", List.of("c"))).containsExactly("e", "d", "c");
    assertThat(history(linear, ":current", List.of("c"))).containsExactly("c", "b", "a");
    assertThat(history(linear, ":current", List.of())).isEmpty();
    assertThat(history(linear, "current:", List.of())).containsExactly("e", "d", "c", "b", "a");
  }

  @Test
  void relativeStartDoesNotAssertLength() {
    assertThat(history(chain("a", "b", "c"), "-5:c", List.of())).containsExactly("c", "b", "a");
    assertThat(history(linear, "-1:", List.of())).containsExactly("e", "d");
  }

  @Test
  void labelledRanges() {
    assertThat(history(branches, ":c2branch@head", List.of()))
        .containsExactly("d2", "c2", "b", "a");
    assertThat(history(branches, "c1branch@base:", List.of()))
        .containsExactly("d1", "c1", "b", "a");
  }

  @Test
  void rangeAcrossBranchesIsAnError() {
    assertBadInput(() -> branches.history("c1:d2", List.of()))
        .hasMessageContaining(
            "Requested range c1:d2 does not refer to ancestor/descendant revisions along the same"
                + " branch");
  }

  @Test
  void rangeWithoutColonIsAnError() {
    assertBadInput(() -> linear.history("abc", List.of()))
        .hasMessageContaining("History range requires [start]:[end], [start]:, or :[end]");
  }

  @Test
  void rangeFromARevisionOnlyDependentsReachIsStillOrdered() {
    // x is a base depending on b; history b: keeps b (x is a dependent, not a descendant).
    // Alembic's topological sort fails an assertion here because no head of the range reaches b.
    RevisionGraph g =
        Graphs.graph(Graphs.rev("a"), Graphs.rev("b", "a"), Graphs.depending("x", List.of("b")));
    assertThat(history(g, "b:", List.of())).containsExactly("b");
    assertThat(history(g, null, List.of())).containsExactly("x", "b", "a");
  }

  @Test
  void overlappingTargetsAreRejected() {
    assertBadInput(() -> linear.history(":current", List.of("a", "e")))
        .hasMessageContaining("Requested revision e overlaps with other requested revisions a");
  }
}
