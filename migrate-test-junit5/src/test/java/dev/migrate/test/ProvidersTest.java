package dev.migrate.test;

import static dev.migrate.engine.dialect.DatabaseKind.MYSQL;
import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static dev.migrate.test.ServerDatabases.messages;
import static dev.migrate.test.ServerDatabases.noServers;
import static dev.migrate.test.ServerDatabases.run;
import static dev.migrate.test.ServerDatabases.withProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrate.engine.sandbox.ServerSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

/**
 * Where the PostgreSQL and MySQL databases come from: the server URLs (tested everywhere else),
 * else Testcontainers when Docker answers, else nowhere, with a reason that says which.
 */
class ProvidersTest {
  private static final String NO_DOCKER =
      " is not set and Docker does not answer, so Testcontainers cannot start a ";

  @MigrationTest(revisions = "src/test/resources/revisions/correct_chain", backends = POSTGRESQL)
  static class PostgresChecks implements MigrationChecks {}

  @MigrationTest(
      revisions = "src/test/resources/revisions/split_name",
      backends = {POSTGRESQL, MYSQL})
  static class ServerRunners {
    @MigrationBackends
    void upgrades(MigrationRunner db) {
      db.upgradeTo("head");
    }
  }

  @Test
  void withoutAUrlOrDockerABackendIsSkippedSayingSo() throws Exception {
    assumeFalse(Containers.available(), "Docker answers here: containers are started instead");
    withProperties(
        noServers(),
        () -> {
          assertThat(messages(run(PostgresChecks.class).aborted().list()))
              .containsExactly(
                  "postgresql skipped: MIGRATE_TEST_POSTGRESQL_URL"
                      + NO_DOCKER
                      + "postgresql server");
          Events runners = run(ServerRunners.class);
          assertThat(runners.succeeded().count()).isZero();
          assertThat(messages(runners.aborted().list()))
              .containsExactlyInAnyOrder(
                  "postgresql skipped: MIGRATE_TEST_POSTGRESQL_URL"
                      + NO_DOCKER
                      + "postgresql server",
                  "mysql skipped: MIGRATE_TEST_MYSQL_URL" + NO_DOCKER + "mysql server");
        });
  }

  @Test
  void whenRequiredTheSameReasonFailsTheTests() throws Exception {
    assumeFalse(Containers.available(), "Docker answers here: containers are started instead");
    Map<String, String> required = new HashMap<>(noServers());
    required.put(ServerSettings.REQUIRE, "postgresql, mysql");
    withProperties(
        required,
        () -> {
          assertThat(messages(run(PostgresChecks.class).failed().list()))
              .containsExactly(
                  "postgresql is required by MIGRATE_TEST_REQUIRE but unavailable:"
                      + " MIGRATE_TEST_POSTGRESQL_URL"
                      + NO_DOCKER
                      + "postgresql server");
          assertThat(messages(run(ServerRunners.class).failed().list()))
              .containsExactlyInAnyOrder(
                  "postgresql is required by MIGRATE_TEST_REQUIRE but unavailable:"
                      + " MIGRATE_TEST_POSTGRESQL_URL"
                      + NO_DOCKER
                      + "postgresql server",
                  "mysql is required by MIGRATE_TEST_REQUIRE but unavailable:"
                      + " MIGRATE_TEST_MYSQL_URL"
                      + NO_DOCKER
                      + "mysql server");
        });
  }

  /** Loads every class as usual but those of the packages it hides. */
  private static ClassLoader hiding(String packagePrefix) {
    return new ClassLoader(ProvidersTest.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(packagePrefix)) {
          throw new ClassNotFoundException(name);
        }
        return super.loadClass(name, resolve);
      }
    };
  }

  @Test
  void withoutTestcontainersOnTheClasspathTheReasonSaysWhatToAdd() {
    String without = " is not set and Testcontainers is not on the test classpath (add ";
    assertThat(Containers.server(POSTGRESQL, hiding("org.testcontainers.")).unavailable())
        .isEqualTo(
            "MIGRATE_TEST_POSTGRESQL_URL"
                + without
                + "org.testcontainers:testcontainers to have a postgresql server started in"
                + " Docker)");
    assertThat(Containers.server(MYSQL, hiding("org.testcontainers.mysql.")).unavailable())
        .isEqualTo(
            "MIGRATE_TEST_MYSQL_URL"
                + without
                + "org.testcontainers:testcontainers-mysql to have a mysql server started in"
                + " Docker)");
    assertThat(Containers.server(POSTGRESQL, hiding("org.awaitility.")).unavailable())
        .contains("(add org.awaitility:awaitility to have a postgresql server");
  }

  /** Runs where Docker answers: a container per backend, throwaway databases inside it. */
  @Test
  void withoutAUrlButWithDockerTheDatabasesAreMadeInAContainerPerBackend() throws Exception {
    assumeTrue(
        Containers.available(),
        "Docker does not answer on this machine: the Testcontainers provider is tested where"
            + " Docker runs");
    withProperties(
        noServers(),
        () -> {
          Events events = run(SplitNameMigrationTest.class);
          assertThat(events.failed().count()).as(events.failed().list().toString()).isZero();
          assertThat(events.succeeded().count()).isEqualTo(9);
          String url = Servers.adminUrl(POSTGRESQL);
          assertThat(url).contains("jdbc:postgresql://");
          Events again = run(ServerRunners.class);
          assertThat(again.succeeded().count()).isEqualTo(2);
          assertThat(Servers.adminUrl(POSTGRESQL)).as("one container per JVM").isEqualTo(url);
        });
  }
}
