package dev.migrate.engine.runtime;

import static dev.migrate.engine.runtime.TestRevisions.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.engine.MigrateException;
import dev.migrate.engine.dialect.DatabaseKind;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connections a Migrator opens from a URL: in-memory SQLite, masked errors, malformed URLs. */
class UrlConnectionsTest {
  private static Migrator migrator(String url) {
    return Migrator.builder(RevisionGraph.of(List.of(table("a1"), table("b2", "a1"))))
        .url(url)
        .output(line -> {})
        .build();
  }

  @Test
  void inMemorySqliteKeepsItsDatabaseForTheMigratorsLife() {
    Migrator migrator = migrator("jdbc:sqlite::memory:");

    migrator.upgrade("a1");
    migrator.upgrade("head");

    assertThat(migrator.currentRows()).containsExactly("b2");
    assertThat(migrator.schema().table("t_a1")).isPresent();
    assertThat(migrator.history()).hasSize(2);
    // another Migrator gets a database of its own
    assertThat(migrator("jdbc:sqlite::memory:").currentRows()).isEmpty();
  }

  @Test
  void connectionErrorsKeepTheReasonAndHideThePassword() {
    String admin = TestDatabases.adminUrl(DatabaseKind.POSTGRESQL);
    org.junit.jupiter.api.Assumptions.assumeTrue(admin != null, "no PostgreSQL server");
    String url =
        TestDatabases.withDatabase(admin, "no_such_database_x") + "&password=Can/ary@Secret";

    assertThatThrownBy(() -> migrator(url).currentRows())
        .isInstanceOf(MigrateException.class)
        .satisfies(
            e -> {
              StringWriter trace = new StringWriter();
              e.printStackTrace(new PrintWriter(trace));
              assertThat(trace.toString()).doesNotContain("Can/ary@Secret", "ary@Secret");
              assertThat(e.getMessage())
                  .contains("password=***")
                  .contains("no_such_database_x\" does not exist");
            });
  }

  @Test
  void malformedUrlIsBadInputWhenBuilt() {
    assertThatThrownBy(() -> migrator("jdbc:postgresql://h:54x2/db?password=Canary1"))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("port")
        .hasMessageNotContaining("Canary1")
        .satisfies(e -> assertThat(((MigrateException) e).exitCode()).isEqualTo(2));
  }
}
