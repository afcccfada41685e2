package dev.migrate.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.verify.VerificationResult;
import dev.migrate.engine.verify.Verifier;
import dev.migrate.engine.verify.VerifyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The JUnit route beside {@code migrate verify}'s engine on the same generated chain, in the same
 * JVM, alternating per round: a {@link MigrationChecks} class run through JUnit's engine (every
 * dynamic test, on fresh throwaway databases) against {@link Verifier#run} of the same revisions.
 * Run by hand (see docs/benchmarks.md), never as a test.
 */
public final class MigrationChecksBenchmark {
  private static final Path CHAIN = Path.of("target/bench-chain");
  private static final int REVISIONS = Integer.getInteger("bench.revisions", 100);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

  @RunByTests
  @MigrationTest(revisions = "target/bench-chain", backends = DatabaseKind.SQLITE)
  static class OnSqlite implements MigrationChecks {}

  @RunByTests
  @MigrationTest(revisions = "target/bench-chain", backends = DatabaseKind.POSTGRESQL)
  static class OnPostgresql implements MigrationChecks {}

  @RunByTests
  @MigrationTest(revisions = "target/bench-chain", backends = DatabaseKind.MYSQL)
  static class OnMysql implements MigrationChecks {}

  public static void main(String[] args) throws Exception {
    writeChain(CHAIN, REVISIONS);
    System.out.printf(
        "MigrationChecks vs Verifier.run on a %d-revision chain; median of %d rounds after one"
            + " warm-up%n",
        REVISIONS, ROUNDS);
    System.out.printf(
        "%-10s %12s %12s %8s %16s%n", "backend", "verify", "JUnit", "ratio", "round ratios");
    String only = System.getProperty("bench.backends", "");
    for (DatabaseKind kind : DatabaseKind.values()) {
      if (!only.isEmpty() && !List.of(only.split(",")).contains(kind.id())) {
        continue;
      }
      Verifier.Backend backend = Servers.backend(kind);
      if (backend.sandbox() == null) {
        System.out.printf("%-10s skipped: %s%n", kind.id(), backend.unavailable());
        continue;
      }
      Sandbox sandbox = backend.sandbox();
      Class<?> fixture =
          switch (kind) {
            case SQLITE -> OnSqlite.class;
            case POSTGRESQL -> OnPostgresql.class;
            case MYSQL -> OnMysql.class;
          };
      long[] verify = new long[ROUNDS];
      long[] junit = new long[ROUNDS];
      for (int round = -1; round < ROUNDS; round++) {
        long v = verify(sandbox);
        long j = junit(fixture);
        if (round >= 0) {
          verify[round] = v;
          junit[round] = j;
        }
      }
      sandbox.close();
      double[] ratios = new double[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
        ratios[i] = (double) junit[i] / verify[i];
      }
      double[] sorted = ratios.clone();
      Arrays.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "%-10s %9.1f ms %9.1f ms %7.2fx %7.2f..%.2fx%n",
          kind.id(),
          median(verify) / 1e6,
          median(junit) / 1e6,
          median(ratios),
          sorted[0],
          sorted[ROUNDS - 1]);
    }
  }

  /** What {@code migrate verify} does: read the revisions, verify them, on fresh databases. */
  private static long verify(Sandbox sandbox) {
    long start = System.nanoTime();
    RevisionGraph graph = RevisionGraph.of(RevisionLoader.load(CHAIN, null, null));
    VerificationResult result =
        Verifier.of(graph, null, VerifyOptions.defaults())
            .run(List.of(Verifier.Backend.ready(sandbox)));
    long took = System.nanoTime() - start;
    if (result.hasErrors()) {
      throw new IllegalStateException("the chain should verify clean: " + result);
    }
    return took;
  }

  private static long junit(Class<?> fixture) {
    long start = System.nanoTime();
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(RunByTests.PARAMETER, "benchmark")
            .selectors(selectClass(fixture))
            .execute()
            .testEvents();
    long took = System.nanoTime() - start;
    if (events.failed().count() > 0 || events.succeeded().count() == 0) {
      throw new IllegalStateException("the chain should pass as tests: " + events.failed().list());
    }
    return took;
  }

  /** A chain of revisions, each creating a table with an index and two rows. */
  private static void writeChain(Path dir, int count) throws IOException {
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(dir);
    String parent = null;
    for (int i = 1; i <= count; i++) {
      String id = String.format("%012x", 0xbc00000000L + i);
      List<String> lines = new ArrayList<>();
      lines.add("-- migrate:revision " + id);
      if (parent != null) {
        lines.add("-- migrate:revises " + parent);
      }
      lines.add("-- migrate:message Generated revision " + i);
      lines.add("-- migrate:up");
      lines.add(
          "CREATE TABLE bench_"
              + i
              + " (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL,"
              + " amount DECIMAL(10,2));");
      lines.add("CREATE INDEX ix_bench_" + i + "_name ON bench_" + i + " (name);");
      lines.add("INSERT INTO bench_" + i + " (id, name, amount) VALUES (1, 'one', 1.50);");
      lines.add("-- migrate:down");
      lines.add("DROP TABLE bench_" + i + ";");
      Files.write(dir.resolve(String.format("%04d_%s.sql", i, id)), lines);
      parent = id;
    }
  }

  private static double median(long[] values) {
    return median(Arrays.stream(values).asDoubleStream().toArray());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
