package dev.migrate.engine.bench;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.revision.MigrationStep;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.runtime.Migrator;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a chain of generated SQL revisions up to head and back down to base, once through the
 * {@link Migrator} and once as plain JDBC running the same statements with the same transaction
 * boundaries and no bookkeeping (no version or history table, no lock, no checksum). Rounds
 * alternate between the two on fresh databases; the medians and their ratio are printed. Run by
 * hand (see docs/benchmarks.md), never as a test.
 */
public final class MigrationBenchmark {
  private static final int REVISIONS = Integer.getInteger("bench.revisions", 200);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 7);

  public static void main(String[] args) throws Exception {
    List<DatabaseKind> kinds = Rounds.backends();
    Path versions = Files.createTempDirectory("migrate-bench-");
    writeRevisions(versions, REVISIONS);
    RevisionGraph graph = RevisionGraph.of(RevisionLoader.load(versions, null, null));
    System.out.printf(
        "%d revisions up to head and down to base, median of %d rounds after one warm-up%n",
        REVISIONS, ROUNDS);
    System.out.printf(
        "%-10s %12s %12s %8s %16s%n", "backend", "plain JDBC", "migrate", "ratio", "round ratios");
    for (DatabaseKind kind : kinds) {
      Rounds.compare(kind.id(), ROUNDS, () -> plainJdbc(kind, graph), () -> migrate(kind, graph));
    }
  }

  /** The engine: one upgrade to head, one downgrade to base, on a fresh database. */
  private static long migrate(DatabaseKind kind, RevisionGraph graph) {
    try (TestDatabase db = TestDatabases.create(kind)) {
      Migrator migrator = Migrator.builder(graph).url(db.url()).output(line -> {}).build();
      long start = System.nanoTime();
      migrator.upgrade("head");
      migrator.downgrade("base");
      return System.nanoTime() - start;
    }
  }

  /**
   * The baseline: the statements of the same revisions, rendered ahead of time, in the order the
   * engine runs them, one transaction per revision where DDL is transactional.
   */
  private static long plainJdbc(DatabaseKind kind, RevisionGraph graph) throws SQLException {
    Dialect dialect = Dialect.of(kind);
    List<List<String>> up = statements(graph.upgrade(List.of(), "head"), kind);
    List<String> heads = graph.heads();
    List<List<String>> down = statements(graph.downgrade(heads, "base"), kind);
    try (TestDatabase db = TestDatabases.create(kind);
        Connection c = db.connect()) {
      long start = System.nanoTime();
      run(c, up, dialect.transactionalDdl());
      run(c, down, dialect.transactionalDdl());
      return System.nanoTime() - start;
    }
  }

  private static void run(Connection c, List<List<String>> revisions, boolean transactional)
      throws SQLException {
    c.setAutoCommit(!transactional);
    try (Statement s = c.createStatement()) {
      for (List<String> revision : revisions) {
        for (String sql : revision) {
          s.execute(sql);
        }
        if (transactional) {
          c.commit();
        }
      }
    }
    c.setAutoCommit(true);
  }

  private static List<List<String>> statements(List<MigrationStep> steps, DatabaseKind kind) {
    List<List<String>> out = new ArrayList<>();
    for (MigrationStep step : steps) {
      RevisionScript revision = step.revision();
      List<String> sql = new ArrayList<>();
      for (Operation op : revision.body().plan(step.direction(), kind).operations()) {
        sql.add(((Operation.Execute) op).sql());
      }
      out.add(sql);
    }
    return out;
  }

  /**
   * A linear chain: each revision creates a table with an index and a few rows; every fifth also
   * adds a column to the table before it. Portable SQL, so one text serves all three backends.
   */
  public static void writeRevisions(Path dir, int count) throws IOException {
    String parent = null;
    for (int i = 1; i <= count; i++) {
      String id = String.format("%012x", 0xbe00000000L + i);
      StringBuilder f = new StringBuilder();
      f.append("-- migrate:revision ").append(id).append('\n');
      if (parent != null) {
        f.append("-- migrate:revises ").append(parent).append('\n');
      }
      f.append("-- migrate:message Generated revision ").append(i).append('\n');
      f.append("-- migrate:up\n");
      f.append("CREATE TABLE bench_")
          .append(i)
          .append(
              " (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                  + " amount DECIMAL(10,2), created DATE);\n");
      f.append("CREATE INDEX ix_bench_").append(i).append("_name ON bench_").append(i);
      f.append(" (name);\n");
      f.append("INSERT INTO bench_").append(i).append(" (id, name, amount, created) VALUES");
      f.append(" (1, 'one', 1.50, '2026-01-01'), (2, 'two', 2.50, '2026-01-02');\n");
      boolean alter = i > 1 && i % 5 == 0;
      if (alter) {
        f.append("ALTER TABLE bench_").append(i - 1).append(" ADD COLUMN note VARCHAR(50);\n");
      }
      f.append("-- migrate:down\n");
      if (alter) {
        f.append("ALTER TABLE bench_").append(i - 1).append(" DROP COLUMN note;\n");
      }
      f.append("DROP TABLE bench_").append(i).append(";\n");
      Files.writeString(dir.resolve(String.format("%04d_%s.sql", i, id)), f.toString());
      parent = id;
    }
  }
}
