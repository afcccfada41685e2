package dev.migrate.test;

import static org.awaitility.Awaitility.await;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.dialect.Urls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The part of {@link Containers} that uses Testcontainers' classes: loaded only when present. */
final class ContainerServer {
  static final String POSTGRESQL_IMAGE = "postgres:16-alpine";
  static final String MYSQL_IMAGE = "mysql:8.4";
  private static final Duration READY_WITHIN = Duration.ofMinutes(2);

  private ContainerServer() {}

  static boolean dockerAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Starts a container for {@code kind} and waits until its server takes connections. */
  static Servers.Server start(DatabaseKind kind) {
    JdbcDatabaseContainer<?> container =
        kind == DatabaseKind.POSTGRESQL
            ? new PostgreSQLContainer(POSTGRESQL_IMAGE)
            : new MySQLContainer(MYSQL_IMAGE);
    String image = container.getDockerImageName();
    try {
      container.start();
    } catch (RuntimeException e) {
      return new Servers.Server(
          null, "Testcontainers could not start " + image + ": " + e.getMessage());
    }
    String url = adminUrl(kind, container);
    try {
      await()
          .atMost(READY_WITHIN)
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(() -> answers(url));
    } catch (RuntimeException e) {
      container.stop();
      return new Servers.Server(
          null,
          image + " started but " + Urls.mask(url) + " did not answer within " + READY_WITHIN);
    }
    return new Servers.Server(url, null);
  }

  private static boolean answers(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      return c.isValid(2);
    }
  }

  /** A URL whose user may create and drop databases: the superuser, root on MySQL. */
  private static String adminUrl(DatabaseKind kind, JdbcDatabaseContainer<?> container) {
    String server = container.getHost() + ":" + container.getFirstMappedPort();
    return kind == DatabaseKind.POSTGRESQL
        ? "jdbc:postgresql://"
            + server
            + "/postgres?user="
            + container.getUsername()
            + "&password="
            + container.getPassword()
        : "jdbc:mysql://"
            + server
            + "/?user=root&password="
            + container.getPassword()
            + "&allowPublicKeyRetrieval=true&useSSL=false";
  }
}
