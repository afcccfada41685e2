package dev.migrate.engine.testing;

import dev.migrate.engine.dialect.DatabaseKind;
import java.util.EnumMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Database servers from Testcontainers, used when no server URL is configured and Docker answers:
 * one container per backend per JVM, stopped by Testcontainers' reaper when the JVM ends. Tests
 * then create their throwaway databases inside it as they would on any server.
 */
final class ContainerServers {
  static final String POSTGRESQL_IMAGE = "postgres:16-alpine";
  static final String MYSQL_IMAGE = "mysql:8.4";

  private static final Map<DatabaseKind, JdbcDatabaseContainer<?>> STARTED =
      new EnumMap<>(DatabaseKind.class);
  private static Boolean dockerAvailable;

  private ContainerServers() {}

  static synchronized boolean dockerAvailable() {
    if (dockerAvailable == null) {
      try {
        dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | LinkageError e) {
        dockerAvailable = false;
      }
    }
    return dockerAvailable;
  }

  /** An administrative JDBC URL for a server in a container, starting it on first use. */
  static synchronized String adminUrl(DatabaseKind kind) {
    JdbcDatabaseContainer<?> container = STARTED.computeIfAbsent(kind, ContainerServers::start);
    String base =
        "jdbc:"
            + (kind == DatabaseKind.POSTGRESQL ? "postgresql" : "mysql")
            + "://"
            + container.getHost()
            + ":"
            + container.getFirstMappedPort();
    return kind == DatabaseKind.POSTGRESQL
        ? base
            + "/postgres?user="
            + container.getUsername()
            + "&password="
            + container.getPassword()
        : base
            + "/?user=root&password="
            + container.getPassword()
            + "&allowPublicKeyRetrieval=true&useSSL=false";
  }

  private static JdbcDatabaseContainer<?> start(DatabaseKind kind) {
    JdbcDatabaseContainer<?> container =
        switch (kind) {
          case POSTGRESQL -> new PostgreSQLContainer(POSTGRESQL_IMAGE);
          case MYSQL -> new MySQLContainer(MYSQL_IMAGE);
          case SQLITE -> throw new IllegalArgumentException("SQLite needs no server");
        };
    container.start();
    return container;
  }
}
