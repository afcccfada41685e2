package dev.migrate.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A walk split into parts gives what one walk gives: the same check results in the same order, the
 * same progress, whether the later parts' results stand or are walked again.
 */
class SplitWalkTest {
  @TempDir Path dir;
  @TempDir Path fixtures;

  @Test
  void partsAreSizedSoThatReplayAndWalkTakeTheSameTime() {
    List<Integer> everywhere = IntStream.range(1, 200).boxed().toList();
    // the second part replays 111 revisions (a fifth of a walked one each) and walks 89
    assertThat(SplitWalk.bounds(200, everywhere, 2, 0.2)).containsExactly(0, 111, 200);
    List<Integer> four = SplitWalk.bounds(200, everywhere, 4, 0.2);
    assertThat(four).hasSize(5).startsWith(0).endsWith(200).isSorted();
    for (int j = 1; j < four.size() - 1; j++) {
      double took = 0.2 * four.get(j) + (four.get(j + 1) - four.get(j));
      assertThat(took).isCloseTo(four.get(1), org.assertj.core.data.Offset.offset(2.0));
    }
  }

  @Test
  void theCheaperTheReplayTheLaterTheSecondPartStarts() {
    List<Integer> everywhere = IntStream.range(1, 200).boxed().toList();
    assertThat(SplitWalk.bounds(200, everywhere, 2, SplitWalk.replayCost(DatabaseKind.SQLITE)))
        .containsExactly(0, 104, 200);
    assertThat(SplitWalk.bounds(200, everywhere, 2, SplitWalk.replayCost(DatabaseKind.POSTGRESQL)))
        .containsExactly(0, 118, 200);
  }

