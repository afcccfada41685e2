package dev.migrate.test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Dialect;
import dev.migrate.engine.dialect.Urls;
import dev.migrate.engine.diff.Difference;
import dev.migrate.engine.diff.SchemaDiff;
import dev.migrate.engine.diff.StoredChecks;
import dev.migrate.engine.revision.MigrationStep;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.runtime.Migrator;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.sandbox.ThrowawayDatabase;
import dev.migrate.engine.schema.Schema;
import dev.migrate.engine.schema.SchemaReader;
import dev.migrate.engine.verify.Verifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A fresh throwaway database of one backend for one test, and the project's revisions to move it
 * with. Dropped when the test ends, whatever its outcome.
 */
public final class MigrationRunner implements AutoCloseable {
  private final ThrowawayDatabase database;
  private final Connection connection;
  private final Migrator migrator;
  private final RevisionGraph graph;
  private final Verifier.ExpectedModels models;
  private final Sandbox sandbox;
  private HikariDataSource pool;

  static final int POOL_SIZE = 4;

  MigrationRunner(
      RevisionGraph graph,
      ThrowawayDatabase database,
      Verifier.ExpectedModels models,
      Sandbox sandbox) {
    this.graph = graph;
    this.models = models;
    this.sandbox = sandbox;
    this.database = database;
    try {
      this.connection = database.connect();
    } catch (SQLException e) {
      database.close();
      throw MigrateException.failed("Cannot connect to " + database + ": " + e.getMessage(), e);
    }
    this.migrator =
        Migrator.builder(graph)
            .connection(connection)
            .databaseKind(database.kind())
            .output(line -> {})
            .build();
  }

  /** A row for {@link #insert}: column, value, column, value, ... */
  public static Map<String, Object> row(Object... columnsAndValues) {
    if (columnsAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("row(...) takes column, value pairs");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      row.put(String.valueOf(columnsAndValues[i]), columnsAndValues[i + 1]);
    }
    return row;
  }

  public DatabaseKind backend() {
    return database.kind();
  }

  /** Upgrades to {@code target}: an id, {@code head}, {@code +1}, {@code label@head}, ... */
  public List<MigrationStep> upgradeTo(String target) {
    return migrator.upgrade(target);
  }

  /** Downgrades to {@code target}: an id, {@code base}, {@code -1}, ... */
  public List<MigrationStep> downgradeTo(String target) {
    return migrator.downgrade(target);
  }

  /** Applies the next revision up (there must be exactly one). */
  public MigrationStep stepUp() {
    List<MigrationStep> steps = migrator.upgrade("+1");
    return steps.get(steps.size() - 1);
  }

  /** Undoes the last revision applied. */
  public MigrationStep stepDown() {
    return migrator.downgrade("-1").get(0);
  }

  /** The current revisions (the tips of the version rows); empty at base. */
  public List<String> current() {
    return graph.current(migrator.currentRows());
  }

  /** Inserts rows into {@code table}, identifiers quoted for the backend. */
  @SafeVarargs
  public final void insert(String table, Map<String, Object>... rows) {
    Dialect dialect = Dialect.of(database.kind());
    for (Map<String, Object> row : rows) {
      List<String> columns = new ArrayList<>(row.keySet());
      String sql =
          "INSERT INTO "
              + dialect.quote(table)
              + " ("
              + String.join(", ", columns.stream().map(dialect::quote).toList())
              + ") VALUES ("
              + String.join(", ", columns.stream().map(c -> "?").toList())
              + ")";
      try (PreparedStatement s = connection.prepareStatement(sql)) {
        for (int i = 0; i < columns.size(); i++) {
          s.setObject(i + 1, row.get(columns.get(i)));
        }
        s.executeUpdate();
      } catch (SQLException e) {
        throw new AssertionError("insert into " + table + " failed: " + e.getMessage(), e);
      }
    }
  }

  /**
   * The rows of a query, each as its column values in order (with AssertJ, {@link
   * MigrateAssertions#assertThat(Rows)} compares them as tuples).
   */
  public Rows query(String sql, Object... parameters) {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          labels.add(rs.getMetaData().getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
          List<Object> values = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            values.add(rs.getObject(i));
          }
          rows.add(values);
        }
        return new Rows(labels, rows);
      }
    } catch (SQLException e) {
      throw new AssertionError("query failed: " + e.getMessage() + "; the query: " + sql, e);
    }
  }

  /** The schema now, without the version and history tables. */
  public Schema schema() {
    return migrator.schema();
  }

  /**
   * How the database now differs from the {@link MigrationTest#models()} (empty when it matches),
   * in the words of {@code migrate check}.
   *
   * @throws IllegalStateException when the test class names no models
   */
  public List<Difference> diffAgainstModels() {
    if (models == null) {
      throw new IllegalStateException(
          "diffAgainstModels() needs models: set @MigrationTest(models = ...) or models in"
              + " migrate.properties");
    }
    StoredChecks expected = models.load(database.kind(), sandbox);
    return expected.asWritten(
        SchemaDiff.compare(
            SchemaReader.asStored(database.kind(), expected.stored()), migrator.schema()));
  }

  /**
   * A small connection pool (HikariCP, at most {@value #POOL_SIZE} connections) on this database,
   * for code under test that takes a {@link DataSource}. Made on first call; closed with the
   * runner, before the database is dropped. Its connections are not {@link #connection()}, which
   * the runner keeps for itself so that a test can hold every pooled connection.
   */
  public synchronized DataSource dataSource() {
    if (pool == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(database.url());
      config.setPoolName("migrate-" + database.name());
      config.setMaximumPoolSize(POOL_SIZE);
      config.setMinimumIdle(0);
      config.setConnectionTimeout(10_000);
      pool = new HikariDataSource(config);
    }
    return pool;
  }

  /** The connection the runner uses (leave it in autocommit, do not close it). */
  public Connection connection() {
    return connection;
  }

  /**
   * A JDBC URL of the database; it may hold the server's password: never print it ({@link
   * #toString()} masks it).
   */
  public String jdbcUrl() {
    return database.url();
  }

  /** The database's name on its server, for tests. */
  String databaseName() {
    return database.name();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (pool != null) {
        pool.close();
      }
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // the database is dropped next either way
    }
    database.close();
  }

  @Override
  public String toString() {
    return database + " at " + Urls.mask(database.url());
  }
}
