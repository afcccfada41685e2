package dev.migrate.engine.revision;

import static dev.migrate.engine.revision.Graphs.assertBadInput;
import static dev.migrate.engine.revision.Graphs.chain;
import static dev.migrate.engine.revision.Graphs.depending;
import static dev.migrate.engine.revision.Graphs.graph;
import static dev.migrate.engine.revision.Graphs.labelled;
import static dev.migrate.engine.revision.Graphs.labelledBranches;
import static dev.migrate.engine.revision.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionGraphStructureTest {

  @Test
  void headsBasesAndChildrenOfBranchedGraph() {
    RevisionGraph g = labelledBranches();
    assertThat(g.heads()).containsExactly("d1", "d2");
    assertThat(g.realHeads()).containsExactly("d1", "d2");
    assertThat(g.bases()).containsExactly("a");
    assertThat(g.children("b")).containsExactly("c1", "c2");
    assertThat(g.isBranchPoint("b")).isTrue();
    assertThat(g.isBranchPoint("a")).isFalse();
    assertThat(g.isHead("d1")).isTrue();
    assertThat(g.isHead("c1")).isFalse();
    assertThat(revisionIdsOf(g)).containsExactly("a", "b", "c1", "d1", "c2", "d2");
  }

  private static List<String> revisionIdsOf(RevisionGraph g) {
    return Graphs.revisionIds(g.revisions());
  }

  @Test
  void mergePointJoinsHeads() {
    RevisionGraph g = graph(rev("a"), rev("b1", "a"), rev("b2", "a"), rev("m", "b1", "b2"));
    assertThat(g.heads()).containsExactly("m");
    assertThat(g.isMergePoint("m")).isTrue();
    assertThat(g.isMergePoint("b1")).isFalse();
  }

  @Test
  void severalIndependentBases() {
    RevisionGraph g = graph(rev("a1"), rev("b1"), rev("a2", "a1"), rev("b2", "b1"));
    assertThat(g.bases()).containsExactly("a1", "b1");
    assertThat(g.heads()).containsExactly("a2", "b2");
  }

  @Test
  void dependencyMakesEffectiveHead() {
    // a1 -> a2; b1 -> b2 (depends on a2): a2 is a head but not a real head
    RevisionGraph g =
        graph(rev("a1"), rev("a2", "a1"), rev("b1"), depending("b2", List.of("a2"), "b1"));
    assertThat(g.heads()).containsExactly("a2", "b2");
    assertThat(g.realHeads()).containsExactly("b2");
    assertThat(g.isEffectiveHead("a2")).isTrue();
    assertThat(g.isEffectiveHead("b2")).isFalse();
    assertThat(g.dependents("a2")).containsExactly("b2");
    assertThat(g.children("a2")).isEmpty();
  }

  @Test
  void dependencyOnLabelResolvesToLabelledRevision() {
    RevisionGraph g =
        graph(labelled("a1", "alpha"), rev("b1"), depending("b2", List.of("alpha"), "b1"));
    assertThat(g.resolvedDependencies("b2")).containsExactly("a1");
    assertThat(g.realHeads()).containsExactly("b2");
  }

  @Test
  void normalizedDependenciesOmitThoseOfAncestors() {
    // a1->a2->a3; b1->b2(dep a3)->b3->b4(dep a3): b4 all=(b3,a3), normalized=(b3)
    RevisionGraph g =
        graph(
            rev("a1"),
            rev("a2", "a1"),
            rev("a3", "a2"),
            rev("b1"),
            depending("b2", List.of("a3"), "b1"),
            rev("b3", "b2"),
            depending("b4", List.of("a3"), "b3"));
    assertThat(g.resolvedDependencies("b4")).containsExactly("a3");
    assertThat(g.normalizedDownRevisions("b4")).containsExactly("b3");
    assertThat(g.normalizedDownRevisions("b2")).containsExactly("b1", "a3");
  }

  @Test
  void labelOnOneSideOfBranchStaysOnThatSide() {
    // a->b->{c1(label x)->d1, c2}: x on c1, d1 only
    RevisionGraph g =
        graph(rev("a"), rev("b", "a"), labelled("c1", "x", "b"), rev("d1", "c1"), rev("c2", "b"));
    assertThat(g.branchLabels("c1")).containsExactly("x");
    assertThat(g.branchLabels("d1")).containsExactly("x");
    assertThat(g.branchLabels("b")).isEmpty();
    assertThat(g.branchLabels("a")).isEmpty();
    assertThat(g.branchLabels("c2")).isEmpty();
  }

  @Test
  void labelOnLinearChainCoversWholeChain() {
    // a->b(label x)->c: x on a, b, c
    RevisionGraph g = graph(rev("a"), labelled("b", "x", "a"), rev("c", "b"));
    assertThat(g.branchLabels("a")).containsExactly("x");
    assertThat(g.branchLabels("b")).containsExactly("x");
    assertThat(g.branchLabels("c")).containsExactly("x");
  }

  @Test
  void labelStopsBelowAtRealBranchPointIncludingDependents() {
    // a has a child b (label x) and a dependent z: a is a real branch point, so x stays on b
    RevisionGraph g =
        graph(rev("a"), labelled("b", "x", "a"), rev("y"), depending("z", List.of("a"), "y"));
    assertThat(g.branchLabels("b")).containsExactly("x");
    assertThat(g.branchLabels("a")).isEmpty();
  }

  @Test
  void emptyGraphHasNoHeadsOrBases() {
    RevisionGraph g = RevisionGraph.of(List.of());
    assertThat(g.heads()).isEmpty();
    assertThat(g.bases()).isEmpty();
    assertThat(g.upgrade(List.of(), "heads")).isEmpty();
  }

  @Test
  void illegalCharactersInIdAreRejectedSortedAndNamed() {
    assertBadInput(() -> graph(rev("a-b@c")))
        .hasMessageContaining("Character(s) '-, @' not allowed in revision identifier 'a-b@c'")
        .hasMessageContaining("a-b@c.sql");
    assertBadInput(() -> graph(rev("a:b+")))
        .hasMessageContaining("Character(s) '+, :' not allowed in revision identifier 'a:b+'");
  }

  @Test
  void selfLoopIsRejected() {
    assertBadInput(() -> graph(rev("a"), rev("b", "b")))
        .hasMessageContaining("Self-loop is detected in revisions (b)")
        .hasMessageContaining("b.sql");
    assertBadInput(() -> graph(rev("a"), depending("b", List.of("b"), "a")))
        .hasMessageContaining("Dependency self-loop is detected in revisions (b)");
  }

  @Test
  void duplicateIdNamesBothOrigins() {
    RevisionScript first =
        new RevisionScript("abc", List.of(), List.of(), List.of(), "", "v/001_first.sql", null);
    RevisionScript second =
        new RevisionScript("abc", List.of(), List.of(), List.of(), "", "v/002_second.sql", null);
    assertBadInput(() -> RevisionGraph.of(List.of(first, second)))
        .hasMessageContaining("Revision abc is present more than once")
        .hasMessageContaining("v/001_first.sql")
        .hasMessageContaining("v/002_second.sql");
  }

  @Test
  void missingParentNamesRevisionOriginAndMissingId() {
    assertBadInput(() -> graph(rev("a"), rev("b", "zzz")))
        .hasMessageContaining("Revision zzz referenced from b (b.sql) is not present");
  }

  @Test
  void unknownDependencyIsRejected() {
    assertBadInput(() -> graph(rev("a"), depending("b", List.of("nope"), "a")))
        .hasMessageContaining("Revision b (b.sql) depends on 'nope'")
        .hasMessageContaining("neither a revision id nor a branch label");
  }

  @Test
  void reusedBranchLabelIsRejected() {
    assertBadInput(() -> graph(labelled("a", "x"), labelled("b", "x", "a")))
        .hasMessageContaining(
            "Branch name 'x' in revision b (b.sql) already used by revision a (a.sql)");
    assertBadInput(() -> graph(rev("a"), labelled("b", "a", "a")))
        .hasMessageContaining(
            "Branch name 'a' in revision b (b.sql) already used by revision a (a.sql)");
  }

  @Test
  void reservedWordsAreNotRevisionIds() {
    for (String id : List.of("head", "heads", "base", "current")) {
      assertBadInput(() -> graph(rev(id)))
          .hasMessageContaining("Revision identifier '" + id + "' in " + id + ".sql is a reserved");
    }
  }

  @Test
  void cycleNamesRevisionsSorted() {
    // base r, then a loop c -> b -> c and a head d above it
    assertBadInput(() -> graph(rev("r"), rev("c", "b"), rev("b", "c"), rev("d", "r")))
        .hasMessageContaining("Cycle is detected in revisions (b in b.sql, c in c.sql)");
    // no base at all: every revision is named
    assertBadInput(() -> graph(rev("x", "y"), rev("y", "x")))
        .hasMessageContaining("Cycle is detected in revisions (x in x.sql, y in y.sql)");
  }

  @Test
  void dependencyCycleIsRejected() {
    // a1 -> a2 (depends on b2); b1 -> b2 (depends on a2)
    assertBadInput(
            () ->
                graph(
                    rev("a1"),
                    depending("a2", List.of("b2"), "a1"),
                    rev("b1"),
                    depending("b2", List.of("a2"), "b1")))
        // no real head is left, so Alembic names every revision
        .hasMessageContaining(
            "Dependency cycle is detected in revisions (a1 in a1.sql, a2 in a2.sql, b1 in b1.sql, b2 in b2.sql)");
  }

  @Test
  void getUnknownIdFails() {
    assertBadInput(() -> chain("a", "b").get("zz"))
        .hasMessageContaining("Can't locate revision identified by 'zz'");
    assertThat(chain("a", "b").find("b")).isPresent();
    assertThat(chain("a", "b").find("zz")).isEmpty();
  }

  @Test
  void generatedIdsAreTwelveLowercaseHexDigits() {
    String id = RevisionIds.generate();
    assertThat(id).matches("[0-9a-f]{12}");
    assertThat(RevisionIds.generate()).isNotEqualTo(id);
  }
}
