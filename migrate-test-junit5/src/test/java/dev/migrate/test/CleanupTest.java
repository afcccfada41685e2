package dev.migrate.test;

import static dev.migrate.engine.dialect.DatabaseKind.MYSQL;
import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static dev.migrate.engine.dialect.DatabaseKind.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.migrate.engine.dialect.DatabaseKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.Events;

/**
 * Nothing is left on the servers when a test fails, nor when the JVM running the tests is stopped
 * mid-test (SIGTERM, as Process.destroy() and CI cancellations send, or SIGINT, as Ctrl-C does).
 */
class CleanupTest {
  /** The databases the runners of {@link Fails} were given. */
  static final Map<DatabaseKind, String> GIVEN = new ConcurrentHashMap<>();

  @RunByTests
  @MigrationTest(
      revisions = "src/test/resources/revisions/split_name",
      backends = {SQLITE, POSTGRESQL, MYSQL})
  static class Fails {
    @MigrationBackends
    void failsHoldingAPooledConnection(MigrationRunner db) throws Exception {
      GIVEN.put(db.backend(), db.databaseName());
      db.upgradeTo("head");
      Connection leaked = db.dataSource().getConnection();
      assertThat(leaked.isValid(1)).isTrue();
      throw new AssertionError("failing on purpose");
    }
  }

  @Test
  void aFailingTestLeavesNoDatabase() throws Exception {
    ServerDatabases.adminUrl(POSTGRESQL);
    ServerDatabases.adminUrl(MYSQL);
    GIVEN.clear();
    Events events = ServerDatabases.run(Fails.class);
    assertThat(ServerDatabases.messages(events.failed().list()))
        .containsExactly("failing on purpose", "failing on purpose", "failing on purpose");
    assertThat(GIVEN).containsOnlyKeys(SQLITE, POSTGRESQL, MYSQL);
    assertThat(ServerDatabases.names(POSTGRESQL)).doesNotContain(GIVEN.get(POSTGRESQL));
    assertThat(ServerDatabases.names(MYSQL)).doesNotContain(GIVEN.get(MYSQL));
    assertThat(Path.of(System.getProperty("java.io.tmpdir"), GIVEN.get(SQLITE))).doesNotExist();
  }

  /** Run only in the child JVM: each backend's test says its database, then waits to be killed. */
  @RunByTests
  @MigrationTest(
      revisions = "src/test/resources/revisions/split_name",
      backends = {POSTGRESQL, MYSQL})
  static class Holds {
    @MigrationBackends
    void holdsItsDatabase(MigrationRunner db) throws Exception {
      db.upgradeTo("head");
      System.out.println("HOLDING " + db.backend().id() + " " + db.databaseName());
      System.out.flush();
      Thread.sleep(TimeUnit.MINUTES.toMillis(2));
    }
  }

  /** The child JVM: runs {@link Holds} with both backends at once. */
  public static final class Child {
    public static void main(String[] args) {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectClass(Holds.class))
                  .configurationParameter(RunByTests.PARAMETER, "true")
                  .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                  .configurationParameter(
                      "junit.jupiter.execution.parallel.mode.default", "concurrent")
                  .build());
    }
  }

  @ParameterizedTest(name = "SIG{0}")
  @ValueSource(strings = {"TERM", "INT"})
  void aJvmStoppedMidTestLeavesNoDatabase(String signal) throws Exception {
    String postgres = ServerDatabases.adminUrl(POSTGRESQL);
    String mysql = ServerDatabases.adminUrl(MYSQL);
    Path errors = Files.createTempFile("migrate-child", ".log");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-DMIGRATE_TEST_POSTGRESQL_URL=" + postgres,
                "-DMIGRATE_TEST_MYSQL_URL=" + mysql,
                Child.class.getName())
            .redirectError(errors.toFile())
            .start();
    try {
      Map<DatabaseKind, String> held = new ConcurrentHashMap<>();
      CompletableFuture<Void> bothHeld =
          CompletableFuture.runAsync(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while (held.size() < 2 && (line = out.readLine()) != null) {
                    if (line.startsWith("HOLDING ")) {
                      String[] parts = line.split(" ");
                      held.put(DatabaseKind.fromId(parts[1]), parts[2]);
                    }
                  }
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      try {
        bothHeld.get(2, TimeUnit.MINUTES);
      } catch (TimeoutException e) {
        throw new AssertionError(
            "the child held " + held + "; its errors: " + Files.readString(errors));
      }
      assertThat(held).as(Files.readString(errors)).containsOnlyKeys(POSTGRESQL, MYSQL);
      assertThat(ServerDatabases.names(POSTGRESQL)).contains(held.get(POSTGRESQL));
      assertThat(ServerDatabases.names(MYSQL)).contains(held.get(MYSQL));

      if (signal.equals("TERM")) {
        child.destroy();
      } else {
        new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
      }
      assertThat(child.waitFor(1, TimeUnit.MINUTES)).as("the child ended").isTrue();
      assertThat(child.exitValue())
          .as("ended by the signal")
          .isEqualTo(128 + (signal.equals("TERM") ? 15 : 2));
      assertThat(ServerDatabases.names(POSTGRESQL)).doesNotContain(held.get(POSTGRESQL));
      assertThat(ServerDatabases.names(MYSQL)).doesNotContain(held.get(MYSQL));
    } finally {
      child.destroyForcibly();
      Files.deleteIfExists(errors);
    }
  }
}
