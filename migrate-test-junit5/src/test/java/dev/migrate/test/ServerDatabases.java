package dev.migrate.test;

import static dev.migrate.engine.dialect.DatabaseKind.MYSQL;
import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.sandbox.ServerSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** What the tests of this module look at on the servers, and how they run a fixture class. */
final class ServerDatabases {
  private ServerDatabases() {}

  /** The administrative URL of {@code kind}'s server; the test is skipped without one. */
  static String adminUrl(DatabaseKind kind) {
    String url = ServerSettings.adminUrl(kind);
    if (url == null) {
      if (ServerSettings.required(kind)) {
        throw new AssertionError(ServerSettings.urlVariable(kind) + " is not set");
      }
      Assumptions.abort(ServerSettings.urlVariable(kind) + " is not set");
    }
    return url;
  }

  /** The throwaway databases on {@code kind}'s server now (empty without a URL). */
  static Set<String> names(DatabaseKind kind) throws SQLException {
    Set<String> names = new TreeSet<>();
    String url = ServerSettings.adminUrl(kind);
    if (url == null) {
      return names;
    }
    String sql =
        kind == POSTGRESQL
            ? "SELECT datname FROM pg_database WHERE datname LIKE 'migrate\\_test\\_%'"
            : "SELECT schema_name FROM information_schema.schemata"
                + " WHERE schema_name LIKE 'migrate\\_test\\_%'";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /** The throwaway databases on both servers now, each as {@code kind:name}. */
  static Set<String> onBothServers() throws SQLException {
    Set<String> names = new TreeSet<>();
    for (DatabaseKind kind : List.of(POSTGRESQL, MYSQL)) {
      names(kind).forEach(n -> names.add(kind.id() + ":" + n));
    }
    return names;
  }

  /**
   * Waits until the servers hold none of the throwaway databases made while {@code run} ran (by
   * their names' timestamps) beyond those there before it. Other runs share the servers: theirs
   * come and go within seconds, while one this JVM left behind stays until it ends, and fails this.
   */
  static void noneLeftBy(Action run) throws Exception {
    Set<String> before = onBothServers();
    String started = stamp(Instant.now().minusSeconds(1));
    run.run();
    String ended = stamp(Instant.now().plusSeconds(1));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                org.assertj.core.api.Assertions.assertThat(onBothServers())
                    .filteredOn(n -> !before.contains(n))
                    .filteredOn(
                        n -> {
                          String at = n.substring(n.indexOf("migrate_test_") + 13).split("_")[0];
                          return at.compareTo(started) >= 0 && at.compareTo(ended) <= 0;
                        })
                    .as("throwaway databases made during the run and left on the servers")
                    .isEmpty());
  }

  private static String stamp(Instant at) {
    return DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(at);
  }

  /** The test events of running {@code type} through JUnit's engine. */
  static Events run(Class<?> type) {
    return execute(type).testEvents();
  }

  /** Every event, of tests and containers, of running {@code type} through JUnit's engine. */
  static org.junit.platform.testkit.engine.EngineExecutionResults execute(Class<?> type) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(RunByTests.PARAMETER, "true")
        .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(type))
        .execute();
  }

  /** The messages of the events' throwables (why each was aborted or failed). */
  static List<String> messages(List<Event> events) {
    return events.stream()
        .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow())
        .map(r -> r.getThrowable().orElseThrow().getMessage())
        .toList();
  }

  interface Action {
    void run() throws Exception;
  }

  /** Runs {@code action} with the system properties {@code values} set, then restores them. */
  static void withProperties(Map<String, String> values, Action action) throws Exception {
    Map<String, String> saved = new HashMap<>();
    values.keySet().forEach(k -> saved.put(k, System.getProperty(k)));
    values.forEach(System::setProperty);
    try {
      action.run();
    } finally {
      saved.forEach(
          (k, v) -> {
            if (v == null) {
              System.clearProperty(k);
            } else {
              System.setProperty(k, v);
            }
          });
    }
  }

  /** No server URL and nothing required: as on a machine without servers. */
  static Map<String, String> noServers() {
    return Map.of(
        ServerSettings.urlVariable(POSTGRESQL),
        " ",
        ServerSettings.urlVariable(MYSQL),
        " ",
        ServerSettings.REQUIRE,
        "");
  }
}
