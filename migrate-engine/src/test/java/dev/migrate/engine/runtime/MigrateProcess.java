package dev.migrate.engine.runtime;

import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

/**
 * A second JVM for the locking tests. {@code upgrade <url>} prints {@code ready}, waits for a line
 * on stdin, upgrades {@link ConcurrentMigrationTest#slowChain()} to head and prints how many steps
 * it ran; {@code hold <url>} takes the migration lock, prints {@code locked}, and keeps it until
 * its stdin closes; {@code half <url>} upgrades {@link FailureReportTest#halfApplied} with its slow
 * statement, to be killed in the middle of it.
 */
public final class MigrateProcess {
  private MigrateProcess() {}

  public static void main(String[] args) throws Exception {
    String url = args[1];
    if (args[0].equals("hold")) {
      try (Connection c = DriverManager.getConnection(url);
          MigrationLock lock =
              MigrationLock.acquire(
                  c,
                  DatabaseKind.fromJdbcUrl(url),
                  "migrate_version",
                  Duration.ofSeconds(30),
                  "test")) {
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() >= 0) {
          // wait for the parent to close our stdin
        }
      }
      return;
    }
    if (args[0].equals("half")) {
      Migrator.builder(RevisionGraph.of(FailureReportTest.halfApplied(true)))
          .url(url)
          .build()
          .upgrade("head");
      return;
    }
    Migrator m =
        Migrator.builder(RevisionGraph.of(ConcurrentMigrationTest.slowChain())).url(url).build();
    System.out.println("ready");
    System.out.flush();
    new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
    System.out.println("applied " + m.upgrade("head").size());
  }
}
