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
  private static final int REFRESH_TABLES = Integer.getInteger("bench.refresh.tables", 30);
  private static final String CASE = System.getProperty("bench.case", "");
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 7);
  private static final int SNAPSHOTS = Integer.getInteger("bench.snapshots", 5);

  public static void main(String[] args) throws Exception {
    SchemaReader.quietSchemaCrawler();
    List<DatabaseKind> kinds = Rounds.backends();
    if (!CASE.equals("refresh")) {
      full(kinds);
    }
    if (!CASE.equals("full")) {
      refresh(kinds);
    }
  }

  private static void full(List<DatabaseKind> kinds) throws Exception {
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
        createTables(c, TABLES);
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

  /**
   * One table altered, then a refresh as verification takes it (PostgreSQL's DDL log installed, the
   * statement given: MySQL digests only the table it names; on a server, on a connection of its
   * own), against a full read; each timed once per round.
   */
  private static void refresh(List<DatabaseKind> kinds) throws Exception {
    int rounds = ROUNDS * SNAPSHOTS;
    System.out.printf(
        "%nrefresh after one of %d tables altered, median of %d rounds after one warm-up%n",
        REFRESH_TABLES, rounds);
    System.out.printf(
        "%-10s %12s %12s %8s %14s %14s%n",
        "backend", "full read", "refresh", "ratio", "round ratios", "fingerprint()");
    SchemaReader reader = new SchemaReader();
    for (DatabaseKind kind : kinds) {
      try (TestDatabase db = TestDatabases.create(kind);
          Connection c = db.connect();
          Connection own = kind == DatabaseKind.SQLITE ? null : db.connectForCatalog();
          Statement s = c.createStatement()) {
        createTables(c, REFRESH_TABLES);
        SchemaReader.Snapshots snapshots = reader.snapshotsOfOwnDatabase(own == null ? c : own);
        snapshots.refresh();
        long[] full = new long[rounds];
        long[] refresh = new long[rounds];
        long[] fingerprint = new long[rounds];
        for (int round = -1; round < rounds; round++) {
          int r = round + 1;
          String table = "snap_" + (1 + (r / 2) % REFRESH_TABLES);
          String alter =
              r % 2 == 0
                  ? "ALTER TABLE " + table + " ADD COLUMN extra INTEGER"
                  : "ALTER TABLE " + table + " DROP COLUMN extra";
          s.execute(alter);
          long start = System.nanoTime();
          Schema refreshed = snapshots.refreshAfter(List.of(alter));
          long refreshNanos = System.nanoTime() - start;
          start = System.nanoTime();
          String fp = snapshots.fingerprint();
          long fingerprintNanos = System.nanoTime() - start;
          start = System.nanoTime();
          Schema read = reader.read(c);
          long fullNanos = System.nanoTime() - start;
          if (!refreshed.equals(read) || fp == null) {
            throw new IllegalStateException("the refresh differs from the full read");
          }
          if (round >= 0) {
            full[round] = fullNanos;
            refresh[round] = refreshNanos;
            fingerprint[round] = fingerprintNanos;
          }
        }
        System.out.printf(
            Locale.ROOT,
            "%-10s %9.2f ms %9.2f ms %s %11.3f ms%n",
            kind.id(),
            Rounds.medianMillis(full),
            Rounds.medianMillis(refresh),
            Rounds.ratio(refresh, full),
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

  private static void createTables(Connection c, int tables) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (int i = 1; i <= tables; i++) {
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
