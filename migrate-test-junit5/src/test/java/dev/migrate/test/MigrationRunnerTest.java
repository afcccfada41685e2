package dev.migrate.test;

import static dev.migrate.engine.dialect.DatabaseKind.MYSQL;
import static dev.migrate.engine.dialect.DatabaseKind.POSTGRESQL;
import static dev.migrate.engine.dialect.DatabaseKind.SQLITE;
import static dev.migrate.test.MigrateAssertions.assertThat;
import static dev.migrate.test.MigrationRunner.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.engine.revision.RevisionGraph;
import dev.migrate.engine.revision.source.RevisionLoader;
import dev.migrate.engine.sandbox.Sandbox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The runner's pooled data source, its masked URL and its query rows as AssertJ tuples. */
@MigrationTest(
    revisions = "src/test/resources/revisions/split_name",
    backends = {SQLITE, POSTGRESQL, MYSQL})
class MigrationRunnerTest {

  @MigrationBackends
  void theDataSourceIsAPoolOnTheRunnersDatabase(MigrationRunner db) throws Exception {
    db.upgradeTo("head");
    db.insert("account", row("id", 1, "full_name", "Ada Lovelace"));
    DataSource dataSource = db.dataSource();
    assertThat(db.dataSource()).isSameAs(dataSource);
    List<Connection> every = new ArrayList<>();
    try {
      for (int i = 0; i < MigrationRunner.POOL_SIZE; i++) {
        every.add(dataSource.getConnection());
      }
      try (Statement s = every.get(0).createStatement()) {
        s.executeUpdate("INSERT INTO account (id, full_name) VALUES (2, 'Alan Turing')");
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM account")) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(2);
        }
      }
      // every pooled connection is taken, and the runner still has its own
      assertThat(db.query("SELECT full_name FROM account ORDER BY id"))
          .containsExactly(tuple("Ada Lovelace"), tuple("Alan Turing"));
    } finally {
      for (Connection c : every) {
        c.close();
      }
    }
  }

  @MigrationBackends
  void queryRowsCompareAsTuples(MigrationRunner db) {
    db.upgradeTo("c10000000001");
    db.insert("account", row("id", 1, "full_name", "Ada Lovelace"));
    db.upgradeTo("+1");
    assertThat(db.query("select first_name, last_name from account"))
        .containsExactly(tuple("Ada", "Lovelace"));
    Rows rows = db.query("select id, first_name, last_name from account where id = ?", 1);
    assertThat(rows.columns())
        .extracting(String::toLowerCase)
        .containsExactly("id", "first_name", "last_name");
    assertThat(rows).containsExactly(tuple(1, "Ada", "Lovelace"));
    assertThatThrownBy(
            () ->
                assertThat(db.query("select first_name, last_name from account"))
                    .containsExactly(tuple("Ada", "Byron")))
        .hasMessageContaining("(\"Ada\", \"Lovelace\")")
        .hasMessageContaining("(\"Ada\", \"Byron\")");
    db.insert("account", row("id", 2, "full_name", "Nobody"));
    db.connection();
    assertThat(db.query("select last_name from account where id = 3")).isEmpty();
  }

  @Test
  void closingTheRunnerClosesThePoolThenDropsTheDatabaseAndToStringMasksThePassword()
      throws Exception {
    String url = ServerDatabases.adminUrl(POSTGRESQL);
    // the local server trusts its clients: the password is sent nowhere, but it is in the URL
    String withPassword = url + (url.contains("?") ? "&" : "?") + "password=hunter2";
    RevisionGraph graph =
        RevisionGraph.of(
            RevisionLoader.load(Path.of("src/test/resources/revisions/split_name"), null, null));
    try (Sandbox sandbox = Sandbox.of(POSTGRESQL, withPassword, null, null)) {
      MigrationRunner runner = new MigrationRunner(graph, sandbox.create(), null, sandbox);
      String name = runner.databaseName();
      assertThat(runner.jdbcUrl()).contains("hunter2");
      assertThat(runner.toString())
          .startsWith("postgresql database " + name + " at jdbc:postgresql://")
          .doesNotContain("hunter2");
      HikariDataSource pool = (HikariDataSource) runner.dataSource();
      try (Connection c = pool.getConnection()) {
        assertThat(c.isValid(1)).isTrue();
      }
      assertThat(ServerDatabases.names(POSTGRESQL)).contains(name);
      runner.close();
      assertThat(pool.isClosed()).isTrue();
      assertThat(ServerDatabases.names(POSTGRESQL)).doesNotContain(name);
    }
  }
}
