package dev.migrate.test;

import static dev.migrate.engine.dialect.DatabaseKind.MYSQL;
import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Under JUnit's parallel execution a test waits for a slot rather than make more throwaway
 * databases than {@code migrate.test.max_databases}: counted on the servers while the tests run.
 */
class DatabaseBoundTest {
  private static final int BOUND = 3;

  /** The databases the runners of {@link Holders} were given, per backend. */
  static final Map<DatabaseKind, Set<String>> GIVEN = new ConcurrentHashMap<>();

  /** Three tests per backend, each holding its database for a while; six with {@link More}. */
  @RunByTests
  @MigrationTest(
      revisions = "src/test/resources/revisions/split_name",
      backends = {POSTGRESQL, MYSQL})
  static class Holders {
    @MigrationBackends
    void one(MigrationRunner db) throws Exception {
      GIVEN
          .computeIfAbsent(db.backend(), k -> ConcurrentHashMap.newKeySet())
          .add(db.databaseName());
      db.upgradeTo("head");
      Thread.sleep(400);
    }

    @MigrationBackends
    void two(MigrationRunner db) throws Exception {
      one(db);
    }

    @MigrationBackends
    void three(MigrationRunner db) throws Exception {
      one(db);
    }
  }

  static class More extends Holders {}

  @Test
  void theLiveDatabasesOfABackendStayWithinTheBound() throws Exception {
    ServerDatabases.adminUrl(POSTGRESQL);
    ServerDatabases.adminUrl(MYSQL);
    GIVEN.clear();
    // what the servers hold, sampled while the tests run (other runs may share the servers)
    List<Map<DatabaseKind, Set<String>>> samples =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  samples.add(
                      Map.of(
                          POSTGRESQL, ServerDatabases.names(POSTGRESQL),
                          MYSQL, ServerDatabases.names(MYSQL)));
                  Thread.sleep(20);
                } catch (Exception e) {
                  return;
                }
              }
            });
    sampler.start();
    Events events;
    try {
      events =
          EngineTestKit.engine("junit-jupiter")
              .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
              .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
              .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
              .configurationParameter(
                  "junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
              .configurationParameter(DatabaseSlots.PARAMETER, String.valueOf(BOUND))
              .configurationParameter(RunByTests.PARAMETER, "true")
              .configurationParameter(
                  "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
              .selectors(selectClass(Holders.class), selectClass(More.class))
              .execute()
              .testEvents();
    } finally {
      running.set(false);
      sampler.join();
    }
    assertThat(events.failed().count()).as(events.failed().list().toString()).isZero();
    assertThat(events.succeeded().count()).isEqualTo(12);
    for (DatabaseKind kind : List.of(POSTGRESQL, MYSQL)) {
      Set<String> given = GIVEN.get(kind);
      assertThat(given).hasSize(6);
      int peak =
          samples.stream()
              .mapToInt(s -> (int) s.get(kind).stream().filter(given::contains).count())
              .max()
              .orElse(0);
      // on PostgreSQL the sandbox's spare (made ahead for the next test, so counted once it is
      // given) holds a slot: one runner fewer at a time, the same bound
      assertThat(peak).as(kind.id() + " peak of live databases").isBetween(2, BOUND);
      assertThat(ServerDatabases.names(kind)).doesNotContainAnyElementsOf(given);
    }
  }

  @Test
  void theBoundIsAWholeNumberOfTwoOrMore() {
    assertThat(DatabaseSlots.max(null)).isEqualTo(DatabaseSlots.DEFAULT);
    assertThat(DatabaseSlots.max(" 5 ")).isEqualTo(5);
    assertThatThrownBy(() -> DatabaseSlots.max("1"))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "migrate.test.max_databases is '1': give a whole number of 2 or more (live throwaway"
                + " databases per backend)");
    assertThatThrownBy(() -> DatabaseSlots.max("many")).hasMessageContaining("is 'many'");
  }

  @Test
  void aVerificationTakesASlotPerDatabaseItHoldsAtOnce() {
    RevisionGraph chain =
        RevisionGraph.of(List.of(RevisionScript.of("a"), RevisionScript.of("b", "a")));
    RevisionGraph branched =
        RevisionGraph.of(
            List.of(
                RevisionScript.of("a"),
                RevisionScript.of("b", "a"),
                RevisionScript.of("c", "a"),
                RevisionScript.of("m", "b", "c")));
    assertThat(DatabaseSlots.verification(chain, MYSQL, false, 1)).isEqualTo(1);
    assertThat(DatabaseSlots.verification(chain, POSTGRESQL, true, 1)).isEqualTo(3);
    assertThat(DatabaseSlots.verification(branched, MYSQL, false, 1)).isEqualTo(2);
    // a walk in two parts at once: each part its working database and its branch-point copies
    assertThat(DatabaseSlots.verification(chain, MYSQL, false, 2)).isEqualTo(2);
    assertThat(DatabaseSlots.verification(branched, MYSQL, false, 2)).isEqualTo(4);
  }
}
