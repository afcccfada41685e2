package dev.migrate.test;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.sandbox.ServerSettings;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Servers in Testcontainers containers, for a backend without a server URL: one container per
 * backend per JVM, shared by every test class and stopped by Testcontainers when the JVM ends.
 * Testcontainers is an optional dependency: nothing here touches its classes before knowing they
 * are on the classpath.
 */
final class Containers {
  private static final Map<DatabaseKind, Servers.Server> STARTED =
      new EnumMap<>(DatabaseKind.class);
  private static Boolean dockerAnswers;

  private Containers() {}

  /** The classes a container of {@code kind} needs, with the artifact that brings each. */
  private static List<String[]> needed(DatabaseKind kind) {
    return List.of(
        new String[] {
          "org.testcontainers.DockerClientFactory", "org.testcontainers:testcontainers"
        },
        kind == DatabaseKind.POSTGRESQL
            ? new String[] {
              "org.testcontainers.postgresql.PostgreSQLContainer",
              "org.testcontainers:testcontainers-postgresql"
            }
            : new String[] {
              "org.testcontainers.mysql.MySQLContainer", "org.testcontainers:testcontainers-mysql"
            },
        new String[] {"org.awaitility.Awaitility", "org.awaitility:awaitility"});
  }

  /** A container's server for {@code kind}, started on first use; or why there is none. */
  static synchronized Servers.Server server(DatabaseKind kind, ClassLoader loader) {
    String noUrl = ServerSettings.urlVariable(kind) + " is not set";
    for (String[] need : needed(kind)) {
      try {
        Class.forName(need[0], false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return new Servers.Server(
            null,
            noUrl
                + " and Testcontainers is not on the test classpath (add "
                + need[1]
                + " to have a "
                + kind.id()
                + " server started in Docker)");
      }
    }
    if (!dockerAnswers()) {
      return new Servers.Server(
          null,
          noUrl
              + " and Docker does not answer, so Testcontainers cannot start a "
              + kind.id()
              + " server");
    }
    return STARTED.computeIfAbsent(kind, ContainerServer::start);
  }

  private static boolean dockerAnswers() {
    if (dockerAnswers == null) {
      dockerAnswers = ContainerServer.dockerAnswers();
    }
    return dockerAnswers;
  }

  /** Whether Testcontainers is on the classpath and finds a Docker engine (for tests). */
  static synchronized boolean available() {
    try {
      Class.forName("org.testcontainers.DockerClientFactory");
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
    return dockerAnswers();
  }
}
