package dev.migrate.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.ops.Operation;
import dev.migrate.engine.revision.Direction;
import dev.migrate.engine.revision.MigrationPlan;
import dev.migrate.engine.revision.Revision;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.RevisionScript;
import dev.migrate.engine.testing.TestDatabases;
import dev.migrate.engine.testing.TestDatabases.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two runs upgrading one database at once apply every revision exactly once. */
class ConcurrentMigrationTest {
  static final int REVISIONS = 8;

  /** A chain r0..r7 whose upgrades take a little while, so that concurrent runs overlap. */
  static List<RevisionScript> slowChain() {
    List<RevisionScript> chain = new ArrayList<>();
    for (int i = 0; i < REVISIONS; i++) {
      String id = "r" + i;
      chain.add(
          new RevisionScript(
              id,
              i == 0 ? List.of() : List.of("r" + (i - 1)),
              List.of(),
              List.of(),
              "Revision " + id,
              "versions/" + id + ".sql",
              (direction, kind) -> {
                if (direction == Direction.UPGRADE) {
                  pause();
                }
                return new MigrationPlan(
                    List.of(
                        new Operation.Execute(
                            direction == Direction.UPGRADE
                                ? "CREATE TABLE t_" + id + " (id INTEGER PRIMARY KEY)"
                                : "DROP TABLE t_" + id)),
                    Optional.empty(),
                    Revision.Transactional.AUTO);
              }));
    }
    return chain;
  }

  private static void pause() {
    try {
      Thread.sleep(40);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void assertEachRevisionAppliedOnce(TestDatabase db) throws Exception {
    Migrator m = Migrator.builder(RevisionGraph.of(slowChain())).url(db.url()).build();
    assertThat(m.currentRows()).containsExactly("r" + (REVISIONS - 1));
    assertThat(m.history())
        .allSatisfy(h -> assertThat(h.success()).isTrue())
        .extracting(HistoryEntry::revision)
        .containsExactlyElementsOf(slowChain().stream().map(RevisionScript::id).toList());
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void twoThreadsUpgradingAtOnceApplyEachRevisionOnce(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          runs.add(
              pool.submit(
                  () -> {
                    Migrator m =
                        Migrator.builder(RevisionGraph.of(slowChain())).url(db.url()).build();
                    start.await();
                    return m.upgrade("head").size();
                  }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> run : runs) {
          total += run.get(60, TimeUnit.SECONDS);
        }
        assertThat(total).isEqualTo(REVISIONS);
      } finally {
        pool.shutdownNow();
      }
      assertEachRevisionAppliedOnce(db);
    }
  }

  @Test
  void twoProcessesUpgradingOneSqliteFileApplyEachRevisionOnce() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE)) {
      Process child = startChild("upgrade", db.url());
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
        Migrator m = Migrator.builder(RevisionGraph.of(slowChain())).url(db.url()).build();
        child.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
        child.getOutputStream().flush();
        int here = m.upgrade("head").size();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String childOutput = out.readLine();
        assertThat(child.exitValue()).as(childOutput).isZero();
        int there = Integer.parseInt(childOutput.strip().replace("applied ", ""));
        System.out.println("two processes: this one applied " + here + ", the other " + there);
        assertThat(here + there).isEqualTo(REVISIONS);
      } finally {
        child.destroy();
      }
      assertEachRevisionAppliedOnce(db);
    }
  }

  @Test
  void aLockHeldByAnotherProcessMakesUpgradeWaitThenTimeOut() throws Exception {
    try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE)) {
      Process child = startChild("hold", db.url());
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("locked");
        Migrator m =
            Migrator.builder(RevisionGraph.of(slowChain()))
                .url(db.url())
                .lockTimeout(Duration.ofMillis(300))
                .build();
        assertThatThrownBy(() -> m.upgrade("head"))
            .isInstanceOf(MigrateException.class)
            .hasMessageContaining("Timed out after 0.3 s waiting for the migration lock on")
            .hasMessageContaining(".migrate-lock");
        child.getOutputStream().close();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(m.upgrade("head")).hasSize(REVISIONS);
      } finally {
        child.destroy();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void lockHeldByAnotherSessionTimesOutWithAClearMessage(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Connection other = db.connect();
        MigrationLock held =
            MigrationLock.acquire(
                other, kind, "migrate_version", Duration.ofSeconds(5), "other session")) {
      Migrator m =
          Migrator.builder(RevisionGraph.of(slowChain()))
              .url(db.url())
              .lockTimeout(Duration.ofMillis(200))
              .build();
      assertThatThrownBy(() -> m.upgrade("head"))
          .isInstanceOfSatisfying(
              MigrateException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
          .hasMessageContaining("waiting for the migration lock on")
          .hasMessageContaining("another migrate run is applying revisions to this database");
      assertThat(m.currentRows()).isEmpty();
    }
  }

  static Process startChild(String mode, String url) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            MigrateProcess.class.getName(),
            mode,
            url)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }
}
