package dev.migrate.engine.testing;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.sandbox.Sandbox;
import dev.migrate.engine.sandbox.ServerSettings;
import dev.migrate.engine.sandbox.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Throwaway databases for the engine's own tests, from the engine's {@link Sandbox}: SQLite is a
 * temporary file. PostgreSQL and MySQL come from an administrative URL in {@code
 * MIGRATE_TEST_POSTGRESQL_URL} / {@code MIGRATE_TEST_MYSQL_URL} (environment or system property),
 * or else from a Testcontainers container when Docker answers. With neither the test is skipped,
 * unless {@code MIGRATE_TEST_REQUIRE} names the backend, which makes it a failure.
 */
public final class TestDatabases {
  private static final Map<DatabaseKind, Sandbox> SANDBOXES = new EnumMap<>(DatabaseKind.class);

  private TestDatabases() {}

  public static TestDatabase create(DatabaseKind kind) {
    ThrowawayDatabase database = sandbox(kind).create();
    return new TestDatabase(kind, database.url(), database::close);
  }

  /** The sandbox the tests of a backend share, made on first use; skips or fails as above. */
  public static synchronized Sandbox sandbox(DatabaseKind kind) {
    Sandbox sandbox = SANDBOXES.get(kind);
    if (sandbox == null) {
      sandbox = kind == DatabaseKind.SQLITE ? Sandbox.sqlite() : fromServer(kind);
      SANDBOXES.put(kind, sandbox);
    }
    return sandbox;
  }

  /** The administrative URL for a backend, or null when none is configured. */
  public static String adminUrl(DatabaseKind kind) {
    return ServerSettings.adminUrl(kind);
  }

  private static String variable(DatabaseKind kind) {
    return ServerSettings.urlVariable(kind);
  }

  public static boolean required(DatabaseKind kind) {
    return ServerSettings.required(kind);
  }

  private static Sandbox fromServer(DatabaseKind kind) {
    String configured = adminUrl(kind);
    String admin =
        configured == null && ContainerServers.dockerAvailable()
            ? ContainerServers.adminUrl(kind)
            : configured;
    if (admin == null) {
      String reason = variable(kind) + " is not set and Docker is not available for Testcontainers";
      if (required(kind)) {
        Assertions.fail(kind.id() + " is required by MIGRATE_TEST_REQUIRE but " + reason);
      }
      Assumptions.abort(kind.id() + " skipped: " + reason);
    }
    try {
      return Sandbox.of(kind, admin, null, null);
    } catch (MigrateException e) {
      if (required(kind)) {
        throw new AssertionError(kind.id() + " is required but unreachable: " + e.getMessage(), e);
      }
      Assumptions.abort(kind.id() + " unreachable: " + e.getMessage());
      throw e;
    }
  }

  /** The same server URL pointing at another database. */
  public static String withDatabase(String url, String database) {
    return Sandbox.withDatabase(url, database);
  }

  /** A database that exists until {@link #close()}. */
  public record TestDatabase(DatabaseKind kind, String url, Runnable dropper)
      implements AutoCloseable {

    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url);
    }

    /** As {@link ThrowawayDatabase#connectForCatalog()}: MySQL takes statement lists. */
    public Connection connectForCatalog() throws SQLException {
      if (kind != DatabaseKind.MYSQL) {
        return connect();
      }
      java.util.Properties lists = new java.util.Properties();
      lists.setProperty("allowMultiQueries", "true");
      return DriverManager.getConnection(url, lists);
    }

    @Override
    public void close() {
      dropper.run();
    }

    @Override
    public String toString() {
      return kind.id();
    }
  }
}
