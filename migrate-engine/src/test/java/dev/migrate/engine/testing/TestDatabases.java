package dev.migrate.engine.testing;

import dev.migrate.engine.dialect.DatabaseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Throwaway databases for the engine's own tests. SQLite is a temporary file. PostgreSQL and MySQL
 * come from an administrative URL in {@code MIGRATE_TEST_POSTGRESQL_URL} / {@code
 * MIGRATE_TEST_MYSQL_URL} (environment or system property), or else from a Testcontainers container
 * when Docker answers: a {@code migrate_test_<random>} database is created there and dropped on
 * close. With neither the test is skipped, unless {@code MIGRATE_TEST_REQUIRE} names the backend,
 * which makes it a failure.
 */
public final class TestDatabases {
  private static final Pattern URL_PATH = Pattern.compile("^(jdbc:[a-z]+://[^/?]+)(/[^?;]*)?(.*)$");

  private TestDatabases() {}

  public static TestDatabase create(DatabaseKind kind) {
    return switch (kind) {
      case SQLITE -> sqlite();
      case POSTGRESQL, MYSQL -> fromServer(kind);
    };
  }

  /** The administrative URL for a backend, or null when none is configured. */
  public static String adminUrl(DatabaseKind kind) {
    String name = "MIGRATE_TEST_" + kind.id().toUpperCase(Locale.ROOT) + "_URL";
    String value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? null : value.trim();
  }

  public static boolean required(DatabaseKind kind) {
    String value =
        System.getProperty("MIGRATE_TEST_REQUIRE", System.getenv("MIGRATE_TEST_REQUIRE"));
    if (value == null) {
      return false;
    }
    Set<String> names =
        Arrays.stream(value.split(","))
            .map(s -> s.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    return names.contains(kind.id());
  }

  private static TestDatabase sqlite() {
    try {
      Path dir = Files.createTempDirectory("migrate-test-");
      // an empty file is an empty database, existing as the server databases do
      Path file = Files.createFile(dir.resolve("test.db"));
      return new TestDatabase(
          DatabaseKind.SQLITE,
          "jdbc:sqlite:" + file,
          () -> {
            try (var files = Files.list(dir)) {
              for (Path p : files.toList()) {
                Files.deleteIfExists(p);
              }
              Files.deleteIfExists(dir);
            } catch (IOException e) {
              // a leftover temp file is harmless
            }
          });
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temporary SQLite database", e);
    }
  }

  private static TestDatabase fromServer(DatabaseKind kind) {
    String configured = adminUrl(kind);
    String variable = "MIGRATE_TEST_" + kind.id().toUpperCase(Locale.ROOT) + "_URL";
    String admin =
        configured == null && ContainerServers.dockerAvailable()
            ? ContainerServers.adminUrl(kind)
            : configured;
    if (admin == null) {
      String reason = " is not set and Docker is not available for Testcontainers";
      if (required(kind)) {
        Assertions.fail(
            kind.id() + " is required by MIGRATE_TEST_REQUIRE but " + variable + reason);
      }
      Assumptions.abort(kind.id() + " skipped: " + variable + reason);
    }
    String name = "migrate_test_" + HexFormat.of().formatHex(randomBytes());
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      if (required(kind)) {
        throw new AssertionError(kind.id() + " is required but unreachable: " + e.getMessage(), e);
      }
      Assumptions.abort(kind.id() + " unreachable: " + e.getMessage());
    }
    String url = withDatabase(admin, name);
    return new TestDatabase(
        kind,
        url,
        () -> {
          try (Connection c = DriverManager.getConnection(admin);
              Statement s = c.createStatement()) {
            if (kind == DatabaseKind.POSTGRESQL) {
              s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } else {
              s.execute("DROP DATABASE IF EXISTS " + name);
            }
          } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
          }
        });
  }

  /** The same server URL pointing at another database. */
  public static String withDatabase(String url, String database) {
    Matcher m = URL_PATH.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("cannot find the database part of " + url);
    }
    return m.group(1) + "/" + database + m.group(3);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  /** A database that exists until {@link #close()}. */
  public record TestDatabase(DatabaseKind kind, String url, Runnable dropper)
      implements AutoCloseable {

    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url);
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
