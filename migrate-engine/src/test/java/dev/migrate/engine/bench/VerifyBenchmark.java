package dev.migrate.engine.bench;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.sandbox.ThrowawayDatabase;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.Verifier;
import dev.migrate.engine.verify.VerifyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * P3: full verification of a generated chain (every check) beside plain JDBC running every
 * revision's statements up, down and up again, in the same process, alternating per round on fresh
 * databases. P4: a throwaway database made ready to use, and a state (the chain's first 20
 * revisions applied) cloned. Run by hand (see docs/benchmarks.md), never as a test.
 */
public final class VerifyBenchmark {
  private static final int REVISIONS = Integer.getInteger("bench.revisions", 200);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  private static final int CLONES = Integer.getInteger("bench.clones", 21);

  /** {@code -Dbench.walkers=1} measures one walk; default 0, as {@code migrate verify} does. */
  private static final int WALKERS = Integer.getInteger("bench.walkers", 0);

  public static void main(String[] args) throws Exception {
    List<DatabaseKind> kinds = Rounds.backends();
    Path versions = Files.createTempDirectory("migrate-bench-");
    MigrationBenchmark.writeRevisions(versions, REVISIONS);
    RevisionGraph graph = RevisionGraph.of(RevisionLoader.load(versions, null, null));
    System.out.printf(
        "P3: verify a %d-revision chain vs plain JDBC up, down, up again; median of %d rounds"
            + " after one warm-up%n",
        REVISIONS, ROUNDS);
    System.out.printf(
        "verify walks the chain in %s part(s) at once (walkers %s, %d cores)%n",
        kinds.stream()
            .map(k -> k.id() + " " + Verifier.of(graph, null, options()).parts(k, 1))
            .collect(java.util.stream.Collectors.joining(", ")),
        WALKERS == 0 ? "auto" : String.valueOf(WALKERS),
        Runtime.getRuntime().availableProcessors());
    System.out.printf(
        "%-10s %12s %12s %8s %16s%n", "backend", "plain JDBC", "verify", "ratio", "round ratios");
    for (DatabaseKind kind : kinds) {
      Sandbox sandbox = TestDatabases.sandbox(kind);
      Rounds.compare(
          kind.id(), ROUNDS, () -> plainJdbc(kind, sandbox, graph), () -> verify(sandbox, graph));
    }
    System.out.printf("%nP4: median of %d after one warm-up%n", CLONES - 1);
    System.out.printf(
        "%-10s %14s %14s %14s %8s %14s%n",
        "backend", "create+connect", "clone+connect", "bare server", "ratio", "saved clone");
    for (DatabaseKind kind : kinds) {
      Sandbox sandbox = TestDatabases.sandbox(kind);
      long[] create = new long[CLONES];
      long[] clone = new long[CLONES];
      long[] saved = new long[CLONES];
      long[] bare = new long[CLONES];
      try (ThrowawayDatabase source = sandbox.create()) {
        try (Connection c = source.connect()) {
          runChain(c, kind, graph, 20);
        }
        for (int i = 0; i < CLONES; i++) {
          // as verification clones a state saved at a branch point: the next clone made ahead
          // while the caller works (here: 50 ms with the clone before dropping it)
          if (i == 0) {
            sandbox.cloneAhead(source, CLONES);
          }
          long start = System.nanoTime();
          try (ThrowawayDatabase copy = sandbox.cloneOf(source);
              Connection cc = copy.connect()) {
            saved[i] = System.nanoTime() - start;
            Thread.sleep(50);
          }
        }
        for (int i = 0; i < CLONES; i++) {
          long start = System.nanoTime();
          try (ThrowawayDatabase db = sandbox.create();
              Connection c = db.connect()) {
            create[i] = System.nanoTime() - start;
          }
        }
        Thread.sleep(1000); // the spare the last create made ahead is ready, not being made
        for (int i = 0; i < CLONES; i++) {
          // in turns, first ours then the server's, then the other way round
          if (i % 2 == 1) {
            bare[i] = bareClone(kind, source, i);
          }
          long start = System.nanoTime();
          try (ThrowawayDatabase copy = sandbox.cloneOf(source);
              Connection cc = copy.connect()) {
            clone[i] = System.nanoTime() - start;
          }
          if (i % 2 == 0) {
            bare[i] = bareClone(kind, source, i);
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%-10s %11.1f ms %11.1f ms %11.1f ms %7.2fx %11.1f ms%n",
          kind.id(),
          Rounds.medianMillis(java.util.Arrays.copyOfRange(create, 1, CLONES)),
          Rounds.medianMillis(java.util.Arrays.copyOfRange(clone, 1, CLONES)),
          Rounds.medianMillis(java.util.Arrays.copyOfRange(bare, 1, CLONES)),
          Rounds.medianMillis(java.util.Arrays.copyOfRange(clone, 1, CLONES))
              / Rounds.medianMillis(java.util.Arrays.copyOfRange(bare, 1, CLONES)),
          Rounds.medianMillis(java.util.Arrays.copyOfRange(saved, 1, CLONES)));
    }
  }

  /**
   * The baseline of a state cloned: the server's own copy, as a hand-written script would make it,
   * and a connection to it (PostgreSQL {@code CREATE DATABASE … TEMPLATE}; MySQL {@code CREATE
   * TABLE … LIKE} and {@code INSERT … SELECT} per table; SQLite a file copy). Dropped untimed.
   */
  private static long bareClone(DatabaseKind kind, ThrowawayDatabase source, int round)
      throws Exception {
    if (kind == DatabaseKind.SQLITE) {
      Path from = Path.of(source.url().substring("jdbc:sqlite:".length()));
      Path to = Files.createTempFile("migrate-bench-bare-", ".sqlite");
      long start = System.nanoTime();
      Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + to)) {
        long took = System.nanoTime() - start;
        return took;
      } finally {
        Files.delete(to);
      }
    }
    String admin = TestDatabases.adminUrl(kind);
    String name = "migrate_bench_bare_" + round;
    try (Connection a = java.sql.DriverManager.getConnection(admin);
        Statement s = a.createStatement()) {
      String drop =
          kind == DatabaseKind.POSTGRESQL
              ? "DROP DATABASE IF EXISTS \"" + name + "\""
              : "DROP DATABASE IF EXISTS `" + name + "`";
      s.execute(drop); // left by a run stopped halfway; the name is this benchmark's own
      long start = System.nanoTime();
      if (kind == DatabaseKind.POSTGRESQL) {
        s.execute("CREATE DATABASE \"" + name + "\" TEMPLATE \"" + source.name() + "\"");
      } else {
        List<String> tables = new ArrayList<>();
        try (java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                    + source.name()
                    + "' AND TABLE_TYPE = 'BASE TABLE'")) {
          while (rs.next()) {
            tables.add(rs.getString(1));
          }
        }
        s.execute("CREATE DATABASE `" + name + "`");
        for (String table : tables) {
          s.execute(
              "CREATE TABLE `"
                  + name
                  + "`.`"
                  + table
                  + "` LIKE `"
                  + source.name()
                  + "`.`"
                  + table
                  + "`");
          s.execute(
              "INSERT INTO `"
                  + name
                  + "`.`"
                  + table
                  + "` SELECT * FROM `"
                  + source.name()
                  + "`.`"
                  + table
                  + "`");
        }
      }
      long took;
      try (Connection c = java.sql.DriverManager.getConnection(Sandbox.withDatabase(admin, name))) {
        took = System.nanoTime() - start;
      }
      s.execute(drop);
      return took;
    }
  }

  private static long verify(Sandbox sandbox, RevisionGraph graph) {
    long start = System.nanoTime();
    VerificationResult result =
        Verifier.of(graph, null, options()).run(List.of(Verifier.Backend.ready(sandbox)));
    long took = System.nanoTime() - start;
    if (result.hasErrors()) {
      throw new IllegalStateException("the benchmark chain should verify clean: " + result);
    }
    return took;
  }

  private static VerifyOptions options() {
    return VerifyOptions.defaults().withWalkers(WALKERS);
  }

  /** Every revision's statements up, down and up again, one transaction each where DDL allows. */
  private static long plainJdbc(DatabaseKind kind, Sandbox sandbox, RevisionGraph graph)
      throws SQLException {
    try (ThrowawayDatabase db = sandbox.create();
        Connection c = db.connect()) {
      long start = System.nanoTime();
      runChain(c, kind, graph, Integer.MAX_VALUE);
      return System.nanoTime() - start;
    }
  }

  private static void runChain(Connection c, DatabaseKind kind, RevisionGraph graph, int limit)
      throws SQLException {
    boolean transactional = Dialect.of(kind).transactionalDdl();
    int n = 0;
    for (RevisionScript revision : graph.revisions()) {
      if (n++ == limit) {
        return;
      }
      List<String> up = sql(revision, Direction.UPGRADE, kind);
      if (limit != Integer.MAX_VALUE) {
        run(c, up, transactional);
        continue;
      }
      run(c, up, transactional);
      run(c, sql(revision, Direction.DOWNGRADE, kind), transactional);
      run(c, up, transactional);
    }
  }

  private static void run(Connection c, List<String> statements, boolean transactional)
      throws SQLException {
    c.setAutoCommit(!transactional);
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
      if (transactional) {
        c.commit();
      }
    }
    c.setAutoCommit(true);
  }

  private static List<String> sql(RevisionScript revision, Direction direction, DatabaseKind kind) {
    List<String> out = new ArrayList<>();
    for (Operation op : revision.body().plan(direction, kind).operations()) {
      out.add(((Operation.Execute) op).sql());
    }
    return out;
  }
}
