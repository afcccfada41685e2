package dev.migrate.engine.revision;

import static dev.migrate.engine.revision.Graphs.assertBadInput;
import static dev.migrate.engine.revision.Graphs.chain;
import static dev.migrate.engine.revision.Graphs.graph;
import static dev.migrate.engine.revision.Graphs.labelledBranches;
import static dev.migrate.engine.revision.Graphs.rev;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResolutionTest {

  private static String resolved(RevisionGraph g, String identifier) {
    return g.resolve(identifier).id();
  }

  @Test
  void exactIdAndUniquePrefix() {
    RevisionGraph g = chain("1a2b3c4d5e6f", "548bbb905360", "77cc00dd11ee");
    assertThat(resolved(g, "548bbb905360")).isEqualTo("548bbb905360");
    assertThat(resolved(g, "548b")).isEqualTo("548bbb905360");
    // a prefix may be as short as one character; only keys of more than 3 characters match
    assertThat(resolved(g, "548")).isEqualTo("548bbb905360");
    assertThat(resolved(g, "7")).isEqualTo("77cc00dd11ee");
  }

  @Test
  void shortIdsMatchOnlyExactly() {
    RevisionGraph g = chain("abc", "abcd1234");
    assertThat(resolved(g, "abc")).isEqualTo("abc");
    assertThat(resolved(g, "ab")).isEqualTo("abcd1234");
  }

  @Test
  void ambiguousPrefixListsCandidates() {
    RevisionGraph g = chain("ab12cd", "ab12ef", "ab99aa");
    assertBadInput(() -> g.resolve("ab12"))
        .hasMessageContaining("Multiple revisions start with 'ab12': 'ab12cd', 'ab12ef'");
  }

  @Test
  void unknownRevisionIsNamed() {
    RevisionGraph g = chain("aaaa1111", "bbbb2222");
    assertBadInput(() -> g.resolve("cccc"))
        .hasMessageContaining("Can't locate revision identified by 'cccc'")
        .hasMessageContaining("no such revision or branch 'cccc'");
    assertBadInput(() -> g.resolve("ccc"))
        .hasMessageContaining(
            "please ensure at least four characters are present for partial revision identifier"
                + " matches");
  }

  @Test
  void headsAndLabels() {
    RevisionGraph g = labelledBranches();
    assertThat(resolved(g, "c1branch")).isEqualTo("c1");
    assertThat(resolved(g, "c1branch@head")).isEqualTo("d1");
    assertThat(resolved(g, "c2branch@head")).isEqualTo("d2");
    // a revision used as the branch part
    assertThat(resolved(g, "c2@head")).isEqualTo("d2");
    assertThat(resolved(g, "d1@c1")).isEqualTo("c1");
    assertThat(g.resolveAll("heads")).containsExactly("d1", "d2");
    assertThat(g.resolveAll("base")).isEmpty();
    assertThat(g.resolveAll("c1branch@base")).isEmpty();
  }

  @Test
  void branchPartMayBeRevisionOrLabelPrefix() {
    RevisionGraph g =
        graph(
            rev("a"),
            Graphs.labelled("b", "someotherbranch", "a"),
            rev("c", "b"),
            rev("d", "c"),
            rev("e", "d"));
    assertThat(resolved(g, "e@d")).isEqualTo("d");
    assertThat(resolved(g, "someoth@d")).isEqualTo("d");
    assertThat(resolved(g, "someotherbranch@head")).isEqualTo("e");
    assertThat(resolved(g, "-2")).isEqualTo("c");
  }

  @Test
  void headWithSeveralHeadsSaysToNarrow() {
    RevisionGraph g = labelledBranches();
    assertBadInput(() -> g.resolve("head"))
        .hasMessageContaining(
            "Multiple head revisions are present for given argument 'head'; please specify a"
                + " specific target revision, '<branchname>@head' to narrow to a specific head, or"
                + " 'heads' for all heads")
        .hasMessageContaining("d1, d2");
    // a label below the branch point covers both heads
    RevisionGraph below =
        graph(rev("a"), Graphs.labelled("b", "x", "a"), rev("c1", "b"), rev("c2", "b"));
    assertBadInput(() -> below.resolve("x@head"))
        .hasMessageContaining("given argument 'x@head'")
        .hasMessageContaining("'<branchname>@head'");
  }

  @Test
  void revisionOutsideBranchIsRejected() {
    RevisionGraph g = labelledBranches();
    assertBadInput(() -> g.resolve("c1branch@d2"))
        .hasMessageContaining("Revision d2 is not a member of branch 'c1branch'");
    assertBadInput(() -> g.resolve("nosuchbranch@d1"))
        .hasMessageContaining("No such branch: 'nosuchbranch'");
    assertBadInput(() -> g.resolve("nosuchbranch@head"))
        .hasMessageContaining("No such branch: 'nosuchbranch'");
  }

  @Test
  void negativeRelativeWalksDownFromHeads() {
    RevisionGraph g = labelledBranches();
    assertThat(g.resolveAll("-1")).containsExactly("c1", "c2");
    assertThat(resolved(g, "c2branch@-1")).isEqualTo("c2");
    assertBadInput(() -> g.resolve("c2branch@-9")).hasMessageContaining("didn't produce 9");
  }

  @Test
  void currentReducesRowsToBranchTips() {
    RevisionGraph g =
        graph(
            rev("a1"),
            rev("a2", "a1"),
            rev("b1"),
            Graphs.depending("b2", java.util.List.of("a2"), "b1"));
    assertThat(g.current(java.util.List.of("b2"))).containsExactly("a2", "b2");
    assertThat(g.current(java.util.List.of())).isEmpty();
    assertBadInput(() -> g.current(java.util.List.of("zzz")))
        .hasMessageContaining("'zzz'")
        .hasMessageContaining("migrate stamp --purge <rev>");
  }

  @Test
  void aRelativeStepTooLargeForAnIntIsBadInput() {
    assertBadInput(() -> chain("a", "b").resolve("-99999999999999999999"))
        .hasMessageContaining("-99999999999999999999 is too large");
  }
}
