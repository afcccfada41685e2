package dev.migrate.engine.bench;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import dev.migrate.engine.testing.SchemaCrawlerCatalogs;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;

/**
 * Snapshots a 100-table schema (each table with a primary key, a unique constraint, an index and a
 * foreign key to the one before) through {@link SchemaReader} (SchemaCrawler with bulk catalog
 * queries), and through a plain {@link DatabaseMetaData} walk of the same information (tables, then
 * columns, primary key, imported keys and index info per table), in the same process on the same
 * connection. Rounds alternate between the two; the median of the per-round ratios is printed, with
 * SchemaCrawler's default load (its plugins and per-table metadata calls; minimum info level plus
 * columns, keys and indexes, limited to the one schema) and the fingerprint for scale. Run by hand
 * (see docs/benchmarks.md), never as a test.
 */
public final class SnapshotBenchmark {
  private static final int TABLES = Integer.getInteger("bench.tables", 100);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 7);
  private static final int SNAPSHOTS = Integer.getInteger("bench.snapshots", 5);

  public static void main(String[] args) throws Exception {
    SchemaReader.quietSchemaCrawler();
    List<DatabaseKind> kinds = Rounds.backends();
    System.out.printf(
        "snapshot of %d tables, time per snapshot, median of %d rounds of %d after one warm-up%n",
        TABLES, ROUNDS, SNAPSHOTS);
    System.out.printf(
        "%-10s %12s %12s %8s %14s %14s %14s%n",
        "backend", "JDBC meta", "migrate", "ratio", "round ratios", "SC default", "fingerprint");
    SchemaReader reader = new SchemaReader();
    for (DatabaseKind kind : kinds) {
      try (TestDatabase db = TestDatabases.create(kind);
          Connection c = db.connect()) {
        createTables(c, kind);
        Schema schema = reader.read(c);
        if (schema.tables().size() != TABLES) {
          throw new IllegalStateException("read " + schema.tables().size() + " tables");
        }
        SchemaCrawlerOptions crawl = SchemaCrawlerCatalogs.options(c, kind);
        long[] plain = new long[ROUNDS];
        long[] ours = new long[ROUNDS];
        long[] crawler = new long[ROUNDS];
        long[] fingerprint = new long[ROUNDS];
        for (int round = -1; round < ROUNDS; round++) {
          long p = time(() -> metaDataWalk(c, kind));
          long o = time(() -> reader.read(c));
          long s = time(() -> SchemaCrawlerCatalogs.load(c, crawl));
          long f = time(() -> reader.fingerprint(c));
          if (round >= 0) {
            plain[round] = p;
            ours[round] = o;
            crawler[round] = s;
            fingerprint[round] = f;
          }
        }
        System.out.printf(
            Locale.ROOT,
            "%-10s %9.1f ms %9.1f ms %s %11.1f ms %11.1f ms%n",
            kind.id(),
            Rounds.medianMillis(plain),
            Rounds.medianMillis(ours),
            Rounds.ratio(ours, plain),
            Rounds.medianMillis(crawler),
            Rounds.medianMillis(fingerprint));
      }
    }
  }

  private interface Work {
    Object run() throws Exception;
  }

  /** Nanoseconds per snapshot, over {@link #SNAPSHOTS} runs. */
  private static long time(Work work) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < SNAPSHOTS; i++) {
      if (work.run() == null) {
        throw new IllegalStateException("no result");
      }
    }
    return (System.nanoTime() - start) / SNAPSHOTS;
  }

  private static void createTables(Connection c, DatabaseKind kind) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (int i = 1; i <= TABLES; i++) {
        String parentColumn = i == 1 ? "" : ", parent_id INTEGER";
        String parentKey =
            i == 1
                ? ""
                : ", CONSTRAINT fk_snap_"
                    + i
                    + " FOREIGN KEY (parent_id) REFERENCES snap_"
                    + (i - 1)
                    + " (id)";
        s.execute(
            "CREATE TABLE snap_"
                + i
                + " (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                + " amount DECIMAL(10,2) DEFAULT 0, created DATE"
                + parentColumn
                + ", CONSTRAINT uq_snap_"
                + i
                + " UNIQUE (name, created)"
                + parentKey
                + ")");
        s.execute("CREATE INDEX ix_snap_" + i + " ON snap_" + i + " (created, amount)");
      }
    }
  }

  /** The baseline: the same information through java.sql.DatabaseMetaData, table by table. */
  private static List<Object> metaDataWalk(Connection c, DatabaseKind kind) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String catalog = kind == DatabaseKind.MYSQL ? c.getCatalog() : null;
    String schema = kind == DatabaseKind.POSTGRESQL ? c.getSchema() : null;
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    List<Object> rows = new ArrayList<>();
    for (String table : tables) {
      collect(rows, meta.getColumns(catalog, schema, table, "%"));
      collect(rows, meta.getPrimaryKeys(catalog, schema, table));
      collect(rows, meta.getImportedKeys(catalog, schema, table));
      collect(rows, meta.getIndexInfo(catalog, schema, table, false, false));
    }
    return rows;
  }

  private static void collect(List<Object> rows, ResultSet rs) throws SQLException {
    try (rs) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getObject(i + 1);
        }
        rows.add(row);
      }
    }
  }
}