  /** Durability is left out only where nothing is checked: the walk's steps commit as usual. */
  @Test
  void anSqliteReplayCommitsWithoutWaitingForTheDiskAndTheWalkThenDoes() throws Exception {
    chain(50, Map.of());
    Path fixture = fixtures.resolve("c00000000003.sql");
    String sql = "INSERT INTO t3 (id, amount) SELECT 1, synchronous FROM pragma_synchronous;";
    VerifyOptions options =
        VerifyOptions.defaults()
            .withFixtures(List.of(new Fixture("c00000000003", Fixture.When.AT, fixture, sql)));
    RevisionGraph graph = RevisionGraph.of(RevisionLoader.load(dir, null, null));
    Stairway walk =
        new Stairway(
            graph,
            Stairway.walkOrder(graph),
            DatabaseKind.SQLITE,
            TestDatabases.sandbox(DatabaseKind.SQLITE),
            null,
            options,
            new RowsProbe());
    try {
      walk.startAt(30);
      try (java.sql.Statement s = walk.connection().createStatement()) {
        try (java.sql.ResultSet rs = s.executeQuery("SELECT amount FROM t3 WHERE id = 1")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).as("synchronous during the replay").isZero();
        }
        try (java.sql.ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).as("synchronous once the walk goes on (FULL)").isEqualTo(2);
        }
      }
    } finally {
      walk.close();
    }
  }

  @Test
  void aWalkIsSplitOnlyWhereEachPartHoldsEnoughRevisionsAndAtAPlaceAWalkCanStart() {
    List<Integer> everywhere = IntStream.range(1, 200).boxed().toList();
    assertThat(SplitWalk.bounds(200, everywhere, 1, 0.2)).containsExactly(0, 200);
    assertThat(SplitWalk.bounds(39, everywhere, 2, 0.2)).containsExactly(0, 39);
    assertThat(SplitWalk.bounds(44, everywhere, 2, 0.2)).containsExactly(0, 24, 44);
    assertThat(SplitWalk.bounds(43, everywhere, 2, 0.2)).containsExactly(0, 43);
    // fewer parts, not parts too short
    assertThat(SplitWalk.bounds(70, everywhere, 4, 0.2)).containsExactly(0, 39, 70);
    assertThat(SplitWalk.bounds(200, List.of(), 2, 0.2)).containsExactly(0, 200);
    // the nearest place a walk can start
    assertThat(SplitWalk.bounds(200, List.of(30, 120), 2, 0.2)).containsExactly(0, 120, 200);
    assertThat(SplitWalk.bounds(200, List.of(5), 2, 0.2)).containsExactly(0, 200);
  }

  @Test
  void aWalkStartsOnlyWhereTheRevisionStandsOnEveryRevisionBeforeIt() throws IOException {
    // 1 <- 2 <- 3 (branch a) and 1 <- 4 (branch b), merged by 5 <- 6
    write(1, null, "CREATE TABLE t1 (id INTEGER PRIMARY KEY);", "DROP TABLE t1;");
    write(2, "c00000000001", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);", "DROP TABLE t2;");
    write(3, "c00000000002", "CREATE TABLE t3 (id INTEGER PRIMARY KEY);", "DROP TABLE t3;");
    write(4, "c00000000001", "CREATE TABLE t4 (id INTEGER PRIMARY KEY);", "DROP TABLE t4;");
    write(5, "c00000000003, c00000000004", "", "");
    write(6, "c00000000005", "CREATE TABLE t6 (id INTEGER PRIMARY KEY);", "DROP TABLE t6;");
    RevisionGraph graph = RevisionGraph.of(RevisionLoader.load(dir, null, null));
    List<String> order = Stairway.walkOrder(graph);
    assertThat(order)
        .containsExactly(
            "c00000000001",
            "c00000000002",
            "c00000000003",
            "c00000000004",
            "c00000000005",
            "c00000000006");
    // revisions 2 and 3 stand on all before them; 4 does not stand on 2 and 3; 5 and 6 do
    assertThat(Stairway.starts(graph, order)).containsExactly(1, 2, 4, 5);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aCorrectChainWalkedInTwoPartsGivesWhatOneWalkGives(DatabaseKind kind) throws IOException {
    chain(50, Map.of());
    Compared compared = compare(kind, VerifyOptions.defaults());
    assertThat(compared.partsKept).isEqualTo(2);
    assertThat(compared.split).isEqualTo(compared.whole);
    assertThat(compared.splitProgress).isEqualTo(compared.wholeProgress);
    assertThat(compared.whole.stream().filter(c -> c.outcome() == CheckResult.Outcome.FAILED))
        .isEmpty();
  }

  @Test
  void theVerifierSplitsAsToldAndSaysWhatOneWalkSays() throws IOException {
    chain(50, Map.of());
    RevisionGraph graph = RevisionGraph.of(RevisionLoader.load(dir, null, null));
    Verifier one = Verifier.of(graph, null, VerifyOptions.defaults().withWalkers(1));
    Verifier two = Verifier.of(graph, null, VerifyOptions.defaults().withWalkers(2));
    assertThat(one.parts(DatabaseKind.SQLITE, 1)).isEqualTo(1);
    assertThat(one.parts(DatabaseKind.SQLITE, 0)).as("no backend available").isEqualTo(1);
    assertThat(two.parts(DatabaseKind.SQLITE, 1)).isEqualTo(2);
    assertThat(
            Verifier.of(graph, null, VerifyOptions.defaults().withWalkers(4))
                .parts(DatabaseKind.SQLITE, 1))
        .as("50 revisions make two parts of 20 or more, not four")
        .isEqualTo(2);
    Sandbox sandbox = TestDatabases.sandbox(DatabaseKind.SQLITE);
    List<Verifier.Backend> backends = List.of(Verifier.Backend.ready(sandbox));
    assertThat(two.run(backends).checks()).isEqualTo(one.run(backends).checks());
  }

  @Test
  void aDefectInTheLaterPartIsFoundThereAndItsResultsStand() throws IOException {
    chain(
        50,
        Map.of(
            40,
            new String[] {
              "CREATE TABLE t40 (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40));\n"
                  + "ALTER TABLE t39 ADD COLUMN grade INTEGER;",
              "ALTER TABLE t39 DROP COLUMN grade;\nDROP TABLE t40;\n"
                  + "ALTER TABLE t38 DROP COLUMN amount;\n"
                  + "ALTER TABLE t38 ADD COLUMN amount DECIMAL(8,2);"
            }));
    Compared compared = compare(DatabaseKind.SQLITE, VerifyOptions.defaults());
    assertThat(compared.partsKept).isEqualTo(2);
    assertThat(compared.split).isEqualTo(compared.whole);
    assertThat(codes(compared.whole)).contains("DATA_LOSS c00000000040");
  }

  @Test
  void aDownLeavingATraceInTheFirstPartHasTheLaterPartWalkedAgain() throws IOException {
    chainWithATraceAtFive();
    Compared compared = compare(DatabaseKind.SQLITE, VerifyOptions.defaults());
    assertThat(compared.partsKept).isEqualTo(1);
    assertThat(compared.split).isEqualTo(compared.whole);
    assertThat(compared.splitProgress).isEqualTo(compared.wholeProgress);
    assertThat(codes(compared.whole)).contains("DOWNGRADE_LEAVES_TRACE c00000000005");
  }

  /** Nothing fails, yet the database differs from a replay: the schemas tell. */
  @Test
  void aTraceOptedOutOfStillHasTheLaterPartWalkedAgain() throws IOException {
    chainWithATraceAtFive();
    Path five = dir.resolve("005.sql");
    Files.writeString(
        five,
        Files.readString(five)
            .replace(
                "-- migrate:up",
                "-- migrate:verify skip downgrade_leaves_trace, upgrade_not_repeatable:"
                    + " the table stays\n-- migrate:up"));
    Compared compared = compare(DatabaseKind.SQLITE, VerifyOptions.defaults());
    assertThat(compared.whole.stream().filter(c -> c.outcome() == CheckResult.Outcome.FAILED))
        .isEmpty();
    assertThat(compared.partsKept).isEqualTo(1);
    assertThat(compared.split).isEqualTo(compared.whole);
  }

  @Test
  void aFailedUpgradeInTheFirstPartStopsWhatStandsOnItInBoth() throws IOException {
    chain(50, Map.of(10, new String[] {"CREATE TABLE t10 (id INTEGER PRIMARY KEY, bad);x", ""}));
    Compared compared = compare(DatabaseKind.SQLITE, VerifyOptions.defaults());
    assertThat(compared.partsKept).isEqualTo(1);
    assertThat(compared.split).isEqualTo(compared.whole);
    assertThat(codes(compared.whole))
        .as(compared.whole.toString())
        .containsExactly("UPGRADE_FAILED c00000000010");
    assertThat(
            compared.whole.stream()
                .filter(c -> "c00000000040".equals(c.revision()) && c.check() == Check.UPGRADE)
                .map(CheckResult::reason))
        .containsExactly("revision c00000000010 below it failed to upgrade");
  }

  @Test
  void fixturesStampsAndAMinimumDowngradeAreKeptByThePartsReplay() throws IOException {
    chain(50, Map.of());
    Path fixture = fixtures.resolve("c00000000003.sql");
    Files.writeString(fixture, "INSERT INTO t3 (id, name) VALUES (7, 'seven');");
    VerifyOptions options =
        VerifyOptions.defaults()
            .withFixtures(
                List.of(
                    new Fixture(
                        "c00000000003",
                        Fixture.When.AT,
                        fixture,
                        "INSERT INTO t3 (id, name) VALUES (7, 'seven');")))
            .withStamped(Set.of("c00000000002"))
            .withMinimumDowngrade("c00000000004");
    Compared compared = compare(DatabaseKind.SQLITE, options);
    assertThat(compared.partsKept).isEqualTo(2);
    assertThat(compared.split).isEqualTo(compared.whole);
  }

  @Test
  void aFailureOfTheLaterPartIsThatOfOneWalkAndNoDatabaseIsLeft() throws IOException {
    chain(50, Map.of());
    Path fixture = fixtures.resolve("c00000000035.sql");
    VerifyOptions options =
        VerifyOptions.defaults()
            .withFixtures(
                List.of(
                    new Fixture(
                        "c00000000035",
                        Fixture.When.AT,
                        fixture,
                        "INSERT INTO missing VALUES (1);")));
    Set<String> before = sqliteDatabases();
    Sandbox sandbox = Sandbox.sqlite();
    try {
      assertThatThrownBy(() -> run(sandbox, options.withWalkers(1)))
          .isInstanceOf(MigrateException.class)
          .hasMessageStartingWith("Fixture " + fixture + ": statement 1 failed on sqlite");
      assertThatThrownBy(() -> run(sandbox, options.withWalkers(2)))
          .isInstanceOf(MigrateException.class)
          .hasMessageStartingWith("Fixture " + fixture + ": statement 1 failed on sqlite");
      assertThat(sqliteDatabases()).isEqualTo(before);
    } finally {
      sandbox.close();
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private record Compared(
      List<CheckResult> whole,
      List<CheckResult> split,
      List<String> wholeProgress,
      List<String> splitProgress,
      int partsKept) {}

  private Compared compare(DatabaseKind kind, VerifyOptions options) {
    Sandbox sandbox = TestDatabases.sandbox(kind);
    List<String> wholeProgress = Collections.synchronizedList(new ArrayList<>());
    List<String> splitProgress = Collections.synchronizedList(new ArrayList<>());
    RevisionGraph graph = RevisionGraph.of(RevisionLoader.load(dir, null, null));
    List<String> order = Stairway.walkOrder(graph);
    List<CheckResult> whole =
        new Stairway(
                graph,
                order,
                kind,
                sandbox,
                null,
                options.withProgress(p -> wholeProgress.add(said(p))),
                new RowsProbe())
            .walk()
            .checks();
    VerifyOptions splitOptions = options.withProgress(p -> splitProgress.add(said(p)));
    List<Integer> bounds =
        SplitWalk.bounds(
            order.size(), Stairway.starts(graph, order), 2, SplitWalk.replayCost(kind));
    assertThat(bounds).hasSize(3);
    SplitWalk.Walked split =
        SplitWalk.walk(
            () -> new Stairway(graph, order, kind, sandbox, null, splitOptions, new RowsProbe()),
            bounds,
            splitOptions.progress());
    return new Compared(
        whole, split.outcome().checks(), wholeProgress, splitProgress, split.partsKept());
  }

  /** A progress report without its timing. */
  private static String said(Progress p) {
    return p.backend()
        + " "
        + p.revision()
        + " "
        + p.done()
        + "/"
        + p.total()
        + " "
        + p.line().replaceFirst(" \\(\\d+ ms\\)$", "");
  }

  private VerificationResult run(Sandbox sandbox, VerifyOptions options) {
    RevisionGraph graph = RevisionGraph.of(RevisionLoader.load(dir, null, null));
    return Verifier.of(graph, null, options).run(List.of(Verifier.Backend.ready(sandbox)));
  }

  private static List<String> codes(List<CheckResult> checks) {
    return checks.stream()
        .flatMap(c -> c.findings().stream())
        .filter(f -> f.severity() != Severity.INFO)
        .map(f -> f.code() + " " + f.revision())
        .distinct()
        .toList();
  }

  private static Set<String> sqliteDatabases() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.startsWith("migrate_test_"))
          .collect(Collectors.toSet());
    }
  }

  /**
   * A chain of {@code count} revisions: each makes a table with an index, every seventh adds a
   * column to the table before; {@code special} replaces a revision's up and down.
   */
  private void chain(int count, Map<Integer, String[]> special) throws IOException {
    Map<Integer, String[]> bodies = new TreeMap<>(special);
    for (int i = 1; i <= count; i++) {
      if (bodies.containsKey(i)) {
        continue;
      }
      String up =
          "CREATE TABLE t"
              + i
              + " (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40), amount DECIMAL(8,2));\n"
              + "CREATE INDEX ix_t"
              + i
              + " ON t"
              + i
              + " (name);";
      String down = "DROP TABLE t" + i + ";";
      if (i > 1 && i % 7 == 0) {
        up += "\nALTER TABLE t" + (i - 1) + " ADD COLUMN extra INTEGER;";
        down = "ALTER TABLE t" + (i - 1) + " DROP COLUMN extra;\n" + down;
      }
      bodies.put(i, new String[] {up, down});
    }
    for (Map.Entry<Integer, String[]> body : bodies.entrySet()) {
      int i = body.getKey();
      write(i, i == 1 ? null : id(i - 1), body.getValue()[0], body.getValue()[1]);
    }
  }

  /** A chain of 50 whose revision 5's down leaves a table behind. */
  private void chainWithATraceAtFive() throws IOException {
    chain(
        50,
        Map.of(
            5,
            new String[] {
              "CREATE TABLE t5 (id INTEGER NOT NULL PRIMARY KEY);",
              "DROP TABLE t5;\nCREATE TABLE forgotten (id INTEGER);"
            }));
  }

  private static String id(int i) {
    return String.format("c%011d", i);
  }

  private void write(int i, String parents, String up, String down) throws IOException {
    StringBuilder f = new StringBuilder();
    f.append("-- migrate:revision ").append(id(i)).append('\n');
    if (parents != null) {
      f.append("-- migrate:revises ").append(parents).append('\n');
    }
    f.append("-- migrate:message Revision ").append(i).append('\n');
    f.append("-- migrate:up\n").append(up).append('\n');
    f.append("-- migrate:down\n").append(down).append('\n');
    Files.writeString(dir.resolve(String.format("%03d.sql", i)), f.toString());
  }
}
