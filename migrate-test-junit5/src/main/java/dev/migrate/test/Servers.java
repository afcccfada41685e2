package dev.migrate.test;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.sandbox.ServerSettings;
import dev.migrate.engine.verify.Verifier;

/**
 * Where a backend's throwaway databases are made: SQLite in temporary files; PostgreSQL and MySQL
 * on the server of {@code MIGRATE_TEST_<KIND>_URL}, else in a Testcontainers container when
 * Testcontainers is on the test classpath and Docker answers, else nowhere (with the reason).
 */
final class Servers {
  private Servers() {}

  /** An administrative URL of a server for {@code kind} and, when there is none, why. */
  record Server(String adminUrl, String unavailable) {}

  static Server server(DatabaseKind kind) {
    String url = ServerSettings.adminUrl(kind);
    if (url != null) {
      return new Server(url, null);
    }
    return Containers.server(kind, Servers.class.getClassLoader());
  }

  /** The administrative URL for {@code kind}, or null (SQLite, or no server to be had). */
  static String adminUrl(DatabaseKind kind) {
    return kind == DatabaseKind.SQLITE ? null : server(kind).adminUrl();
  }

  /** A backend's sandbox, or why it is unavailable. */
  static Verifier.Backend backend(DatabaseKind kind) {
    if (kind == DatabaseKind.SQLITE) {
      return Verifier.Backend.on(kind, null, null);
    }
    Server server = server(kind);
    return Verifier.Backend.on(kind, server.adminUrl(), server.unavailable());
  }
}
